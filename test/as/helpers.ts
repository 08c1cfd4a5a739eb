// Shared helpers for the assembler tests.

import { expect } from 'vitest';
import { assemble } from '../../toolchain/as/index.js';
import { readElf, type TestElf } from './elf-reader.js';

/** Assembles `source`, failing the test with the diagnostics if there are any. */
export function asm(source: string): TestElf {
  const r = assemble(source, 'test.s');
  expect(r.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`)).toEqual([]);
  return readElf(r.object as Uint8Array);
}

/** The words of `.text` (or another section) in hex. */
export function hexWords(elf: TestElf, section = '.text'): string[] {
  return elf.words(section).map((w) => w.toString(16).padStart(8, '0'));
}

/** Relocations of a section as "offset TYPE symbol+addend" strings. */
export function relocs(elf: TestElf, section = '.text'): string[] {
  const names: Record<number, string> = {
    1: 'R_32', 16: 'BRANCH', 17: 'JAL', 19: 'CALL_PLT', 20: 'GOT_HI20', 23: 'PCREL_HI20', 24: 'PCREL_LO12_I',
    25: 'PCREL_LO12_S', 26: 'HI20', 27: 'LO12_I', 28: 'LO12_S', 33: 'ADD8', 34: 'ADD16', 35: 'ADD32', 37: 'SUB8',
    38: 'SUB16', 39: 'SUB32',
  };
  return elf.relocs(section).map((r) =>
    `${r.offset.toString(16)} ${names[r.type] ?? r.type} ${r.symbol}${r.addend ? (r.addend > 0 ? '+' : '') + r.addend : ''}`);
}
