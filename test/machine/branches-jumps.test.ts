// Conditional branches (taken and not taken, signed and unsigned), jal and jalr: link values,
// targets, jalr clearing bit 0, and misaligned targets.

import { describe, expect, it } from 'vitest';
import { Program } from '../../bench/program.js';
import { Trap } from '../../machine/trap.js';
import { bareMachine, CODE, EDGES, hex, R, runBare, runUntilTrap } from './support.js';

const BRANCHES: Record<string, (a: number, b: number) => boolean> = {
  beq: (a, b) => (a | 0) === (b | 0),
  bne: (a, b) => (a | 0) !== (b | 0),
  blt: (a, b) => (a | 0) < (b | 0),
  bge: (a, b) => (a | 0) >= (b | 0),
  bltu: (a, b) => a >>> 0 < b >>> 0,
  bgeu: (a, b) => a >>> 0 >= b >>> 0,
};

/** Runs `name a, b` forward over one `addi a0, a0, 1`: a0 ends 1 when not taken, 0 when taken. */
function forwardTaken(name: string, a: number, b: number): boolean {
  const m = runBare((p) => {
    p.li(R.t0, a).li(R.t1, b).li(R.a0, 0);
    p.emit(name, R.t0, R.t1, 'over').emit('addi', R.a0, R.a0, 1).label('over');
  });
  return m.cpu.x[R.a0] === 0;
}

describe('conditional branches', () => {
  it.each(Object.keys(BRANCHES))('%s is taken exactly when the ISA says, for every pair of edge values', (name) => {
    // One program evaluates every pair: each taken branch skips an instruction that records "not taken".
    const pairs: [number, number][] = [];
    for (const a of EDGES) for (const b of EDGES) pairs.push([a, b]);
    const m = runBare((p) => {
      p.li(R.s0, 0x100000);
      pairs.forEach(([a, b], i) => {
        p.li(R.t0, a).li(R.t1, b).li(R.t2, 1);
        p.emit(name, R.t0, R.t1, `taken${i}`).li(R.t2, 0).label(`taken${i}`);
        p.emit('sw', R.t2, R.s0, 0).emit('addi', R.s0, R.s0, 4);
      });
    });
    pairs.forEach(([a, b], i) => {
      expect(m.ram.read32(0x100000 + 4 * i) === 1, `${name} ${hex(a)}, ${hex(b)}`).toBe(BRANCHES[name](a, b));
    });
  });

  it.each([
    ['blt', -1, 1, true], ['bltu', -1, 1, false], ['bge', -1, 1, false], ['bgeu', -1, 1, true],
    ['blt', 0x80000000 | 0, 0x7fffffff, true], ['bltu', 0x80000000 | 0, 0x7fffffff, false],
    ['beq', 0, 0, true], ['bne', 0, 0, false], ['bge', 5, 5, true], ['bgeu', 5, 5, true], ['blt', 5, 5, false], ['bltu', 5, 5, false],
  ] as [string, number, number, boolean][])('%s %i, %i taken: %s', (name, a, b, taken) => {
    expect(forwardTaken(name, a, b)).toBe(taken);
  });

  it('branches backward (a counted loop runs the right number of times)', () => {
    const m = runBare((p) => {
      p.li(R.t0, 0).li(R.t1, 37).li(R.a0, 0).label('loop').emit('addi', R.a0, R.a0, 3).emit('addi', R.t0, R.t0, 1)
        .emit('blt', R.t0, R.t1, 'loop');
    });
    expect(m.cpu.x[R.a0]).toBe(111);
    expect(m.cpu.instret).toBe(3 + 37 * 3);
  });

  it('compares x0 with itself (beq x0, x0 is an unconditional branch)', () => {
    expect(forwardTaken('beq', 0, 0)).toBe(true);
    const m = runBare((p) => p.li(R.a0, 0).emit('beq', R.zero, R.zero, 8).emit('addi', R.a0, R.a0, 1));
    expect(m.cpu.x[R.a0]).toBe(0);
  });

  it('a taken branch to a misaligned target traps InstructionMisaligned at the branch, with the target in tval', () => {
    const p = new Program(CODE).li(R.a0, 0).emit('beq', R.zero, R.zero, 6).emit('ecall').emit('ecall');
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.InstructionMisaligned);
    expect(m.cpu.pc).toBe(CODE + 4);
    expect(m.cpu.tval).toBe(CODE + 4 + 6);
    expect(m.cpu.instret).toBe(1);
  });

  it('a branch to a misaligned target that is not taken does not trap', () => {
    const m = runBare((p) => p.li(R.a0, 0).emit('bne', R.zero, R.zero, 6).emit('addi', R.a0, R.a0, 1));
    expect(m.cpu.x[R.a0]).toBe(1);
  });

  it('reaches the largest aligned forward offset (+4092) and the largest backward one (-4096)', () => {
    const q = new Program(CODE);
    q.emit('beq', R.zero, R.zero, 4092);
    while (q.here < CODE + 4092) q.emit('ebreak');
    q.li(R.a0, 7).emit('ecall');
    const m = bareMachine(q);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0]).toBe(7);

    const r = new Program(CODE);
    r.emit('jal', R.zero, 4100);               // CODE -> CODE + 4100
    r.li(R.a0, 9).emit('ecall');               // CODE + 4, + 8
    while (r.here < CODE + 4100) r.emit('ebreak');
    r.emit('blt', R.a0, R.a1, -4096);          // at CODE + 4100: a0 (0) < a1 (1): back to CODE + 4
    const m2 = bareMachine(r);
    m2.cpu.x[R.a1] = 1;
    expect(runUntilTrap(m2)).toBe(Trap.Ecall);
    expect(m2.cpu.x[R.a0]).toBe(9);
  });
});

