// `as [-o OUT.o] FILE.s`: the GNU-compatible RISC-V assembler on a ToolHost's files (`-` is stdin on the
// host CLI only).
// -march= sets the ISA (F and D instructions need it) and -mabi= the float ABI in e_flags, as in GNU as;
// the other GNU as options gcc passes (-mno-relax, -g, ...) are accepted and change nothing here.

import { assemble, checkAssembleOptions, formatDiagnostic } from '../as/index.js';
import { ToolFileError, type ToolHost } from './host.js';
import { reportInternalError } from './internal-error.js';

const USAGE = 'usage: pagoda as [-march=ISA] [-mabi=ABI] [-o OUT.o] FILE.s';
/** GNU as options that gcc passes and that do not change what this assembler produces. */
const IGNORED_OPTIONS = /^(-mrelax|-mno-relax|-mno-arch-attr|-misa-spec=.*|-g|--gdwarf.*|-Q[yn]?)$/;

/** Runs the assembler; returns the exit status (0 ok, 1 errors, an internal error reported in one line). */
export async function asMain(argv: string[], host: ToolHost): Promise<number> {
  try {
    return await run(argv, host);
  } catch (e) {
    return reportInternalError(host, 'pagoda as', e);
  }
}

async function run(argv: string[], host: ToolHost): Promise<number> {
  const fail = (message: string): number => {
    host.stderr(`pagoda as: error: ${message}\n`);
    return 1;
  };
  let out = 'a.out';
  const inputs: string[] = [];
  let march: string | undefined;
  let mabi: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o') {
      if (i + 1 >= argv.length) return fail('-o needs a file name');
      out = argv[++i];
    } else if (a.startsWith('-o') && a.length > 2) {
      out = a.slice(2);
    } else if (a === '-h' || a === '--help') {
      host.stdout(USAGE + '\n');
      return 0;
    } else if (a.startsWith('-march=')) {
      march = a.slice(7);
    } else if (a.startsWith('-mabi=')) {
      mabi = a.slice(6);
    } else if (a.startsWith('-') && a !== '-') {
      if (!IGNORED_OPTIONS.test(a)) return fail(`unknown option '${a}'`);
    } else {
      inputs.push(a);
    }
  }
  if (inputs.length !== 1) return fail(inputs.length === 0 ? `no input file\n${USAGE}` : 'exactly one input file is supported');
  const file = inputs[0];
  let source: string;
  try {
    source = new TextDecoder().decode(host.readFile(file === '-' ? '/dev/stdin' : file));
  } catch (e) {
    if (!(e instanceof ToolFileError)) throw e;
    return fail(`cannot read '${file}': ${e.code}`);
  }
  const bad = checkAssembleOptions({ march, mabi });
  if (bad !== undefined) return fail(bad);
  await host.checkpoint();
  const result = assemble(source, file, { march, mabi });
  for (const d of result.diagnostics) host.stderr(`pagoda as: ${formatDiagnostic(d)}\n`);
  if (result.object === undefined) return 1;
  await host.checkpoint();
  try {
    host.writeFile(out, result.object);
  } catch (e) {
    if (!(e instanceof ToolFileError)) throw e;
    return fail(`cannot write '${out}': ${e.code}`);
  }
  return 0;
}
