// `objdump -d [-S] [-l] FILE...`: disassembles ELF32 RISC-V files in GNU objdump's layout (toolchain/objdump.ts).
// Errors: `pagoda objdump: FILE: error: MESSAGE` on stderr; the exit status is 1 when any file failed.

import { ObjdumpError, objdumpDisassemble } from '../objdump.js';
import { ElfFormatError } from '../../abi/elfread.js';
import { ToolFileError, type ToolHost } from './host.js';
import { reportInternalError } from './internal-error.js';
import type { SourceOptions } from '../objdump/source-lines.js';

const USAGE = 'usage: pagoda objdump -d [-S] [-l] FILE...';

/** The source-file reader of -S: the text of `path`, or null when the host cannot read it. */
function sourceReader(host: ToolHost): (path: string) => string | null {
  return (path) => {
    try {
      return new TextDecoder().decode(host.readFile(path));
    } catch (e) {
      if (e instanceof ToolFileError) return null;
      throw e;
    }
  };
}

function fail(host: ToolHost, message: string): number {
  host.stderr(`pagoda objdump: error: ${message}\n${USAGE}\n`);
  return 1;
}

/** Reads `file` or returns the reason it cannot be read. */
function readInput(host: ToolHost, file: string): Uint8Array | string {
  try {
    return host.readFile(file);
  } catch (e) {
    if (!(e instanceof ToolFileError)) throw e;
    const code = e.code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a directory';
    if (code === 'EACCES') return 'permission denied';
    return `cannot read file (${code ?? String(e)})`;
  }
}

/** Disassembles one file to stdout; returns false (after reporting) when it cannot. */
function dumpOne(host: ToolHost, file: string, source: SourceOptions): boolean {
  const input = readInput(host, file);
  let text: string;
  try {
    if (typeof input === 'string') throw new ObjdumpError(input);
    text = objdumpDisassemble(file, input, source);
  } catch (e) {
    if (!(e instanceof ElfFormatError || e instanceof ObjdumpError)) {
      reportInternalError(host, `pagoda objdump: ${file}`, e);
      return false;
    }
    host.stderr(`pagoda objdump: ${file}: error: ${e.message}\n`);
    return false;
  }
  host.stdout(text);
  return true;
}

/** Entry point: `-d`/`--disassemble` is required; every other argument is a file. Returns the exit status. */
export async function objdumpMain(argv: string[], host: ToolHost): Promise<number> {
  let disassemble = false;
  const source: SourceOptions = { source: false, lineNumbers: false, readSource: sourceReader(host) };
  const files: string[] = [];
  if (argv.includes('--help') || argv.includes('-h')) {
    host.stdout(USAGE + '\n');
    return 0;
  }
  for (const arg of argv) {
    if (arg === '-d' || arg === '--disassemble') disassemble = true;
    // -S implies -d, as in GNU objdump; -l adds file:line to a disassembly
    else if (arg === '-S' || arg === '--source') disassemble = source.source = true;
    else if (arg === '-l' || arg === '--line-numbers') source.lineNumbers = true;
    else if (/^-[dSl]{2,3}$/.test(arg)) {
      disassemble = true;
      source.source ||= arg.includes('S');
      source.lineNumbers ||= arg.includes('l');
    }
    else if (arg.startsWith('-') && arg !== '-') return fail(host, `unknown option '${arg}'`);
    else files.push(arg);
  }
  if (!disassemble) return fail(host, 'only -d (disassemble) is supported, with -S and -l');
  if (files.length === 0) return fail(host, 'no input files');
  let ok = true;
  for (const file of files) {
    await host.checkpoint();
    ok = dumpOne(host, file, source) && ok;
  }
  return ok ? 0 : 1;
}