describe('jal', () => {
  it('links pc + 4 and jumps forward and backward', () => {
    const p = new Program(CODE);
    p.emit('jal', R.ra, 'forward');          // CODE
    p.emit('ebreak');                        // CODE + 4
    p.label('back').li(R.a0, 42).emit('ecall'); // CODE + 8
    p.label('forward').emit('add', R.s1, R.ra, R.zero).emit('jal', R.t0, 'back'); // CODE + 16, CODE + 20
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.s1]).toBe(CODE + 4);
    expect(m.cpu.x[R.t0]).toBe(CODE + 24);
    expect(m.cpu.x[R.a0]).toBe(42);
  });

  it('jal x0 jumps without linking', () => {
    const m = runBare((p) => p.emit('jal', R.zero, 8).emit('ebreak'));
    expect(m.cpu.x[0]).toBe(0);
  });

  it('jal to a misaligned target traps with pc at the jal and rd unchanged', () => {
    const p = new Program(CODE).li(R.ra, 5).emit('jal', R.ra, 6).emit('ecall');
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.InstructionMisaligned);
    expect(m.cpu.pc).toBe(CODE + 4);
    expect(m.cpu.tval).toBe(CODE + 10);
    expect(m.cpu.x[R.ra]).toBe(5);
  });
});

describe('jalr', () => {
  it('jumps to rs1 + imm and links pc + 4', () => {
    const p = new Program(CODE);
    p.li(R.t0, CODE + 100);                // CODE (lui), CODE + 4 (addi)
    p.emit('jalr', R.ra, R.t0, -80);       // CODE + 8 -> CODE + 20
    p.emit('ebreak').emit('ebreak');       // CODE + 12, 16
    p.li(R.a0, 1).emit('ecall');           // CODE + 20
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.pc).toBe(CODE + 24);
    expect(m.cpu.x[R.ra]).toBe(CODE + 12);
  });

  it('clears bit 0 of the target (rs1 + imm odd is fine)', () => {
    const p = new Program(CODE).li(R.t0, CODE + 16).emit('jalr', R.ra, R.t0, 1).emit('ebreak').emit('ecall');
    // li is lui+addi: jalr at CODE+8 jumps to (CODE+17) & ~1 = CODE+16.
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.pc).toBe(CODE + 16);
  });

  it('traps InstructionMisaligned when bit 1 of the target is set, leaving rd unchanged', () => {
    const p = new Program(CODE).li(R.t0, CODE + 0x102).li(R.ra, 3).emit('jalr', R.ra, R.t0, 0).emit('ecall');
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.InstructionMisaligned);
    expect(m.cpu.tval).toBe(CODE + 0x102);
    expect(m.cpu.pc).toBe(CODE + 12);
    expect(m.cpu.x[R.ra]).toBe(3);
  });

  it('reads rs1 before writing rd when they are the same register (jalr ra, ra)', () => {
    const p = new Program(CODE);
    p.li(R.ra, CODE + 16);                 // CODE, CODE + 4
    p.emit('jalr', R.ra, R.ra, 0);         // CODE + 8 -> CODE + 16, ra = CODE + 12
    p.emit('ebreak');                      // CODE + 12
    p.emit('ecall');                       // CODE + 16
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.pc).toBe(CODE + 16);
    expect(m.cpu.x[R.ra]).toBe(CODE + 12);
  });

  it('returns through ra (a call and a ret)', () => {
    const p = new Program(CODE);
    p.li(R.a0, 1).emit('jal', R.ra, 'double').emit('jal', R.ra, 'double').emit('ecall');
    p.label('double').emit('add', R.a0, R.a0, R.a0).emit('jalr', R.zero, R.ra, 0);
    const m = bareMachine(p);
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.x[R.a0]).toBe(4);
  });

  it('wraps the target around 32 bits (rs1 0xfffffffc + 0x14 is 0x10)', () => {
    const p = new Program(0);
    p.emit('jalr', R.zero, R.t0, 0x14);    // 0: t0 preset to -4
    p.emit('ebreak').emit('ebreak').emit('ebreak');
    p.emit('ecall');                       // 0x10
    const m = bareMachine(p);
    m.cpu.x[R.t0] = -4;
    expect(runUntilTrap(m)).toBe(Trap.Ecall);
    expect(m.cpu.pc).toBe(0x10);
  });
});
