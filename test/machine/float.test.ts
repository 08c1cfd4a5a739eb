// The F and D extensions in the interpreter: FP loads and stores (bit-exact, NaN-boxing singles,
// misaligned and page-crossing ones completed, faults precise), the fflags/frm/fcsr CSRs and their
// pseudo-instructions, reserved rounding modes trapping, and the hart's FP-used flag.
// (The arithmetic itself: test/machine/fpu/; against qemu: fp-differential.test.ts.)

import { describe, expect, it } from 'vitest';
import { Pte } from '../../abi/riscv.js';
import { Program } from '../../bench/program.js';
import { Trap } from '../../machine/trap.js';
import { bareMachine, CODE, DATA, pagedMachine, R, runBare, runUntilTrap } from './support.js';

// Encoders for the few F/D words these tests need (fields as in Unprivileged ISA table 24.2).
const i = (opcode: number, funct3: number, rd: number, rs1: number, imm: number): number =>
  ((imm << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode) | 0;
const s = (opcode: number, funct3: number, rs2: number, rs1: number, imm: number): number =>
  (((imm >> 5) << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | ((imm & 31) << 7) | opcode) | 0;
const r = (funct7: number, rs2: number, rs1: number, funct3: number, rd: number): number =>
  ((funct7 << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | 0x53) | 0;
const flw = (fd: number, rs1: number, imm: number): number => i(0x07, 2, fd, rs1, imm);
const fld = (fd: number, rs1: number, imm: number): number => i(0x07, 3, fd, rs1, imm);
const fsw = (fs: number, rs1: number, imm: number): number => s(0x27, 2, fs, rs1, imm);
const fsd = (fs: number, rs1: number, imm: number): number => s(0x27, 3, fs, rs1, imm);
const faddD = (fd: number, fs1: number, fs2: number, rm: number): number => r(0x01, fs2, fs1, rm, fd);
const fmvWX = (fd: number, rs1: number): number => r(0x78, 0, rs1, 0, fd);
const csr = (funct3: number, rd: number, number: number, rs1: number): number => i(0x73, funct3, rd, rs1, number);
const [CSRRW, CSRRS, CSRRC, CSRRWI, CSRRSI, CSRRCI] = [1, 2, 3, 5, 6, 7];
const [FFLAGS, FRM, FCSR] = [1, 2, 3];

const words = (p: Program, ...ws: number[]): Program => {
  for (const w of ws) p.word(w);
  return p;
};

describe('FP loads and stores', () => {
  it('fld/fsd move 64 bits exactly, a signalling NaN payload included', () => {
    const p = new Program(CODE).li(R.s0, DATA);
    words(p, fld(5, R.s0, 0), fsd(5, R.s0, 16)).emit('ecall');
    const mm = bareMachine(p);
    mm.ram.write32(DATA, 0x00000001);
    mm.ram.write32(DATA + 4, 0x7ff00000); // sNaN, payload 1
    expect(runUntilTrap(mm)).toBe(Trap.Ecall);
    expect([mm.cpu.hart.fWords[10], mm.cpu.hart.fWords[11]]).toEqual([1, 0x7ff00000]);
    expect([mm.ram.read32(DATA + 16), mm.ram.read32(DATA + 20)]).toEqual([1, 0x7ff00000]);
  });

  it('flw NaN-boxes (high word all ones); fsw stores the low word whatever the high word holds', () => {
    const p = new Program(CODE).li(R.s0, DATA);
    words(p, flw(1, R.s0, 0), fld(2, R.s0, 8), fsw(1, R.s0, 32), fsw(2, R.s0, 36)).emit('ecall');
    const m = bareMachine(p);
    m.ram.write32(DATA, 0x7fa00001); // a signalling single
    m.ram.write32(DATA + 8, 0x12345678);
    m.ram.write32(DATA + 12, 0x0badf00d); // f2: not a boxed single
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect([m.cpu.hart.fWords[2], m.cpu.hart.fWords[3]]).toEqual([0x7fa00001, 0xffffffff]);
    expect([m.ram.read32(DATA + 32), m.ram.read32(DATA + 36)]).toEqual([0x7fa00001, 0x12345678]);
  });

  it('misaligned fld and fsd are completed and counted, like integer ones', () => {
    const p = new Program(CODE).li(R.s0, DATA);
    words(p, fld(3, R.s0, 3), fsd(3, R.s0, 21), flw(4, R.s0, 5), fsw(4, R.s0, 42)).emit('ecall');
    const m = bareMachine(p);
    m.ram.writeBytes(DATA, Uint8Array.from({ length: 16 }, (_, k) => 0x10 + k));
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(Array.from(m.ram.readBytes(DATA + 21, 8))).toEqual([0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a]);
    expect(Array.from(m.ram.readBytes(DATA + 42, 4))).toEqual([0x15, 0x16, 0x17, 0x18]);
    expect(m.cpu.misalignedAccesses).toBe(4);
  });

  // Two virtual pages back to back, mapped to frames far apart and in reverse order.
  const VA = 0x400000;
  const FIRST_PA = 0x700000;
  const SECOND_PA = 0x500000;
  function crossing(ws: number[], second: number | null = Pte.R | Pte.W | Pte.U): ReturnType<typeof pagedMachine> {
    const p = new Program(CODE).li(R.s0, VA + 0x1000);
    words(p, ...ws).emit('ecall');
    const pm = pagedMachine(p);
    pm.pt.mapPage(VA, FIRST_PA, Pte.R | Pte.W | Pte.U);
    if (second !== null) pm.pt.mapPage(VA + 0x1000, SECOND_PA, second);
    pm.m.ram.writeBytes(FIRST_PA + 0xff8, Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
    pm.m.ram.writeBytes(SECOND_PA, Uint8Array.from([9, 10, 11, 12, 13, 14, 15, 16]));
    return pm;
  }

  it('fld across a page boundary reads from both frames; fsd across one writes both', () => {
    const { m } = crossing([fld(7, R.s0, -3), fsd(7, R.s0, -5)]);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(Array.from(m.cpu.hart.fBytes.subarray(56, 64))).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
    expect([...m.ram.readBytes(FIRST_PA + 0xffb, 5), ...m.ram.readBytes(SECOND_PA, 3)]).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('fld whose second page is unmapped faults there, leaves f rd alone, and completes once it is mapped', () => {
    const { m, pt } = crossing([fld(7, R.s0, -2)], null);
    m.cpu.hart.f[7] = 1.5;
    expect(runUntilTrap(m)).toBe(Trap.LoadPageFault);
    expect([m.cpu.tval, m.cpu.pc, m.cpu.hart.f[7]]).toEqual([VA + 0x1000, CODE + 4, 1.5]); // after one lui
    pt.mapPage(VA + 0x1000, SECOND_PA, Pte.R | Pte.U);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(Array.from(m.cpu.hart.fBytes.subarray(56, 64))).toEqual([7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('fsd whose second page is read-only faults and writes no byte of the first page', () => {
    const { m } = crossing([fsd(0, R.s0, -4)], Pte.R | Pte.U);
    expect(runUntilTrap(m)).toBe(Trap.StorePageFault);
    expect(m.cpu.tval).toBe(VA + 0x1000);
    expect(Array.from(m.ram.readBytes(FIRST_PA + 0xffc, 4))).toEqual([5, 6, 7, 8]);
  });

  it('FP loads and stores of other widths (h, q) are illegal instructions', () => {
    for (const word of [i(0x07, 1, 1, R.s0, 0), i(0x07, 4, 1, R.s0, 0), s(0x27, 1, 1, R.s0, 0), s(0x27, 4, 1, R.s0, 0)]) {
      const m = bareMachine(words(new Program(CODE).li(R.s0, DATA), word).emit('ecall'));
      expect(runUntilTrap(m)).toBe(Trap.IllegalInstruction);
      expect(m.cpu.tval).toBe(word >>> 0);
    }
  });
});

describe('fflags, frm and fcsr through Zicsr', () => {
  it('an inexact fadd.d accrues NX in fflags; frcsr/frflags/frrm read fcsr and its fields', () => {
    const p = new Program(CODE).li(R.s0, DATA);
    words(p, fld(1, R.s0, 0), fld(2, R.s0, 8), csr(CSRRWI, R.zero, FRM, 2), faddD(3, 1, 2, 7));
    words(p, csr(CSRRS, R.a0, FCSR, R.zero), csr(CSRRS, R.a1, FFLAGS, R.zero), csr(CSRRS, R.a2, FRM, R.zero), fsd(3, R.s0, 16));
    const m = bareMachine(p.emit('ecall'));
    m.ram.writeBytes(DATA, new Uint8Array(new Float64Array([1, 2 ** -60]).buffer));
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect([m.cpu.x[R.a0], m.cpu.x[R.a1], m.cpu.x[R.a2]]).toEqual([(2 << 5) | 1, 1, 2]);
    expect(new Float64Array(m.ram.readBytes(DATA + 16, 8).buffer)[0]).toBe(1); // rounded down (RDN)
  });

  it('csrrw/csrrs/csrrc and their immediate forms write only their field and return the old value', () => {
    const p = new Program(CODE).li(R.t0, 0xfff);
    words(p, csr(CSRRW, R.a0, FCSR, R.t0)); // fcsr = 0xff, a0 = 0
    words(p, csr(CSRRCI, R.a1, FFLAGS, 0x15)); // fflags 0x1f -> 0x0a, a1 = 0x1f
    words(p, csr(CSRRSI, R.a2, FRM, 0)); // read only: a2 = 7
    p.li(R.t1, 1);
    words(p, csr(CSRRW, R.a3, FRM, R.t1)); // frm = 1, a3 = 7
    words(p, csr(CSRRC, R.a4, FCSR, R.zero), csr(CSRRS, R.a5, FCSR, R.zero));
    const m = bareMachine(p.emit('ecall'));
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    const x = m.cpu.x;
    expect([x[R.a0], x[R.a1], x[R.a2], x[R.a3], x[R.a4], x[R.a5]]).toEqual([0, 0x1f, 7, 7, 0x2a, 0x2a]);
    expect(m.cpu.hart.fcsr).toBe(0x2a);
  });

  it('a dynamic rounding mode with frm reserved (5..7) is an illegal instruction; rm 5 and 6 always are', () => {
    for (const [frm, rm] of [[5, 7], [7, 7], [0, 5], [0, 6]]) {
      const p = new Program(CODE).li(R.t0, frm);
      words(p, csr(CSRRW, R.zero, FRM, R.t0), faddD(3, 1, 2, rm));
      const m = bareMachine(p.emit('ecall'));
      m.cpu.hart.f[3] = 9;
      expect(runUntilTrap(m)).toBe(Trap.IllegalInstruction);
      expect([m.cpu.tval, m.cpu.hart.f[3]]).toEqual([faddD(3, 1, 2, rm) >>> 0, 9]);
    }
  });
});

describe('the FP-used flag', () => {
  it('stays clear for integer code and is set by the first instruction writing FP state', () => {
    const integer = runBare((p) => p.li(R.a0, 3).emit('add', R.a1, R.a0, R.a0));
    expect(integer.cpu.hart.fpUsed).toBe(false);
    const fp = bareMachine(words(new Program(CODE).li(R.a0, 3), fmvWX(1, R.a0)).emit('ecall'));
    expect(runUntilTrap(fp)).toBe(Trap.Ecall);
    expect(fp.cpu.hart.fpUsed).toBe(true);
  });
});
