// The translator's own cases, each run translated (jitHotVisits 1: a page is compiled the first time it runs,
// unless a case wants the default) and checked against the interpreter running the same program: entering a
// translated block at every offset, a 20,000-instruction straight line, precise traps in the middle of a
// block with the stores before them visible, the timer preempting a loop that never leaves its region,
// self-modifying code (in place, and through a second mapping), a frame copied and rewritten as copy on write
// does after fork, and a program that writes new code forever without the cache growing.

import { describe, expect, it } from 'vitest';
import { Pte } from '../../../abi/riscv.js';
import { encode, Program } from '../../../bench/program.js';
import { Sv32Builder } from '../../../bench/sv32.js';
import { Hart } from '../../../machine/hart.js';
import type { Machine, MachineOptions } from '../../../machine/machine.js';
import { Trap } from '../../../machine/trap.js';
import { bareMachine, CODE, CODE_PA, DATA, li2, pagedMachine, R, runUntilTrap } from '../support.js';

const EAGER: MachineOptions = { jit: true, jitHotVisits: 1 };
const INTERP: MachineOptions = { jit: false };

/** Runs `p` on an interpreting and a translating bare machine; both must stop alike. Returns both. */
function both(p: Program, limit = 10_000_000): { interp: Machine; jit: Machine; trap: Trap } {
  const interp = bareMachine(p, INTERP);
  const jit = bareMachine(p, EAGER);
  const trap = runUntilTrap(interp, limit);
  expect(runUntilTrap(jit, limit)).toBe(trap);
  expect({ pc: jit.cpu.pc, instret: jit.cpu.instret, tval: jit.cpu.tval })
    .toEqual({ pc: interp.cpu.pc, instret: interp.cpu.instret, tval: interp.cpu.tval });
  expect(Array.from(jit.cpu.x)).toEqual(Array.from(interp.cpu.x));
  expect(jit.cpu.jit!.cache.stats.translations).toBeGreaterThan(0);
  return { interp, jit, trap };
}

describe('entering translated code', () => {
  it('a translated straight line entered at every one of its offsets runs exactly its tail', () => {
    const n = 64;
    const p = new Program(CODE);
    for (let k = 0; k < n; k++) p.emit('addi', R.a0, R.a0, k + 1);
    p.emit('ecall');
    const m = bareMachine(p, EAGER);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    for (let offset = n; offset >= 0; offset--) {
      m.cpu.x.fill(0);
      m.cpu.pc = CODE + 4 * offset;
      const before = m.cpu.instret;
      expect(runUntilTrap(m)).toBe(Trap.Ecall);
      let tail = 0;
      for (let k = offset; k < n; k++) tail += k + 1;
      expect({ offset, a0: m.cpu.x[R.a0], retired: m.cpu.instret - before }).toEqual({ offset, a0: tail, retired: n - offset });
    }
  });

  it('a 20,000-instruction straight line, run three times in a loop, ends as under the interpreter', () => {
    const p = new Program(CODE).li(R.s1, 3).li(R.a1, 0x1234567).label('top');
    const ops = ['add', 'xor', 'sub', 'or', 'and', 'sll', 'srl', 'mul'];
    for (let k = 0; k < 20_000; k++) {
      if (k % 3 === 0) p.emit('addi', 10 + (k % 6), 10 + ((k + 1) % 6), (k % 2000) - 1000);
      else p.emit(ops[k % ops.length], 10 + (k % 6), 10 + ((k + 2) % 6), 10 + ((k + 5) % 6));
    }
    p.emit('addi', R.s1, R.s1, -1).emit('beq', R.s1, R.zero, 8).emit('jal', R.zero, 'top').emit('ecall');
    const { jit } = both(p);
    expect(jit.cpu.instret).toBeGreaterThan(60_000);
    expect(jit.cpu.jit!.cache.stats.regions).toBeGreaterThanOrEqual(20); // one per page of the line
  });
});

/** A loop that stores a counter to successive words 50 times, then `tail` (a0 counts instructions run). */
function storingLoop(tail: (p: Program) => void): Program {
  const p = new Program(CODE).li(R.s0, DATA).li(R.t0, 50);
  p.label('loop').emit('sw', R.t0, R.s0, 0).emit('addi', R.s0, R.s0, 4).emit('addi', R.t0, R.t0, -1).emit('bne', R.t0, R.zero, 'loop');
  p.emit('addi', R.a0, R.zero, 7).emit('sw', R.a0, R.s0, 0); // written before the trap: must be visible
  tail(p);
  return p.emit('addi', R.a1, R.zero, 9).emit('ecall'); // never reached
}

