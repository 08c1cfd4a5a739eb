// The translator against the interpreter, in lockstep: random looping programs (ALU, M, loads and stores of
// every width, some misaligned, forward branches, inner loops, calls and returns, AMOs, rdinstret/rdcycle, and
// an access fault at the end of some) run on two machines, one interpreting and one translating every page it
// reaches (jitHotVisits 1). Both run the same random budgets, so slices end anywhere, inside translated segments
// too; after every run() the two must agree on every register, pc, instret, trap, tval and every scratch byte.

import { describe, expect, it } from 'vitest';
import { Csr } from '../../../abi/riscv.js';
import { Program } from '../../../bench/program.js';
import type { Machine } from '../../../machine/machine.js';
import { Trap } from '../../../machine/trap.js';
import { LONG } from '../../long.js';
import { bareMachine, CODE, DATA, EDGES, prng, R } from '../support.js';

const PROGRAMS = 24 * LONG;
const BASE = R.tp;          // scratch base (never a random destination)
const OUTER = 27;           // s11: outer loop counter
const INNER = 26;           // s10: inner loop counter
const SCRATCH_BYTES = 4096;

const ALU = ['add', 'sub', 'sll', 'slt', 'sltu', 'xor', 'srl', 'sra', 'or', 'and',
  'mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu'];
const ALU_IMM = ['addi', 'slti', 'sltiu', 'xori', 'ori', 'andi'];
const SHIFT_IMM = ['slli', 'srli', 'srai'];
const BRANCHES = ['beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu'];
const LOADS: [string, number][] = [['lb', 1], ['lbu', 1], ['lh', 2], ['lhu', 2], ['lw', 4]];
const STORES: [string, number][] = [['sb', 1], ['sh', 2], ['sw', 4]];
const AMOS = ['amoswap.w', 'amoadd.w', 'amoxor.w', 'amoand.w', 'amoor.w', 'amomin.w', 'amomax.w', 'amominu.w', 'amomaxu.w'];

/** A random program: an outer loop over `count` random instructions, then ecall; a subroutine after it. */
export function loopingProgram(seed: number, count: number): Program {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[(rnd() >>> 0) % xs.length];
  const regs = [0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 28, 29, 30, 31];
  const reg = (): number => pick(regs);
  const offset = (width: number): number => ((rnd() % 2040) | 0) & (rnd() % 8 === 0 ? -1 : -width);
  const p = new Program(CODE);
  for (const r of regs) if (r !== 0) p.li(r, rnd() & 1 ? pick(EDGES) : rnd());
  p.li(BASE, DATA + 2048).li(OUTER, 3 + ((rnd() >>> 0) % 20));
  p.label('top');
  for (let i = 0; i < count; i++) {
    const kind = (rnd() >>> 0) % 100;
    if (kind < 30) p.emit(pick(ALU), reg(), reg(), reg());
    else if (kind < 42) p.emit(pick(ALU_IMM), reg(), reg(), (rnd() % 2048) | 0);
    else if (kind < 48) p.emit(pick(SHIFT_IMM), reg(), reg(), (rnd() >>> 0) % 32);
    else if (kind < 51) p.emit(pick(['lui', 'auipc']), reg(), rnd() & 0xfffff000);
    else if (kind < 61) { const [name, w] = pick(LOADS); p.emit(name, reg(), BASE, offset(w)); }
    else if (kind < 71) { const [name, w] = pick(STORES); p.emit(name, reg(), BASE, offset(w)); }
    else if (kind < 81) {
      const skip = 1 + ((rnd() >>> 0) % 3);
      p.emit(pick(BRANCHES), reg(), reg(), 4 * (skip + 1));
      for (let k = 0; k < skip; k++) p.emit('addi', reg(), reg(), (rnd() % 2048) | 0);
    } else if (kind < 85) {
      const label = `inner${i}`;
      p.li(INNER, 1 + ((rnd() >>> 0) % 5)).label(label).emit(pick(ALU), reg(), reg(), reg())
        .emit('addi', INNER, INNER, -1).emit('bne', INNER, R.zero, label);
    } else if (kind < 88) p.emit('jal', reg(), 8).emit('addi', reg(), reg(), 1);
    else if (kind < 91) p.emit('jal', R.ra, 'sub');
    else if (kind < 94) p.emit('csrrs', reg(), pick([Csr.INSTRET, Csr.CYCLE]), R.zero);
    else p.emit('addi', R.t6, BASE, ((rnd() % 2040) | 0) & -4).emit(pick(AMOS), reg(), reg(), R.t6);
  }
  p.emit('addi', OUTER, OUTER, -1).emit('bne', OUTER, R.zero, 'top');
  // The end: an ecall, or a load or store outside RAM (an access fault in the middle of a translated segment).
  const end = (rnd() >>> 0) % 3;
  if (end > 0) p.li(R.t6, 0x7ff00000).emit('addi', R.a0, R.a0, 1).emit(end === 1 ? 'lw' : 'sw', R.a1, R.t6, 8).emit('addi', R.a0, R.a0, 1);
  p.emit('ecall');
  p.label('sub').emit('addi', R.a0, R.a0, 3).emit('xor', R.a1, R.a1, R.a0).emit('jalr', R.zero, R.ra, 0);
  return p;
}

function expectSameState(interp: Machine, jit: Machine, where: string): void {
  expect({ pc: jit.cpu.pc, instret: jit.cpu.instret, tval: jit.cpu.tval }, where)
    .toEqual({ pc: interp.cpu.pc, instret: interp.cpu.instret, tval: interp.cpu.tval });
  expect(Array.from(jit.cpu.x), where).toEqual(Array.from(interp.cpu.x));
  const a = interp.ram.u8.subarray(DATA, DATA + SCRATCH_BYTES);
  const b = jit.ram.u8.subarray(DATA, DATA + SCRATCH_BYTES);
  if (Buffer.compare(a, b) !== 0) expect(Array.from(b), `${where}: scratch memory`).toEqual(Array.from(a));
}

describe('translated code runs as the interpreter does, slice by slice', () => {
  it(`${PROGRAMS} random looping programs agree after every run() of a random budget`, () => {
    let translations = 0;
    let steps = 0;
    for (let seed = 1; seed <= PROGRAMS; seed++) {
      const p = loopingProgram(seed * 7919, 60);
      const interp = bareMachine(p, { jit: false });
      const jit = bareMachine(p, { jit: true, jitHotVisits: 1 });
      const budgets = prng(seed);
      for (let step = 0; ; step++, steps++) {
        const budget = 1 + ((budgets() >>> 0) % 97);
        const t1 = interp.run(budget);
        const t2 = jit.run(budget);
        const where = `seed ${seed * 7919}, run ${step} (budget ${budget})`;
        expect(t2, where).toBe(t1);
        expectSameState(interp, jit, where);
        if (t1 !== Trap.Budget) break;
      }
      translations += jit.cpu.jit!.cache.stats.translations;
    }
    expect(translations).toBeGreaterThan(PROGRAMS);
    expect(steps).toBeGreaterThan(PROGRAMS * 10);
  });
});
