// Test helper: run GNU binutils on raw instruction words and read back objdump's lines.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when the riscv64-unknown-elf binutils are on PATH. */
export function hasBinutils(): boolean {
  try {
    execFileSync('riscv64-unknown-elf-objdump', ['--version'], { stdio: 'ignore' });
    execFileSync('riscv64-unknown-elf-as', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** One line of `objdump -d`: its address, raw-bytes column and disassembly text (undefined on continuations). */
export interface DumpLine {
  readonly address: number;
  readonly bytes: string;
  readonly text: string | undefined;
  readonly raw: string;
}

/** Splits an objdump instruction line `   1c:\t00a00513          \tli\ta0,10`. */
export function parseDumpLine(raw: string): DumpLine {
  const [addr = '', bytes = '', ...rest] = raw.split('\t');
  return { address: parseInt(addr, 16), bytes, text: rest.length > 0 ? rest.join('\t') : undefined, raw };
}

/** Little-endian bytes of `words`. */
export function wordsToBytes(words: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  words.forEach((w, i) => view.setUint32(i * 4, w >>> 0, true));
  return bytes;
}

/**
 * objdump's instruction lines for `words` placed in .text (symbol `main` at 0) of an object whose arch
 * attribute is `march`; the `$d` mapping symbols are stripped so every word is decoded as code.
 */
export function gnuDisassembleWords(words: readonly number[], march: string): DumpLine[] {
  const dir = mkdtempSync(join(tmpdir(), 'pagoda-objdump-'));
  try {
    const src = '.text\n.globl main\nmain:\n' + words.map((w) => ` .word 0x${(w >>> 0).toString(16)}\n`).join('');
    writeFileSync(join(dir, 'w.s'), src);
    execFileSync('riscv64-unknown-elf-as', [`-march=${march}`, '-mabi=ilp32', join(dir, 'w.s'), '-o', join(dir, 'w.o')]);
    execFileSync('riscv64-unknown-elf-objcopy', ['--strip-symbol=$d', join(dir, 'w.o'), join(dir, 'x.o')]);
    const out = execFileSync('riscv64-unknown-elf-objdump', ['-d', join(dir, 'x.o')], { maxBuffer: 1 << 28 });
    return out.toString().split('\n').filter((l) => /^ *[0-9a-f]+:\t/.test(l)).map(parseDumpLine);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How objdump names an address in a file whose only symbol is `main` at 0. */
export const formatMainRelative = (address: number): string =>
  address === 0 ? '0 <main>' : `${address.toString(16)} <main+0x${address.toString(16)}>`;
