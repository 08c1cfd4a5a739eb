// The A extension: LR/SC with a reservation, every AMO (old value to rd, memory updated),
// aliasing of rd and rs2, misaligned addresses, and faults.

import { describe, expect, it } from 'vitest';
import { Pte } from '../../abi/riscv.js';
import { encode, Program } from '../../bench/program.js';
import { Trap } from '../../machine/trap.js';
import { bareMachine, CODE, DATA, EDGES, hex, pagedMachine, R, runBare, runUntilTrap } from './support.js';

const AMOS: Record<string, (mem: number, src: number) => number> = {
  'amoswap.w': (_a, b) => b | 0,
  'amoadd.w': (a, b) => (a + b) | 0,
  'amoxor.w': (a, b) => a ^ b,
  'amoand.w': (a, b) => a & b,
  'amoor.w': (a, b) => a | b,
  'amomin.w': (a, b) => Math.min(a | 0, b | 0),
  'amomax.w': (a, b) => Math.max(a | 0, b | 0),
  'amominu.w': (a, b) => (Math.min(a >>> 0, b >>> 0) | 0),
  'amomaxu.w': (a, b) => (Math.max(a >>> 0, b >>> 0) | 0),
};

describe('AMOs', () => {
  it.each(Object.keys(AMOS))('%s returns the old value in rd and stores op(old, rs2), on every pair of edge values', (name) => {
    const pairs: [number, number][] = [];
    for (const a of EDGES) for (const b of EDGES) pairs.push([a, b]);
    const p = new Program(CODE).li(R.s0, DATA);
    pairs.forEach(([, b], i) => {
      p.li(R.t1, b).emit(name, R.t2, R.t1, R.s0).emit('sw', R.t2, R.s0, 0x400).emit('addi', R.s0, R.s0, 4);
    });
    p.emit('ecall');
    const m = bareMachine(p);
    pairs.forEach(([a], i) => m.ram.write32(DATA + 4 * i, a >>> 0));
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    pairs.forEach(([a, b], i) => {
      expect(m.ram.read32(DATA + 0x400 + 4 * i) | 0, `${name} old ${hex(a)}`).toBe(a | 0);
      expect(m.ram.read32(DATA + 4 * i) | 0, `${name} ${hex(a)}, ${hex(b)}`).toBe(AMOS[name](a, b));
    });
  });

  it.each(Object.keys(AMOS))('%s with rd == rs2 uses the old rs2 as operand and then returns the old memory value', (name) => {
    const m = runBare((p) => {
      p.li(R.s0, DATA).li(R.t0, 0x0f0f00ff).emit('sw', R.t0, R.s0, 0).li(R.a0, -0x10);
      p.emit(name, R.a0, R.a0, R.s0);
    });
    expect(m.cpu.x[R.a0]).toBe(0x0f0f00ff);
    expect(m.ram.read32(DATA) | 0).toBe(AMOS[name](0x0f0f00ff, -0x10));
  });

  it.each(Object.keys(AMOS))('%s with rd == x0 still updates memory', (name) => {
    const m = runBare((p) => {
      p.li(R.s0, DATA).li(R.t0, 6).emit('sw', R.t0, R.s0, 0).li(R.a0, -3);
      p.emit(name, R.zero, R.a0, R.s0).emit('add', R.a1, R.zero, R.zero);
    });
    expect(m.ram.read32(DATA) | 0).toBe(AMOS[name](6, -3));
    expect(m.cpu.x[0]).toBe(0);
    expect(m.cpu.x[R.a1]).toBe(0);
  });

  it.each(Object.keys(AMOS))('%s at a misaligned address traps StoreMisaligned with nothing changed', (name) => {
    const p = new Program(CODE).li(R.s0, DATA + 2).li(R.a0, 1).li(R.a1, 99).emit(name, R.a1, R.a0, R.s0).emit('ecall');
    const m = bareMachine(p);
    m.ram.write32(DATA, 0x11223344);
    m.ram.write32(DATA + 4, 0x55667788);
    expect(runUntilTrap(m)).toBe(Trap.StoreMisaligned);
    expect(m.cpu.tval).toBe(DATA + 2);
    expect(m.cpu.pc).toBe(CODE + 16);
    expect(m.cpu.x[R.a1]).toBe(99);
    expect(m.ram.read32(DATA)).toBe(0x11223344);
    expect(m.ram.read32(DATA + 4)).toBe(0x55667788);
  });

  it('an AMO on a read-only page is a store page fault with nothing changed', () => {
    const p = new Program(CODE).li(R.s0, 0x400000).li(R.a0, 5).li(R.a1, 7).emit('amoadd.w', R.a1, R.a0, R.s0).emit('ecall');
    const { m, pt } = pagedMachine(p);
    pt.mapPage(0x400000, 0x500000, Pte.R | Pte.U);
    m.ram.write32(0x500000, 40);
    expect(runUntilTrap(m)).toBe(Trap.StorePageFault);
    expect(m.cpu.tval).toBe(0x400000);
    expect(m.cpu.x[R.a1]).toBe(7);
    expect(m.ram.read32(0x500000)).toBe(40);
  });

  it('honours (ignores) the aq and rl bits', () => {
    const aqrl = (encode('amoadd.w', [R.a1, R.a0, R.s0]) | (3 << 25)) >>> 0;
    const m = runBare((p) => p.li(R.s0, DATA).li(R.a0, 3).word(aqrl).word(aqrl));
    expect(m.ram.read32(DATA)).toBe(6);
    expect(m.cpu.x[R.a1]).toBe(3);
  });
});

