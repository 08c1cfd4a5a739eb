// `pagoda objdump -d [-S] [-l] FILE...`: disassembles ELF32 RISC-V files in GNU objdump's layout (toolchain/objdump.ts).
// Errors: `pagoda objdump: FILE: error: MESSAGE` on stderr; the exit status is 1 when any file failed.

import { readFileSync } from 'node:fs';
import { ObjdumpError, objdumpDisassemble } from '../toolchain/objdump.js';
import { ElfFormatError } from '../abi/elfread.js';
import { reportInternalError } from './internal-error.js';
import type { SourceOptions } from '../toolchain/objdump/source-lines.js';

/** A source file for -S, or null when it cannot be read. */
function readSource(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

const USAGE = 'usage: pagoda objdump -d [-S] [-l] FILE...';

function fail(message: string): number {
  process.stderr.write(`pagoda objdump: error: ${message}\n${USAGE}\n`);
  return 1;
}

/** Reads `file` or returns the reason it cannot be read. */
function readInput(file: string): Uint8Array | string {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a directory';
    if (code === 'EACCES') return 'permission denied';
    return `cannot read file (${code ?? String(e)})`;
  }
}

/** Disassembles one file to stdout; returns false (after reporting) when it cannot. */
function dumpOne(file: string, source: SourceOptions): boolean {
  const input = readInput(file);
  let text: string;
  try {
    if (typeof input === 'string') throw new ObjdumpError(input);
    text = objdumpDisassemble(file, input, source);
  } catch (e) {
    if (!(e instanceof ElfFormatError || e instanceof ObjdumpError)) {
      reportInternalError(`pagoda objdump: ${file}`, e);
      return false;
    }
    process.stderr.write(`pagoda objdump: ${file}: error: ${e.message}\n`);
    return false;
  }
  process.stdout.write(text);
  return true;
}

/** Entry point: `-d`/`--disassemble` is required; every other argument is a file. Returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  let disassemble = false;
  const source: SourceOptions = { source: false, lineNumbers: false, readSource };
  const files: string[] = [];
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  for (const arg of argv) {
    if (arg === '-d' || arg === '--disassemble') disassemble = true;
    // -S implies -d, as in GNU objdump; -l adds file:line to a disassembly
    else if (arg === '-S' || arg === '--source') disassemble = source.source = true;
    else if (arg === '-l' || arg === '--line-numbers') source.lineNumbers = true;
    else if (arg === '-dS' || arg === '-Sd' || arg === '-dl' || arg === '-Sl' || arg === '-lS') {
      disassemble = true;
      source.source ||= arg.includes('S');
      source.lineNumbers ||= arg.includes('l');
    }
    else if (arg.startsWith('-') && arg !== '-') return fail(`unknown option '${arg}'`);
    else files.push(arg);
  }
  if (!disassemble) return fail('only -d (disassemble) is supported, with -S and -l');
  if (files.length === 0) return fail('no input files');
  let ok = true;
  for (const file of files) ok = dumpOne(file, source) && ok;
  return ok ? 0 : 1;
}
