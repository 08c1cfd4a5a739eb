// `ld [-o OUT] [-e ENTRY] [-Ttext ADDR] [-L DIR] [-lNAME] [--start-group ... --end-group] FILES...`: reads the files, runs the pure
// linker (toolchain/ld) and writes the executable (mode 0755). Diagnostics go to stderr as
// `pagoda ld: FILE: error: MESSAGE`; exit status 1 on any error, never a stack trace.
// Accepted and ignored for GNU compatibility: -m EMUL, -static, --no-relax, -nostdlib, --build-id=none, -N/-n.

import { formatDiagnostic, link, type LinkInput } from '../ld/index.js';
import { joinPath, ToolFileError, type ToolHost } from './host.js';
import { reportInternalError } from './internal-error.js';

interface Parsed {
  output: string;
  entry?: string;
  textAddress?: number;
  libDirs: string[];
  /** Files and -l libraries in command-line order; libraries are resolved after all -L are known. */
  items: Item[];
}

/** A file, a -l library, or a --start-group ... --end-group list of them. */
interface Item {
  path?: string;
  lib?: string;
  group?: Item[];
}

class UsageError extends Error {}

const IGNORED = new Set(['-static', '--no-relax', '-nostdlib', '--build-id=none', '-N', '-n', '--no-dynamic-linker']);

function valueOf(argv: string[], i: number, flag: string): string {
  const v = argv[i + 1];
  if (v === undefined) throw new UsageError(`option '${flag}' requires an argument`);
  return v;
}

function parseAddress(text: string): number {
  const n = /^0x[0-9a-f]+$/i.test(text) ? parseInt(text, 16) : /^[0-9a-f]+$/i.test(text) ? parseInt(text, 16) : NaN;
  if (!Number.isFinite(n) || n > 0xffffffff) throw new UsageError(`invalid hex number '${text}' for -Ttext`);
  return n;
}

// Dispatch over options (a flat switch on the flag, one case per option).
function parseArgs(argv: string[]): Parsed {
  const p: Parsed = { output: 'a.out', libDirs: [], items: [] };
  let group: Item[] | undefined;
  const items = (): Item[] => group ?? p.items;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--start-group' || a === '-(') {
      if (group) throw new UsageError('nested --start-group');
      group = [];
      p.items.push({ group });
      continue;
    }
    if (a === '--end-group' || a === '-)') {
      if (!group) throw new UsageError('--end-group without --start-group');
      group = undefined;
      continue;
    }
    if (a === '-o') p.output = valueOf(argv, i++, a);
    else if (a.startsWith('-o') && a.length > 2) p.output = a.slice(2);
    else if (a === '-e' || a === '--entry') p.entry = valueOf(argv, i++, a);
    else if (a.startsWith('--entry=')) p.entry = a.slice(8);
    else if (a.startsWith('-e') && a.length > 2) p.entry = a.slice(2);
    else if (a === '-Ttext') p.textAddress = parseAddress(valueOf(argv, i++, a));
    else if (a.startsWith('-Ttext=')) p.textAddress = parseAddress(a.slice(7));
    else if (a === '-L') p.libDirs.push(valueOf(argv, i++, a));
    else if (a.startsWith('-L')) p.libDirs.push(a.slice(2));
    else if (a === '-l') items().push({ lib: valueOf(argv, i++, a) });
    else if (a.startsWith('-l')) items().push({ lib: a.slice(2) });
    else if (a === '-m') i++;
    else if (IGNORED.has(a) || a.startsWith('-march') || a.startsWith('-melf')) continue;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unrecognized option '${a}'`);
    else items().push({ path: a });
  }
  if (group) throw new UsageError('--start-group without --end-group');
  return p;
}

function readInput(host: ToolHost, path: string): LinkInput {
  try {
    return { name: path, bytes: host.readFile(path) };
  } catch (e) {
    if (!(e instanceof ToolFileError)) throw e;
    throw new InputError(path, e.code === 'ENOENT' ? 'No such file or directory' : e.code === 'EISDIR' ? 'Is a directory' : `Error: ${e.message}`);
  }
}

class InputError extends Error {
  constructor(readonly file: string, message: string) {
    super(message);
  }
}

function resolveLibrary(host: ToolHost, name: string, dirs: string[]): string {
  for (const d of dirs) {
    const candidate = joinPath(d, `lib${name}.a`);
    if (host.exists(candidate)) return candidate;
  }
  throw new InputError(`-l${name}`, `cannot find -l${name} (searched ${dirs.length ? dirs.join(', ') : 'no -L directories'})`);
}

const USAGE = 'usage: pagoda ld [-o OUT] [-e ENTRY] [-Ttext ADDR] [-L DIR] [-lNAME] [--start-group FILES... --end-group] FILES...\n';

/** Runs the linker on `host`; returns the exit status. */
export async function ldMain(argv: string[], host: ToolHost): Promise<number> {
  const err = (s: string): void => host.stderr(s + '\n');
  if (argv.includes('--help')) {
    host.stdout(USAGE);
    return 0;
  }
  try {
    const p = parseArgs(argv);
    const load = (it: Item): LinkInput => readInput(host, it.path ?? resolveLibrary(host, it.lib!, p.libDirs));
    const inputs = p.items.map((it) => (it.group ? { group: it.group.map(load) } : load(it)));
    await host.checkpoint();
    const result = link(inputs, { entry: p.entry, textAddress: p.textAddress });
    for (const d of result.diagnostics) err(formatDiagnostic(d));
    if (!result.executable) return 1;
    await host.checkpoint();
    host.writeFile(p.output, result.executable, 0o755);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) err(`pagoda ld: error: ${e.message}`);
    else if (e instanceof InputError) err(`pagoda ld: ${e.file}: error: ${e.message}`);
    else if (e instanceof ToolFileError) err(`pagoda ld: error: ${e.message}`);
    else return reportInternalError(host, 'pagoda ld', e);
    return 1;
  }
}