describe('LR/SC', () => {
  it('sc.w after lr.w to the same address succeeds: rd 0, memory written', () => {
    const m = runBare((p) => {
      p.li(R.s0, DATA).li(R.t0, 41).emit('sw', R.t0, R.s0, 0);
      p.emit('lr.w', R.a0, R.s0).emit('addi', R.a0, R.a0, 1).emit('sc.w', R.a1, R.a0, R.s0);
    });
    expect(m.cpu.x[R.a1]).toBe(0);
    expect(m.ram.read32(DATA)).toBe(42);
  });

  it('lr.w loads the word sign-extended like lw', () => {
    const p = new Program(CODE).li(R.s0, DATA).emit('lr.w', R.a0, R.s0).emit('ecall');
    const m = bareMachine(p);
    m.ram.write32(DATA, 0x40000001);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0]).toBe(0x40000001 | 0);
  });

  it('sc.w without a preceding lr.w fails: rd 1, memory unchanged', () => {
    const p = new Program(CODE).li(R.s0, DATA).li(R.a0, 5).emit('sc.w', R.a1, R.a0, R.s0).emit('ecall');
    const m = bareMachine(p);
    m.ram.write32(DATA, 0xcafe);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a1]).toBe(1);
    expect(m.ram.read32(DATA)).toBe(0xcafe);
  });

  it('a second sc.w after a successful one fails (the reservation is consumed)', () => {
    const m = runBare((p) => {
      p.li(R.s0, DATA).emit('lr.w', R.a0, R.s0).li(R.t0, 1).emit('sc.w', R.a1, R.t0, R.s0)
        .li(R.t1, 2).emit('sc.w', R.a2, R.t1, R.s0);
    });
    expect([m.cpu.x[R.a1], m.cpu.x[R.a2]]).toEqual([0, 1]);
    expect(m.ram.read32(DATA)).toBe(1);
  });

  it('a second sc.w after a failed one also fails', () => {
    const m = runBare((p) => {
      p.li(R.s0, DATA).li(R.t0, 1).emit('sc.w', R.a1, R.t0, R.s0).emit('sc.w', R.a2, R.t0, R.s0);
    });
    expect([m.cpu.x[R.a1], m.cpu.x[R.a2]]).toEqual([1, 1]);
    expect(m.ram.read32(DATA)).toBe(0);
  });

  it('sc.w to a different address than the reservation fails and writes nothing', () => {
    const m = runBare((p) => {
      p.li(R.s0, DATA).emit('lr.w', R.a0, R.s0).li(R.s1, DATA + 4).li(R.t0, 7).emit('sc.w', R.a1, R.t0, R.s1);
    });
    expect(m.cpu.x[R.a1]).toBe(1);
    expect(m.ram.read32(DATA + 4)).toBe(0);
  });

  it('clearReservation() (a context switch) makes the next sc.w fail', () => {
    const p = new Program(CODE).li(R.s0, DATA).emit('lr.w', R.a0, R.s0).li(R.t0, 9).emit('sc.w', R.a1, R.t0, R.s0).emit('ecall');
    const m = bareMachine(p);
    expect(m.run(3)).toBe(Trap.Budget);
    m.cpu.clearReservation();
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a1]).toBe(1);
    expect(m.ram.read32(DATA)).toBe(0);
  });

  it('an lr.w/sc.w loop implements an atomic increment', () => {
    const m = runBare((p) => {
      p.li(R.s0, DATA).li(R.t1, 100);
      p.label('retry').emit('lr.w', R.a0, R.s0).emit('addi', R.a0, R.a0, 3).emit('sc.w', R.a1, R.a0, R.s0)
        .emit('bne', R.a1, R.zero, 'retry').emit('addi', R.t1, R.t1, -1).emit('bne', R.t1, R.zero, 'retry');
    });
    expect(m.ram.read32(DATA)).toBe(300);
  });

  it('lr.w at a misaligned address traps LoadMisaligned; sc.w traps StoreMisaligned', () => {
    const p1 = new Program(CODE).li(R.s0, DATA + 1).li(R.a0, 3).emit('lr.w', R.a0, R.s0).emit('ecall');
    const m1 = bareMachine(p1);
    expect(runUntilTrap(m1)).toBe(Trap.LoadMisaligned);
    expect(m1.cpu.tval).toBe(DATA + 1);
    expect(m1.cpu.x[R.a0]).toBe(3);

    const p2 = new Program(CODE).li(R.s0, DATA + 2).li(R.a1, 3).emit('sc.w', R.a1, R.zero, R.s0).emit('ecall');
    const m2 = bareMachine(p2);
    expect(runUntilTrap(m2)).toBe(Trap.StoreMisaligned);
    expect(m2.cpu.tval).toBe(DATA + 2);
    expect(m2.cpu.x[R.a1]).toBe(3);
  });

  it('lr.w on an unmapped page is a load page fault; sc.w on a read-only page a store page fault', () => {
    const p = new Program(CODE).li(R.s0, 0x400000).emit('lr.w', R.a0, R.s0).emit('ecall');
    const { m } = pagedMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.LoadPageFault);
    expect(m.cpu.tval).toBe(0x400000);

    const q = new Program(CODE).li(R.s0, 0x400000).emit('lr.w', R.a0, R.s0).emit('sc.w', R.a1, R.a0, R.s0).emit('ecall');
    const pm = pagedMachine(q);
    pm.pt.mapPage(0x400000, 0x500000, Pte.R | Pte.U);
    expect(runUntilTrap(pm.m)).toBe(Trap.StorePageFault);
    expect(pm.m.cpu.pc).toBe(CODE + 8);
  });

  it('lr.w with a non-zero rs2 field is an illegal instruction', () => {
    const bad = (encode('lr.w', [R.a0, R.s0]) | (5 << 20)) >>> 0;
    const p = new Program(CODE).li(R.s0, DATA).word(bad).emit('ecall');
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.IllegalInstruction);
    expect(m.cpu.tval).toBe(bad);
  });
});
