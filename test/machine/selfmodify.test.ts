// Self-modifying code: a program that stores a new instruction over a later one and runs fence.i
// executes the new instruction, through a W+X page or through a second (writable) mapping of its
// code frame; the machine's code marks report each store that lands on a frame holding code, by frame number.

import { describe, expect, it } from 'vitest';
import { Pte } from '../../abi/riscv.js';
import { encode, Program } from '../../bench/program.js';
import type { Machine } from '../../machine/machine.js';
import { Trap } from '../../machine/trap.js';
import { bareMachine, CODE, CODE_PA, DATA, li2, pagedMachine, R, runUntilTrap } from './support.js';

const ADDI_A0_2 = encode('addi', [R.a0, R.zero, 2]);
const ADDI_A0_A0_100 = encode('addi', [R.a0, R.a0, 100]);

/** `li a0,0; la s0,<target>; la t0,<new>; sw t0,0(s0); fence.i; target: addi a0,zero,1; ecall`. */
function patcher(base: number, storeBase: number): Program {
  const target = base + 4 * 7;
  const p = new Program(base).li(R.a0, 0);
  li2(p, R.s0, storeBase + (target - base));
  li2(p, R.t0, ADDI_A0_2).emit('sw', R.t0, R.s0, 0).emit('fence.i');
  if (p.here !== target) throw new Error('patcher: layout changed');
  return p.emit('addi', R.a0, R.zero, 1).emit('ecall');
}

/** The frame numbers the code marks report from now on, in order. */
function codeWrites(m: Machine): number[] {
  const frames: number[] = [];
  m.mmu.code.listener = (frame) => frames.push(frame);
  return frames;
}

