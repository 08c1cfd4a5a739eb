// RV32I register-register and register-immediate arithmetic, shifts, comparisons, lui/auipc,
// and the x0 rules, on edge values against reference functions written here.

import { describe, expect, it } from 'vitest';
import { Program } from '../../bench/program.js';
import { Trap } from '../../machine/trap.js';
import { bareMachine, CODE, EDGES, evalI, evalR, hex, pairsOf, R, runBare } from './support.js';

const u = (v: number): number => v >>> 0;

/** Reference semantics of the R-type ALU instructions (Unprivileged ISA 2.4.2). */
const REG_OPS: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => (a + b) | 0,
  sub: (a, b) => (a - b) | 0,
  and: (a, b) => a & b,
  or: (a, b) => a | b,
  xor: (a, b) => a ^ b,
  sll: (a, b) => Number((BigInt(u(a)) << BigInt(b & 31)) & 0xffffffffn) | 0,
  srl: (a, b) => Number(BigInt(u(a)) >> BigInt(b & 31)) | 0,
  sra: (a, b) => Number(BigInt.asIntN(32, BigInt(a | 0) >> BigInt(b & 31))),
  slt: (a, b) => ((a | 0) < (b | 0) ? 1 : 0),
  sltu: (a, b) => (u(a) < u(b) ? 1 : 0),
};

/** Reference semantics of the I-type ALU instructions; imm is already sign-extended. */
const IMM_OPS: Record<string, (a: number, imm: number) => number> = {
  addi: REG_OPS.add,
  slti: REG_OPS.slt,
  sltiu: REG_OPS.sltu,
  xori: REG_OPS.xor,
  ori: REG_OPS.or,
  andi: REG_OPS.and,
  slli: REG_OPS.sll,
  srli: REG_OPS.srl,
  srai: REG_OPS.sra,
};

const IMMEDIATES = [0, 1, -1, 2047, -2048, 0x555, -0x556];
const SHAMTS = [0, 1, 4, 16, 31];
const SHIFT_AMOUNTS = [0, 1, 31, 32, 33, 63, -1, 0x7fffffe0];

describe('register-register ALU instructions', () => {
  it.each(Object.keys(REG_OPS))('%s matches the ISA on every pair of edge values', (op) => {
    const pairs = pairsOf(EDGES);
    const got = evalR(op, pairs);
    pairs.forEach(([a, b], i) => {
      expect(got[i], `${op} ${hex(a)}, ${hex(b)}`).toBe(REG_OPS[op](a, b));
    });
  });

  it.each(['sll', 'srl', 'sra'])('%s uses only the low 5 bits of rs2 (by 32 is by 0, by 33 is by 1)', (op) => {
    const pairs = SHIFT_AMOUNTS.flatMap((s) => [[0x80000001 | 0, s], [0x40000003, s], [-1, s]] as [number, number][]);
    const got = evalR(op, pairs);
    pairs.forEach(([a, s], i) => expect(got[i], `${op} ${hex(a)} by ${s}`).toBe(REG_OPS[op](a, s & 31)));
  });

  it('shifts by 32 leave the value unchanged and by 33 shift by one', () => {
    const [sll32, sll33, srl33, sra33] = [
      ...evalR('sll', [[0x12345678, 32], [0x12345678, 33]]),
      ...evalR('srl', [[0x80000000 | 0, 33]]),
      ...evalR('sra', [[0x80000000 | 0, 33]]),
    ];
    expect(sll32).toBe(0x12345678);
    expect(sll33).toBe(0x2468acf0);
    expect(srl33).toBe(0x40000000);
    expect(sra33).toBe(0xc0000000 | 0);
  });

  it('slt and sltu disagree exactly where the sign bit matters', () => {
    const pairs: [number, number][] = [[-1, 1], [1, -1], [0x80000000 | 0, 0x7fffffff], [0x7fffffff, 0x80000000 | 0], [-1, -1], [0, 0]];
    expect(evalR('slt', pairs)).toEqual([1, 0, 1, 0, 0, 0]);
    expect(evalR('sltu', pairs)).toEqual([0, 1, 0, 1, 0, 0]);
  });

  it('sltu rd, x0, rs2 is "rs2 != 0" (snez)', () => {
    const m = runBare((p) => {
      p.li(R.t0, 5).emit('sltu', R.a0, R.zero, R.t0).emit('sltu', R.a1, R.zero, R.zero).li(R.t1, -1).emit('sltu', R.a2, R.zero, R.t1);
    });
    expect([m.cpu.x[R.a0], m.cpu.x[R.a1], m.cpu.x[R.a2]]).toEqual([1, 0, 1]);
  });
});