describe('traps in the middle of translated code are precise', () => {
  const cases: [string, Trap, (p: Program) => void][] = [
    ['a load outside RAM', Trap.LoadAccessFault, (p) => p.li(R.t1, 0x7ff00000).emit('lw', R.a2, R.t1, 4)],
    ['a store outside RAM', Trap.StoreAccessFault, (p) => p.li(R.t1, 0x7ff00000).emit('sw', R.a0, R.t1, 4)],
    ['ebreak', Trap.Ebreak, (p) => p.emit('ebreak')],
    ['an illegal word', Trap.IllegalInstruction, (p) => p.word(0xffffffff)],
    ['a jalr to a misaligned target', Trap.InstructionMisaligned, (p) => p.li(R.t1, CODE + 2).emit('jalr', R.ra, R.t1, 0)],
    ['an lr.w at a misaligned address', Trap.LoadMisaligned, (p) => p.li(R.t1, DATA + 2).emit('lr.w', R.a2, R.t1)],
  ];
  for (const [what, expected, tail] of cases) {
    it(`${what}: pc, tval, registers and instret as interpreted, the stores before it in memory`, () => {
      const { interp, jit, trap } = both(storingLoop(tail));
      expect(trap).toBe(expected);
      expect(jit.cpu.x[R.a1]).toBe(0); // nothing after the trap ran
      expect(jit.ram.read32(DATA + 50 * 4)).toBe(7);
      expect(jit.ram.readBytes(DATA, 256)).toEqual(interp.ram.readBytes(DATA, 256));
    });
  }
});

describe('the timer and the budget', () => {
  it('preempt a loop that never leaves its translated region, at exactly every 1,000 instructions', () => {
    const p = new Program(CODE).label('spin').emit('addi', R.a0, R.a0, 1).emit('addi', R.a1, R.a1, 2).emit('jal', R.zero, 'spin');
    const m = bareMachine(p, { jit: true, timerInterval: 1000 });
    for (let slice = 1; slice <= 1000; slice++) { // the default warm-up: translated after the first 200,000
      expect(m.run(Infinity)).toBe(Trap.Timer);
      expect(m.cpu.instret).toBe(1000 * slice);
    }
    // 1,000,000 instructions: 333,333 whole turns of the loop and one more instruction (addi a0).
    expect([m.cpu.x[R.a0], m.cpu.x[R.a1], m.cpu.pc]).toEqual([333_334, 2 * 333_333, CODE + 4]);
    expect(m.cpu.jit!.cache.stats.translations).toBeGreaterThan(0);
  });
});

const ADDI_A0_100 = encode('addi', [R.a0, R.a0, 100]);

/**
 * 200 turns of a loop that adds 1 to a0 through the instruction at `patched`; at turn 100 it stores
 * `addi a0,a0,100` over that instruction (through `storeVa`, the same frame). With `adjacent`, the store is
 * the instruction just before the patched one, in the same straight line (every turn stores, to a scratch word
 * but at turn 100): the translated code must leave right after the store. Otherwise a branch skips the store
 * but at turn 100, and fence.i follows it.
 */
function patchingLoop(storeVa: number, adjacent: boolean): { p: Program; expected: number } {
  const p = new Program(CODE).li(R.t0, 200).li(R.t1, 100);
  li2(p, R.t2, ADDI_A0_100);
  const patchAt = CODE + 4 * (adjacent ? 13 : 10);
  if (adjacent) {
    li2(p, R.s4, storeVa + (patchAt - CODE) - DATA);
    li2(p, R.s5, DATA);
    p.label('loop').emit('sub', R.t3, R.t0, R.t1).emit('sltiu', R.t3, R.t3, 1).emit('mul', R.t4, R.t3, R.s4)
      .emit('add', R.t4, R.t4, R.s5).emit('sw', R.t2, R.t4, 0);
  } else {
    li2(p, R.s0, storeVa + (patchAt - CODE));
    p.label('loop').emit('bne', R.t0, R.t1, 16).emit('sw', R.t2, R.s0, 0).emit('fence.i').emit('addi', R.zero, R.zero, 0);
  }
  if (p.here !== patchAt) throw new Error('patchingLoop: the patch site moved');
  p.emit('addi', R.a0, R.a0, 1).emit('addi', R.t0, R.t0, -1).emit('bne', R.t0, R.zero, 'loop').emit('ecall');
  return { p, expected: 100 * 1 + 100 * 100 };
}

