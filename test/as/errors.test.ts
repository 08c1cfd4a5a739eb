// Every kind of mistake gives `line:col: message`, all errors are reported, and no object is made.

import { describe, expect, it } from 'vitest';
import { assemble } from '../../toolchain/as/index.js';

/** Assembles `source` and returns its diagnostics as "line:col: message" strings. */
function errorsOf(source: string): string[] {
  const r = assemble(source, 'bad.s');
  return r.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`);
}

const CASES: Array<[string, string, string]> = [
  ['unknown mnemonic', '\tfoo a0, a1\n', "1:2: unknown instruction 'foo'"],
  ['bad register in an R-type operand', '\tadd a0, a1, x32\n', "1:14: invalid register 'x32'"],
  ['bad register as a destination', '\taddi q7, a1, 1\n', "1:7: invalid register 'q7'"],
  ['bad base register', '\tlw a0, 0(x99)\n', "1:11: invalid register 'x99'"],
  ['I-type immediate out of range', '\taddi a0, a1, 2048\n', 'immediate 2048 out of range for addi (-2048..2047)'],
  ['load offset out of range', '\tlw a0, -2049(sp)\n', '1:9: immediate -2049 out of range for lw (-2048..2047)'],
  ['shift amount out of range', '\tslli a0, a1, 32\n', '1:15: immediate 32 out of range for slli shift amount (0..31)'],
  ['lui immediate out of range', '\tlui a0, 0x100000\n', '1:10: immediate 1048576 out of range for lui (0..1048575)'],
  ['CSR immediate out of range', '\tcsrwi mstatus, 32\n', '1:17: immediate 32 out of range for csrwi (0..31)'],
  ['undefined numeric local label', '\tbeqz a0, 1f\n', "1:11: undefined local label '1f'"],
  ['backward reference to a label not yet defined', '\tj 2b\n', "1:4: undefined local label '2b'"],
  ['undefined .L symbol', '\tj .Lmissing\n', "1:4: undefined local symbol '.Lmissing'"],
  ['unknown directive', '\t.foo 1\n', "1:2: unknown directive '.foo'"],
  ['incomplete expression', '\tli a0, (1 +\n', '1:13: expected an expression'],
  ['wrong operand count', '\taddi a0, a1\n', "1:2: 'addi' expects 3 operands, got 2"],
  ['too many operands', '\tadd a0, a1, a2, a3\n', "1:2: 'add' expects 3 operands, got 4"],
  ['symbol redefined', 'x: nop\nx: nop\n', "2:1: symbol 'x' is already defined (line 1)"],
  ['.equiv of a defined symbol', '\t.equiv x, 1\n\t.equiv x, 2\n', "2:9: symbol 'x' is already defined (line 1)"],
  ['unterminated string', '\t.string "abc\n', '1:10: unterminated string'],
  ['unknown CSR name', '\tcsrr a0, bogus\n', "1:11: unknown CSR 'bogus'"],
  ['CSR number out of range', '\tcsrr a0, 4096\n', '1:11: CSR number 4096 out of range (0..4095)'],
  ['division by zero', '\tli a0, 1/0\n', '1:10: division by zero'],
  ['.balign not a power of two', '\t.balign 3\n', '1:10: alignment 3 is not a power of two (1..65536)'],
  ['.align too large', '\t.align 20\n', '1:9: alignment 2^20 out of range for .align (0..16)'],
  ['unknown section flag', '\t.section .foo,"q"\n', "1:16: unknown section flag 'q'"],
  ['data in .bss', '\t.bss\n\t.word 1\n', "2:8: attempt to store a non-zero value in section '.bss'"],
  ['wrong relocation operator for the instruction', '\taddi a0, a1, %hi(x)\n', "1:15: relocation operator '%hi' is not valid for addi"],
  ['unknown relocation operator', '\tli a0, %foo(x)\n', "1:9: unknown relocation operator '%foo'"],
  ['unknown .option', '\t.option bogus\n', "1:10: unknown option 'bogus'"],
  ['.option pop without push', '\t.option pop\n', '1:10: .option pop with no matching .option push'],
  ['invalid fence set', '\tfence rx, w\n', "1:8: invalid fence set 'rx'"],
  ['AMO with an offset', '\tamoadd.w a0, a1, 4(a2)\n', "1:19: expected a base register operand '(reg)'"],
  ['unknown symbol type', '\t.type f, @thing\n', "1:11: unknown symbol type 'thing'"],
  ['non-relocatable data expression', '\t.word a*b\n', "1:9: invalid operands for '*': the value is not a constant"],
  ['stray character', '\tnop `\n', "1:6: unexpected character '`'"],
  ['symbol where a constant is required', '\tli a0, undefined_sym\n', '1:9: expected a constant expression'],
  ['junk after an operand', '\taddi a0, a1, 1 2\n', "1:17: unexpected '2' after operand"],
  ['unknown attribute', '\t.attribute foo, 1\n', "1:13: unknown attribute 'foo'"],
  ['constant branch target', '\tbeq a0, a1, 0x100\n', '1:14: branch target must be a symbol, not a constant'],
  ['missing operand after a comma', '\t.byte 1,\n', '1:10: expected an expression'],
  ['non-constant .size', '\t.size f, undefined_thing\n', "1:8: size of 'f' is not a constant"],
  ['.popsection without .pushsection', '\t.popsection\n', '1:2: .popsection without .pushsection'],
  ['store to a symbol without a temporary', '\tsw a0, sym\n', '1:9: storing to a symbol needs a temporary register: sw rs, symbol, rt'],
  ['register where an immediate is expected', '\tmv a0, 5\n', '1:9: expected a register'],
  ['%pcrel_lo of a non-label', '\taddi a0, a0, %pcrel_lo(7)\n', '1:15: %pcrel_lo needs the label of the matching auipc'],
  ['invalid number', '\tli a0, 12abc\n', "1:9: invalid number '12abc'"],
  ['.endr without .rept', '\t.endr\n', '1:2: .endr without .rept'],
  ['.rept without .endr', '\t.rept 2\n\tnop\n', '1:8: .rept without .endr'],
];

describe('assembler errors', () => {
  it.each(CASES)('reports %s', (_what, source, expected) => {
    const errors = errorsOf(source);
    expect(errors).toHaveLength(1);
    if (/^\d+:\d+: /.test(expected)) expect(errors[0]).toBe(expected);
    else expect(errors[0]).toContain(expected);
  });

  it('reports every error in the file, in order, and produces no object', () => {
    const r = assemble('a: nop\n\tfoo\n\tli a0, 5\n\tbar x\n\taddi a0, a0, 9999\n\tj 1f\n', 'multi.s');
    expect(r.object).toBeUndefined();
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}`)).toEqual([
      'multi.s:2:2', 'multi.s:4:2', 'multi.s:5:15', 'multi.s:6:4',
    ]);
  });

  it('keeps going after an error on a line with several statements', () => {
    expect(errorsOf('\tfoo; nop; bar\n')).toEqual(["1:2: unknown instruction 'foo'", "1:12: unknown instruction 'bar'"]);
  });

  it('never fails internally on randomly damaged versions of the fixtures (seeded)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = join(import.meta.dirname, 'fixtures');
    const sources = readdirSync(dir).filter((f) => f.endsWith('.s')).map((f) => readFileSync(join(dir, f), 'utf8'));
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const alphabet = 'abcxyz0189.,()%:;#"\'+-*/<>=!&|^~ \t\n@$_[]\\';
    for (let iter = 0; iter < 300; iter++) {
      let s = sources[rnd(sources.length)];
      for (let e = 1 + rnd(8); e > 0; e--) {
        const p = rnd(s.length);
        const c = alphabet[rnd(alphabet.length)];
        const k = rnd(3);
        s = k === 0 ? s.slice(0, p) + s.slice(p + 1 + rnd(5)) : k === 1 ? s.slice(0, p) + c + s.slice(p) : s.slice(0, p) + c + s.slice(p + 1);
      }
      const r = assemble(s, 'fuzz.s');
      expect(r.diagnostics.filter((d) => d.message.startsWith('internal'))).toEqual([]);
      expect(r.object !== undefined || r.diagnostics.length > 0).toBe(true);
    }
  });

  it('never throws, even on binary garbage', () => {
    const garbage = Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const r = assemble(garbage, 'garbage.s');
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => !d.message.startsWith('internal'))).toBe(true);
  });
});