describe('register-immediate ALU instructions', () => {
  it.each(['addi', 'slti', 'sltiu', 'xori', 'ori', 'andi'])('%s sign-extends its 12-bit immediate and matches the ISA', (op) => {
    const pairs = EDGES.flatMap((a) => IMMEDIATES.map((imm) => [a, imm] as [number, number]));
    const got = evalI(op, pairs);
    pairs.forEach(([a, imm], i) => expect(got[i], `${op} ${hex(a)}, ${imm}`).toBe(IMM_OPS[op](a, imm)));
  });

  it.each(['slli', 'srli', 'srai'])('%s shifts by 0, 1, 4, 16 and 31', (op) => {
    const pairs = EDGES.flatMap((a) => SHAMTS.map((s) => [a, s] as [number, number]));
    const got = evalI(op, pairs);
    pairs.forEach(([a, s], i) => expect(got[i], `${op} ${hex(a)}, ${s}`).toBe(IMM_OPS[op](a, s)));
  });

  it('sltiu compares against the sign-extended immediate as unsigned (sltiu rd, rs, -1 is "rs != 0xffffffff")', () => {
    const got = evalI('sltiu', [[0, -1], [0xfffffffe | 0, -1], [-1, -1], [0x7ff, 2047], [0x7fe, 2047], [0, 1], [1, 1]]);
    expect(got).toEqual([1, 1, 0, 0, 1, 1, 0]);
  });

  it('slti treats the immediate as signed', () => {
    expect(evalI('slti', [[-1, 0], [0, -1], [-2049, -2048], [-2048, -2048], [2046, 2047], [0x80000000 | 0, -2048]])).toEqual([1, 0, 1, 0, 1, 1]);
  });

  it('addi wraps around at 32 bits', () => {
    expect(evalI('addi', [[0x7fffffff, 1], [0x80000000 | 0, -1], [-1, 1]])).toEqual([0x80000000 | 0, 0x7fffffff, 0]);
  });
});

describe('lui and auipc', () => {
  it.each([0, 0x1000, 0x7ffff000, 0x80000000, 0xfffff000, 0x12345000])('lui loads %i into the upper 20 bits, lower 12 zero', (imm) => {
    const m = runBare((p) => p.emit('lui', R.a0, imm));
    expect(m.cpu.x[R.a0]).toBe(imm | 0);
  });

  it('lui followed by addi builds any 32-bit constant (li)', () => {
    const values = [...EDGES, 0x800, 0xfff, 0x7ff, -0x801, 0xdeadbeef | 0];
    const m = runBare((p) => values.forEach((v, i) => p.li(R.s2 + (i % 10), v).emit('sw', R.s2 + (i % 10), R.zero, 0x400 + 4 * i)));
    values.forEach((v, i) => expect(m.ram.read32(0x400 + 4 * i) | 0, hex(v)).toBe(v | 0));
  });

  it('auipc adds the upper immediate to the pc of the auipc itself', () => {
    const m = runBare((p) => {
      p.emit('auipc', R.a0, 0);           // at CODE
      p.emit('auipc', R.a1, 0x1000);      // at CODE + 4
      p.emit('auipc', R.a2, 0xfffff000);  // at CODE + 8: minus 4096
      p.emit('auipc', R.a3, 0x80000000);  // at CODE + 12
    });
    expect(m.cpu.x[R.a0]).toBe(CODE);
    expect(m.cpu.x[R.a1]).toBe(CODE + 4 + 0x1000);
    expect(m.cpu.x[R.a2]).toBe(CODE + 8 - 0x1000);
    expect(m.cpu.x[R.a3]).toBe((CODE + 12 + 0x80000000) | 0);
  });
});

