// Helpers shared by the machine tests: build a fresh Machine with a Program loaded, in bare mode
// (va = pa) or with Sv32 paging on, run it to its ecall, and evaluate one instruction on many
// operand pairs in a single program.

import { Pte } from '../../abi/riscv.js';
import { Program } from '../../bench/program.js';
import { Sv32Builder } from '../../bench/sv32.js';
import { Machine, MachineOptions } from '../../machine/machine.js';
import { MIB } from '../../machine/ram.js';
import { Trap, TRAP_NAMES } from '../../machine/trap.js';

/** Small RAM keeps a fresh machine per test cheap. */
export const TEST_RAM = 16 * MIB;
/** Where programs start (virtual and, in bare mode, physical). */
export const CODE = 0x10000;
/** A scratch data area in bare mode. */
export const DATA = 0x100000;
/** Physical layout of paged machines: tables, then the code frame(s), then data frames. */
export const TABLES_PA = 0x200000;
export const CODE_PA = 0x300000;

/** Register numbers by ABI name. */
export const R = {
  zero: 0, ra: 1, sp: 2, gp: 3, tp: 4, t0: 5, t1: 6, t2: 7, s0: 8, s1: 9,
  a0: 10, a1: 11, a2: 12, a3: 13, a4: 14, a5: 15, a6: 16, a7: 17,
  s2: 18, s3: 19, s4: 20, s5: 21, t3: 28, t4: 29, t5: 30, t6: 31,
} as const;

/** The 32-bit edge values every instruction is tried on. */
export const EDGES: readonly number[] = [0, 1, -1, 0x7fffffff, 0x80000000 | 0, 0xffffffff | 0, 2, -2, 0x12345678, 0x0000ffff];

/** A fresh bare-mode machine (satp 0) with `p` loaded at its base and pc there. */
export function bareMachine(p: Program, options: MachineOptions = {}): Machine {
  const m = new Machine({ ramBytes: TEST_RAM, ...options });
  m.ram.writeBytes(p.base, p.bytes());
  m.cpu.pc = p.base;
  return m;
}

export interface PagedMachine {
  m: Machine;
  pt: Sv32Builder;
}

/**
 * A fresh machine with paging on: `p` mapped R-X-U at its base (physical CODE_PA), page tables
 * from TABLES_PA, pc at the program start. Map data with `pt` (then the TLB needs no flush:
 * nothing has run yet).
 */
export function pagedMachine(p: Program, options: MachineOptions = {}): PagedMachine {
  const m = new Machine({ ramBytes: TEST_RAM, ...options });
  const pt = new Sv32Builder(m.ram, TABLES_PA);
  const code = p.bytes();
  m.ram.writeBytes(CODE_PA, code);
  pt.map(p.base, CODE_PA, code.length, Pte.R | Pte.X | Pte.U);
  m.cpu.setSatp(pt.satp);
  m.cpu.pc = p.base;
  return { m, pt };
}

/** Trap name for failure messages. */
export const trapName = (t: Trap): string => TRAP_NAMES[t] ?? `trap ${t}`;

/** Runs until something other than the budget stops the machine (at most `limit` instructions). */
export function runUntilTrap(m: Machine, limit = 1_000_000): Trap {
  let left = limit;
  for (;;) {
    const step = Math.min(left, 100_000);
    const t = m.run(step);
    left -= step;
    if (t !== Trap.Budget || left <= 0) return t;
  }
}

/** Runs a program ending in ecall on a bare machine; throws unless it stops at that ecall. */
export function runBare(build: (p: Program) => void, options: MachineOptions = {}): Machine {
  const p = new Program(CODE);
  build(p);
  p.emit('ecall');
  const m = bareMachine(p, options);
  expectEcall(m, runUntilTrap(m));
  return m;
}

/** Throws a readable error unless `t` is an ecall. */
export function expectEcall(m: Machine, t: Trap): void {
  if (t !== Trap.Ecall) {
    throw new Error(`expected ecall, got ${trapName(t)} at pc 0x${m.cpu.pc.toString(16)} tval 0x${m.cpu.tval.toString(16)}`);
  }
}

/**
 * Evaluates the R-type instruction `name` (rd, rs1, rs2) on each [a, b] pair in one bare-mode
 * program and returns the results as signed 32-bit values.
 */
export function evalR(name: string, pairs: readonly (readonly [number, number])[]): number[] {
  return evalBatch(pairs.length, (p, i) => {
    p.li(R.t0, pairs[i][0]).li(R.t1, pairs[i][1]).emit(name, R.t2, R.t0, R.t1);
  });
}

/** Evaluates the I-type instruction `name` (rd, rs1, imm) on each [a, imm] pair. */
export function evalI(name: string, pairs: readonly (readonly [number, number])[]): number[] {
  return evalBatch(pairs.length, (p, i) => {
    p.li(R.t0, pairs[i][0]).emit(name, R.t2, R.t0, pairs[i][1]);
  });
}

/** Runs `count` snippets that each leave a value in t2, stored to DATA + 4*i; returns them. */
function evalBatch(count: number, snippet: (p: Program, i: number) => void): number[] {
  const m = runBare((p) => {
    p.li(R.s0, DATA);
    for (let i = 0; i < count; i++) {
      snippet(p, i);
      p.emit('sw', R.t2, R.s0, 0).emit('addi', R.s0, R.s0, 4);
    }
  });
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(m.ram.read32(DATA + 4 * i) | 0);
  return out;
}

/** All ordered pairs of `values`. */
export function pairsOf(values: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const a of values) for (const b of values) out.push([a, b]);
  return out;
}

/** A deterministic 32-bit PRNG (mulberry32) so random tests repeat exactly. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) | 0;
  };
}

/** Hex for messages. */
export const hex = (v: number): string => `0x${(v >>> 0).toString(16)}`;

/** `la`-style constant load that is always two instructions (lui + addi), so layouts are fixed. */
export function li2(p: Program, rd: number, value: number): Program {
  const v = value | 0;
  const hi = (v + 0x800) & 0xfffff000;
  return p.emit('lui', rd, hi).emit('addi', rd, rd, (v - hi) | 0);
}