describe('self-modifying code', () => {
  for (const adjacent of [false, true]) {
    it(`a hot loop that rewrites its own instruction${adjacent ? ' right after the store' : ''} runs the new one from then on`, () => {
      const { p, expected } = patchingLoop(CODE, adjacent);
      const { jit } = both(p);
      expect(jit.cpu.x[R.a0]).toBe(expected);
      expect(jit.cpu.jit!.cache.stats.invalidations).toBeGreaterThan(0);
    });
  }

  it('code rewritten through a second, writable mapping of its frame runs the new instruction', () => {
    const ALIAS = 0x30000;
    for (const options of [INTERP, EAGER]) {
      const { p, expected } = patchingLoop(ALIAS, false);
      const pm = pagedMachine(p, options);
      pm.pt.mapPage(ALIAS, CODE_PA, Pte.R | Pte.W | Pte.U);
      expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
      expect(pm.m.cpu.x[R.a0]).toBe(expected);
    }
  });

  it('a frame copied and rewritten (copy on write after fork) runs its new code; the original frame its old', () => {
    // Process A runs its loop (translated) from CODE_PA. "Fork": the kernel copies the frame for process B, which
    // maps the copy at the same address and runs it (translated: keyed by the copy's frame). Then the kernel
    // rewrites one instruction of B's copy (as copyOut or a copy-on-write copy does, through CodeMarks.written).
    const p = new Program(CODE).li(R.t0, 50).label('loop').emit('addi', R.a0, R.a0, 1)
      .emit('addi', R.t0, R.t0, -1).emit('bne', R.t0, R.zero, 'loop').emit('ecall');
    const { m } = pagedMachine(p, EAGER);
    const a = m.cpu.hart;
    const satpA = m.cpu.satp;
    const runFrom = (hart: Hart, satp: number): number => {
      m.cpu.hart = hart;
      m.cpu.setSatp(satp);
      hart.pc = CODE;
      hart.x[R.a0] = 0;
      expect(runUntilTrap(m)).toBe(Trap.Ecall);
      return hart.x[R.a0];
    };
    expect(runFrom(a, satpA)).toBe(50);
    const COPY_PA = CODE_PA + 0x10_0000;
    m.mmu.code.written(COPY_PA, 0x1000);
    m.ram.u8.copyWithin(COPY_PA, CODE_PA, CODE_PA + 0x1000);
    const ptB = new Sv32Builder(m.ram, CODE_PA + 0x20_0000);
    ptB.map(CODE, COPY_PA, 0x1000, Pte.R | Pte.X | Pte.U);
    const b = new Hart();
    expect(runFrom(b, ptB.satp)).toBe(50);
    m.mmu.code.written(COPY_PA + 4, 4);
    m.ram.write32(COPY_PA + 4, ADDI_A0_100); // the loop's addi a0,a0,1
    expect(runFrom(b, ptB.satp)).toBe(5000);
    expect(runFrom(a, satpA)).toBe(50);
    expect(m.cpu.jit!.cache.stats.invalidations).toBeGreaterThan(0); // only the copy's regions went
  });
});

describe('the code cache stays bounded', () => {
  it('a program that writes and calls new code 400 times runs right while its translations stay capped', () => {
    const SLOT = CODE + 0x1000; // a page of its own: the generating loop stays translated
    const p = new Program(CODE).li(R.s1, 400).li(R.s2, SLOT);
    li2(p, R.t2, encode('jalr', [R.zero, R.ra, 0])).emit('sw', R.t2, R.s2, 4);
    li2(p, R.s3, encode('addi', [R.a0, R.a0, 0]));
    p.label('gen').emit('slli', R.t0, R.s1, 20).emit('add', R.t0, R.t0, R.s3).emit('sw', R.t0, R.s2, 0)
      .emit('fence.i').emit('jalr', R.ra, R.s2, 0).emit('addi', R.s1, R.s1, -1).emit('bne', R.s1, R.zero, 'gen').emit('ecall');
    const { jit } = both(p);
    expect(jit.cpu.x[R.a0]).toBe((400 * 401) / 2);
    const stats = jit.cpu.jit!.cache.stats;
    expect(stats.regions).toBeLessThanOrEqual(2);
    expect(stats.translations).toBeLessThan(120);
  });
});
