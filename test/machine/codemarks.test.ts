// Code marks (machine/codemarks.ts): a mark per physical frame the CPU fetched from, kept across satp writes;
// a CPU store into a marked frame is reported by frame number and the mark stays; written(pa, len), the door
// for every other writer, reports and unmarks, and the next fetch marks the frame again.

import { describe, expect, it } from 'vitest';
import { Pte } from '../../abi/riscv.js';
import { encode, Program } from '../../bench/program.js';
import { Sv32Builder } from '../../bench/sv32.js';
import type { Machine } from '../../machine/machine.js';
import { Trap } from '../../machine/trap.js';
import { bareMachine, CODE, CODE_PA, pagedMachine, R, runUntilTrap } from './support.js';

const frameOf = (pa: number): number => pa >>> 12;

/** The frame numbers reported from now on, in order. */
function reports(m: Machine): number[] {
  const frames: number[] = [];
  m.mmu.code.listener = (frame) => frames.push(frame);
  return frames;
}

describe('code marks', () => {
  it('a fetch marks the physical frame, whichever virtual page reached it', () => {
    const p = new Program(CODE).emit('ecall');
    const pm = pagedMachine(p);
    expect(pm.m.mmu.code.markedFrames()).toEqual([]);
    expect(runUntilTrap(pm.m)).toBe(Trap.Ecall);
    expect(pm.m.mmu.code.markedFrames()).toEqual([frameOf(CODE_PA)]);
  });

  it('marks survive satp switching to another table and back, and a store into the old code is reported', () => {
    // Table A runs code in CODE_PA with a writable alias; table B runs other code in another frame.
    const ALIAS = 0x30000;
    const OTHER_PA = 0x380000;
    const a = new Program(CODE).emit('ecall').li(R.s0, ALIAS).li(R.t0, encode('addi', [R.a0, R.zero, 9]))
      .emit('sw', R.t0, R.s0, 0).emit('ecall');
    const pm = pagedMachine(a);
    pm.pt.mapPage(ALIAS, CODE_PA, Pte.R | Pte.W | Pte.U);
    const m = pm.m;
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    const b = new Sv32Builder(m.ram, 0x240000);
    m.ram.writeBytes(OTHER_PA, new Program(CODE).emit('ecall').bytes());
    b.mapPage(CODE, OTHER_PA, Pte.R | Pte.X | Pte.U);
    const resumeA = m.cpu.pc + 4;
    m.cpu.setSatp(b.satp);
    expect(m.mmu.code.markedFrames(), 'after the switch to B').toEqual([frameOf(CODE_PA)]);
    m.cpu.pc = CODE;
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    m.cpu.setSatp(pm.pt.satp);
    expect(m.mmu.code.markedFrames(), 'back on A').toEqual([frameOf(CODE_PA), frameOf(OTHER_PA)]);
    const written = reports(m);
    m.cpu.pc = resumeA;
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(written).toEqual([frameOf(CODE_PA)]);
    expect(m.ram.read32(CODE_PA)).toBe(encode('addi', [R.a0, R.zero, 9]));
  });

  it('written() reports and unmarks only the marked frames of its range, in order', () => {
    // Three consecutive code frames; the jal skips the middle one, so only the first and the third are fetched.
    const p = new Program(CODE).emit('jal', R.zero, 0x2000);
    const pm = pagedMachine(p);
    const m = pm.m;
    m.ram.writeBytes(CODE_PA + 0x2000, new Program(CODE + 0x2000).emit('ecall').bytes());
    pm.pt.map(CODE, CODE_PA, 0x3000, Pte.R | Pte.X | Pte.U);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    const first = frameOf(CODE_PA);
    expect(m.mmu.code.markedFrames()).toEqual([first, first + 2]);
    const written = reports(m);
    m.mmu.code.written(CODE_PA - 0x1000, 0x4000 + 1);
    expect(written).toEqual([first, first + 2]);
    expect(m.mmu.code.markedFrames()).toEqual([]);
    m.mmu.code.written(CODE_PA, 0x3000);
    expect(written, 'unmarked frames are not reported again').toEqual([first, first + 2]);
  });

  it('after written(), the next fetch marks the frame again, so later stores into it are reported', () => {
    // Runs, stops; the host rewrites one word of the code through written(); the program then patches itself.
    const p = new Program(CODE).emit('ecall').li(R.s0, CODE + 0x100).li(R.t0, encode('addi', [R.a0, R.zero, 5]))
      .emit('sw', R.t0, R.s0, 0).emit('ecall');
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    const written = reports(m);
    m.ram.write32(CODE + 0x200, 0);
    m.mmu.code.written(CODE + 0x200, 4);
    expect(written).toEqual([frameOf(CODE)]);
    expect(m.mmu.code.holdsCode(frameOf(CODE))).toBe(false);
    m.cpu.pc += 4;
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.mmu.code.holdsCode(frameOf(CODE)), 'marked again by the fetch that resumed').toBe(true);
    expect(written, "the program's own store into its code frame").toEqual([frameOf(CODE), frameOf(CODE)]);
  });

  it('a store translation cached while the frame held no code is dropped when it becomes code', () => {
    // The program stores into the next frame (cached store entry), jumps there, returns, and stores again.
    const NEXT = CODE + 0x1000;
    const p = new Program(CODE).li(R.s0, NEXT).li(R.t0, encode('jalr', [R.zero, R.ra, 0]))
      .emit('sw', R.t0, R.s0, 0).emit('jalr', R.ra, R.s0, 0).emit('sw', R.t0, R.s0, 4).emit('ecall');
    const m = bareMachine(p);
    const written = reports(m);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(written).toEqual([frameOf(NEXT)]);
  });
});