describe('self-modifying code', () => {
  it('in bare mode, a stored instruction word runs after fence.i', () => {
    const m = bareMachine(patcher(CODE, CODE));
    const writes = codeWrites(m);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0]).toBe(2);
    expect(writes).toEqual([CODE >>> 12]);
  });

  it('through a page mapped R|W|X|U, a stored instruction word runs after fence.i', () => {
    const p = patcher(CODE, CODE);
    const pm = pagedMachine(p);
    pm.pt.map(CODE, CODE_PA, 0x1000, Pte.R | Pte.W | Pte.X | Pte.U);
    const writes = codeWrites(pm.m);
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(2);
    expect(writes).toEqual([CODE_PA >>> 12]);
  });

  it('through a second, writable mapping of the code frame (R-X and RW- aliases), the new instruction runs', () => {
    const ALIAS = 0x30000;
    const p = patcher(CODE, ALIAS);
    const pm = pagedMachine(p);
    pm.pt.mapPage(ALIAS, CODE_PA, Pte.R | Pte.W | Pte.U);
    const writes = codeWrites(pm.m);
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(2);
    expect(writes).toEqual([CODE_PA >>> 12]);
  });

  it('a writable alias cached before its frame holds code still updates the code after the frame is fetched', () => {
    // The routine lives in the second code frame (CODE + 0x1000, R-X), also mapped RW- at ALIAS.
    const ALIAS = 0x30000;
    const p = new Program(CODE);
    li2(p, R.s0, ALIAS);
    p.emit('sw', R.zero, R.s0, 0x10);            // CODE+8: a data store through the alias, before any fetch there
    p.emit('jal', R.ra, 0x1000 - 12);            // CODE+12: call the routine
    li2(p, R.t0, ADDI_A0_2).emit('sw', R.t0, R.s0, 0).emit('fence.i'); // CODE+16..28: patch it through the alias
    p.emit('jal', R.ra, 0x1000 - 32);            // CODE+32: call it again
    p.emit('ecall');                             // CODE+36
    while (p.here < CODE + 0x1000) p.emit('ebreak');
    p.emit('addi', R.a0, R.zero, 1).emit('jalr', R.zero, R.ra, 0);
    const pm = pagedMachine(p);
    pm.pt.mapPage(ALIAS, CODE_PA + 0x1000, Pte.R | Pte.W | Pte.U);
    const writes = codeWrites(pm.m);
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    expect(pm.m.cpu.pc).toBe(CODE + 36);
    expect(pm.m.cpu.x[R.a0]).toBe(2);
    expect(writes).toEqual([(CODE_PA + 0x1000) >>> 12]);
  });

  it('an instruction already executed runs in its new form the next time round a loop', () => {
    const p = new Program(CODE).li(R.a0, 0).li(R.s1, 3).li(R.t0, ADDI_A0_A0_100);
    const loopAt = p.here;
    p.label('loop').emit('addi', R.a0, R.a0, 1);             // patched after the first iteration
    p.li(R.s0, loopAt).emit('sw', R.t0, R.s0, 0).emit('fence.i');
    p.emit('addi', R.s1, R.s1, -1).emit('bne', R.s1, R.zero, 'loop').emit('ecall');
    const m = bareMachine(p);
    const writes = codeWrites(m);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0]).toBe(1 + 100 + 100);
    expect(writes).toEqual([loopAt >>> 12, loopAt >>> 12, loopAt >>> 12]);
  });

  it('code generated into a fresh RWX page before it is ever fetched runs, and a later patch is seen too', () => {
    const JIT = 0x40000;
    const JIT_PA = 0x380000;
    const gen = new Program(JIT).emit('addi', R.a0, R.a0, 5).emit('jalr', R.zero, R.ra, 0);
    const [w0, w1] = gen.words;
    const p = new Program(CODE).li(R.a0, 0).li(R.s0, JIT).li(R.t0, w0).emit('sw', R.t0, R.s0, 0)
      .li(R.t0, w1).emit('sw', R.t0, R.s0, 4).emit('fence.i')
      .emit('jalr', R.ra, R.s0, 0)                            // a0 += 5
      .li(R.t0, ADDI_A0_A0_100).emit('sw', R.t0, R.s0, 0).emit('fence.i')
      .emit('jalr', R.ra, R.s0, 0)                            // a0 += 100
      .emit('ecall');
    const pm = pagedMachine(p);
    pm.pt.mapPage(JIT, JIT_PA, Pte.R | Pte.W | Pte.X | Pte.U);
    const writes = codeWrites(pm.m);
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    expect(pm.m.cpu.x[R.a0]).toBe(105);
    expect(writes).toEqual([JIT_PA >>> 12]); // the patch after the page was fetched; the first two were data
  });

  it('a store to the very next instruction takes effect even within one run() slice', () => {
    const p = new Program(CODE).li(R.a0, 0).li(R.t0, ADDI_A0_2);
    const at = p.here + 4 * 3; // after li s0 (lui+addi) and sw
    p.li(R.s0, at).emit('sw', R.t0, R.s0, 0).emit('addi', R.a0, R.zero, 1).emit('ecall');
    if (new Program(CODE).li(R.s0, at).words.length !== 2) throw new Error('layout');
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0]).toBe(2);
  });

  it('the host (a debugger) can plant an ebreak between runs and it is hit', () => {
    const p = new Program(CODE);
    for (let i = 0; i < 8; i++) p.emit('addi', R.a0, R.a0, 1);
    p.emit('ecall');
    const m = bareMachine(p);
    expect(m.run(3)).toBe(Trap.Budget);
    const writes = codeWrites(m);
    m.ram.write32(CODE + 5 * 4, encode('ebreak', []));
    m.mmu.code.written(CODE + 5 * 4, 4); // a host writing RAM uses the one door, as the kernel does
    expect(writes).toEqual([CODE >>> 12]);
    expect(m.mmu.code.holdsCode(CODE >>> 12)).toBe(false);
    expect(m.run(100)).toBe(Trap.Ebreak);
    expect(m.cpu.pc).toBe(CODE + 20);
    expect(m.cpu.x[R.a0]).toBe(5);
    expect(m.mmu.code.holdsCode(CODE >>> 12), 'fetching again marks the frame again').toBe(true);
  });

  it('ordinary data stores do not count as code writes', () => {
    const p = new Program(CODE).li(R.s0, DATA).li(R.t0, 10).label('l').emit('sw', R.t0, R.s0, 0).emit('sb', R.t0, R.s0, 5)
      .emit('addi', R.t0, R.t0, -1).emit('bne', R.t0, R.zero, 'l').emit('ecall');
    const m = bareMachine(p);
    const writes = codeWrites(m);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(writes).toEqual([]);
    expect(m.mmu.code.markedFrames()).toEqual([CODE >>> 12]);
  });
});