describe('x0', () => {
  const writers: [string, (p: Program) => void][] = [
    ['addi', (p) => p.emit('addi', R.zero, R.t0, 5)],
    ['add', (p) => p.emit('add', R.zero, R.t0, R.t1)],
    ['sub', (p) => p.emit('sub', R.zero, R.t0, R.t1)],
    ['sll', (p) => p.emit('sll', R.zero, R.t0, R.t1)],
    ['srai', (p) => p.emit('srai', R.zero, R.t0, 3)],
    ['slt', (p) => p.emit('slt', R.zero, R.t1, R.t0)],
    ['sltiu', (p) => p.emit('sltiu', R.zero, R.t0, -1)],
    ['xori', (p) => p.emit('xori', R.zero, R.t0, -1)],
    ['lui', (p) => p.emit('lui', R.zero, 0x12345000)],
    ['auipc', (p) => p.emit('auipc', R.zero, 0x1000)],
    ['mul', (p) => p.emit('mul', R.zero, R.t0, R.t1)],
    ['div', (p) => p.emit('div', R.zero, R.t0, R.t1)],
    ['lw', (p) => p.emit('lw', R.zero, R.zero, 0x200)],
    ['jal', (p) => p.emit('jal', R.zero, 4)],
    ['csrrs cycle', (p) => p.emit('csrrs', R.zero, 0xc00, R.zero)],
  ];

  it.each(writers)('stays 0 after %s writes it, for the next instruction and after run()', (_name, write) => {
    const m = runBare((p) => {
      p.li(R.t0, 0x7654321).li(R.t1, 3).li(R.a0, 0x1111);
      p.emit('sw', R.a0, R.zero, 0x200);
      write(p);
      p.emit('add', R.a1, R.zero, R.zero).emit('addi', R.a2, R.zero, 0);
    });
    expect(m.cpu.x[0]).toBe(0);
    expect(m.cpu.x[R.a1]).toBe(0);
    expect(m.cpu.x[R.a2]).toBe(0);
  });

  it('stays 0 when the write is the last instruction of a run() slice', () => {
    const p = new Program(CODE).emit('addi', R.zero, R.zero, 123).emit('ecall');
    const m = bareMachine(p);
    expect(m.run(1)).toBe(Trap.Budget);
    expect(m.cpu.x[0]).toBe(0);
  });

  it('reads as 0 as a source in every position', () => {
    const m = runBare((p) => {
      p.li(R.t0, 0x1234).li(R.t1, -7);
      p.emit('add', R.a0, R.zero, R.t0).emit('sub', R.a1, R.zero, R.t0).emit('or', R.a2, R.t1, R.zero)
        .emit('sll', R.a3, R.t0, R.zero).emit('slt', R.a4, R.t1, R.zero).emit('sltu', R.a5, R.zero, R.zero)
        .emit('addi', R.a6, R.zero, -1).emit('andi', R.a7, R.zero, -1);
    });
    const x = m.cpu.x;
    expect([x[R.a0], x[R.a1], x[R.a2], x[R.a3], x[R.a4], x[R.a5], x[R.a6], x[R.a7]]).toEqual([0x1234, -0x1234, -7, 0x1234, 1, 0, -1, 0]);
  });
});

describe('rd aliasing', () => {
  it('reads both sources before writing rd when rd is also a source', () => {
    const m = runBare((p) => {
      p.li(R.a0, 5).emit('add', R.a0, R.a0, R.a0);            // 10
      p.li(R.a1, 7).emit('sub', R.a1, R.a1, R.a1);            // 0
      p.li(R.a2, 3).emit('sll', R.a2, R.a2, R.a2);            // 24
      p.li(R.a3, 9).emit('slli', R.a3, R.a3, 2);              // 36
    });
    expect([m.cpu.x[R.a0], m.cpu.x[R.a1], m.cpu.x[R.a2], m.cpu.x[R.a3]]).toEqual([10, 0, 24, 36]);
  });
});
