// Expressions: number syntaxes, GNU as operator precedence, symbols, `.`, assignments.

import { describe, expect, it } from 'vitest';
import { asm } from './helpers.js';

/** The 32-bit value `.word EXPR` assembles to (in .data, where label differences are constants). */
function wordOf(expr: string, prelude = ''): number {
  const elf = asm(`${prelude}\t.data\n\t.word ${expr}\n`);
  return elf.words('.data')[0] | 0;
}

describe('constants', () => {
  it.each([
    ['42', 42], ['0x2A', 42], ['0X2a', 42], ['052', 42], ['0b101010', 42], ['0B101010', 42], ["'*'", 42],
    ["'*", 42], ["'\\n'", 10], ["'\\\\'", 92], ['0', 0], ['-1', -1], ['4294967295', -1],
  ])('%s is %i', (text, value) => expect(wordOf(text)).toBe(value));
});

describe('operators with GNU as precedence', () => {
  it.each([
    ['(1 << 2) | 1', 5],
    ['1 + 2 << 3', 17], // << binds tighter than + in GNU as
    ['2 * 3 + 4', 10],
    ['2 + 3 * 4', 14],
    ['10 - 4 - 3', 3],
    ['-(3 * 4) % 5', -2],
    ['~0xff & 0xfff', 0xf00],
    ['0x10 ^ 0x01 | 0x100', 0x111],
    ['6 & 3 + 1', 3], // & binds tighter than + in GNU as: (6 & 3) + 1
    ['100 >> 2', 25],
    ['-8 >> 1', -4],
    ['7 / 2', 3],
    ['-7 / 2', -3],
    ['7 % 3', 1],
    ['3 > 2', -1], // comparisons give -1 for true
    ['3 < 2', 0],
    ['2 == 2', -1],
    ['2 != 2', 0],
    ['2 <> 3', -1],
    ['3 >= 3', -1],
    ['3 <= 2', 0],
    ['1 && 2', 1],
    ['0 || 0', 0],
    ['10 && 0 || 1', 1],
    ['!0', 1],
    ['!5', 0],
    ['- -3', 3],
    ['+7', 7],
    ['5 ! 1', 5 | ~1], // binary ! is or-not
  ])('%s = %i', (text, value) => expect(wordOf(text)).toBe(value));
});

describe('symbols in expressions', () => {
  it('uses constants assigned with =, .equ and .set, even before their definition', () => {
    expect(wordOf('A + B * 2', '\tA = 3\n\t.equ B, A + 1\n')).toBe(11);
    const elf = asm('\t.data\n\t.word LATER\n\tLATER = 0x55\n');
    expect(elf.words('.data')[0]).toBe(0x55);
  });

  it('lets .set redefine a symbol; each use sees the value at that point', () => {
    const elf = asm('\t.data\n\t.set V, 1\n\t.word V\n\t.set V, 2\n\t.word V\n');
    expect(elf.words('.data')).toEqual([1, 2]);
  });

  it('computes the distance between labels of one section and `.`', () => {
    const elf = asm('\t.data\nstart:\t.word 0, 0\nhere:\t.word here - start, . - start, end - start\nend:\n');
    expect(elf.words('.data').slice(2)).toEqual([8, 12, 20]);
  });

  it('computes `len = . - msg` for use as an immediate', () => {
    const elf = asm('msg:\t.ascii "hello\\n"\n\tlen = . - msg\n\t.align 2\n\tli a2, len\n');
    expect(elf.words('.text')[2]).toBe(0x00600613); // li a2, 6
  });

  it('relocates sym+constant and keeps the addend', () => {
    const elf = asm('\t.data\n\t.word ext + 12, ext - 4\n');
    expect(elf.relocs('.data')).toEqual([
      { offset: 0, type: 1, symbol: 'ext', addend: 12 },
      { offset: 4, type: 1, symbol: 'ext', addend: -4 },
    ]);
  });

  it('makes `.set x, label + 4` a label, as GNU as does for .LANCHOR', () => {
    const elf = asm('\t.data\na:\t.word 0, 0\n\t.set x, a + 4\n\t.word x\n');
    expect(elf.symbol('x').value).toBe(4);
    expect(elf.relocs('.data')).toEqual([{ offset: 8, type: 1, symbol: 'x', addend: 0 }]);
  });

  it('keeps label differences inside a code section as ADD32/SUB32 pairs', () => {
    const elf = asm('a:\tnop\nb:\tnop\n\t.data\n\t.word b - a\n');
    expect(elf.relocs('.data')).toEqual([
      { offset: 0, type: 35, symbol: 'b', addend: 0 },
      { offset: 0, type: 39, symbol: 'a', addend: 0 },
    ]);
  });
});
