// Model-based test of translation and the TLB: random PTE edits (4 KiB leaves, megapages, tables,
// invalid and reserved entries, frames outside RAM), each followed by the flush the kernel would
// issue, interleaved with random fetches, loads and stores. Every access must match a reference
// Sv32 walker written here: same trap and tval, or the same physical word.

import { describe, expect, it } from 'vitest';
import { Pte } from '../../abi/riscv.js';
import { Program } from '../../bench/program.js';
import { Machine } from '../../machine/machine.js';
import { Trap } from '../../machine/trap.js';
import { hex, PagedMachine, pagedMachine, prng, R, TABLES_PA, TEST_RAM, trapName } from './support.js';

const CODE = 0x10000;
const SLOT_A = 0x400000;          // a level-0 table with 8 pages we remap at random
const SLOT_B = 0x800000;          // toggles between invalid, megapage and a table
const TABLE_A = 0x240000;
const TABLE_B = 0x241000;
const PAGES = 8;
const FRAMES = [0x900000, 0x901000, 0x902000, 0x903000, 0x9a0000, 0x9a1000, TEST_RAM, TEST_RAM + 0x5000];
const MEGA_PPNS = [0xc00, 0x800, 0xc01, 0x1000]; // aligned, aligned, misaligned, outside RAM
type Kind = 'fetch' | 'load' | 'store';
const PAGE_FAULT: Record<Kind, Trap> = { fetch: Trap.InstructionPageFault, load: Trap.LoadPageFault, store: Trap.StorePageFault };
const ACCESS_FAULT: Record<Kind, Trap> = { fetch: Trap.InstructionAccessFault, load: Trap.LoadAccessFault, store: Trap.StoreAccessFault };
const NEED: Record<Kind, number> = { fetch: Pte.X, load: Pte.R, store: Pte.W };

/** Word planted at every physical address we may reach: `lui x0, tag` (a no-op if fetched, unique if loaded). */
const plant = (pa: number): number => ((((pa >>> 2) & 0xfffff) << 12) | 0x37) >>> 0;

/** The reference Sv32 walk for user mode (Privileged ISA 4.3.2), reading PTEs from RAM. */
function reference(m: Machine, va: number, kind: Kind): { pa: number } | { trap: Trap } {
  const ram = m.ram;
  let table = TABLES_PA;
  for (let level = 1; level >= 0; level--) {
    const at = table + (level === 1 ? va >>> 22 : (va >>> 12) & 0x3ff) * 4;
    if (at + 4 > ram.sizeBytes) return { trap: ACCESS_FAULT[kind] };
    const pte = ram.read32(at);
    const ppn = pte >>> 10;
    if (!(pte & Pte.V) || (pte & Pte.W && !(pte & Pte.R))) return { trap: PAGE_FAULT[kind] };
    if (!(pte & (Pte.R | Pte.X))) {
      if (level === 0) return { trap: PAGE_FAULT[kind] };
      table = ppn * 4096;
      continue;
    }
    if (!(pte & Pte.U) || !(pte & NEED[kind])) return { trap: PAGE_FAULT[kind] };
    if (level === 1 && ppn & 0x3ff) return { trap: PAGE_FAULT[kind] };
    const pa = level === 1 ? ppn * 4096 + (va & 0x3fffff) : ppn * 4096 + (va & 0xfff);
    if ((pa & ~0xfff) + 4096 > ram.sizeBytes) return { trap: ACCESS_FAULT[kind] };
    return { pa };
  }
  throw new Error('unreachable');
}

/** The harness program: CODE lw a0,0(s0); ecall; CODE+8 sw a1,0(s0); ecall; CODE+16 jalr x0,0(s0). */
function harness(): PagedMachine {
  const p = new Program(CODE).emit('lw', R.a0, R.s0, 0).emit('ecall').emit('sw', R.a1, R.s0, 0).emit('ecall').emit('jalr', R.zero, R.s0, 0);
  const pm = pagedMachine(p);
  const ram = pm.m.ram;
  for (const f of FRAMES) if (f < TEST_RAM) for (let o = 0; o < 4096; o += 4) ram.write32(f + o, plant(f + o));
  for (const ppn of MEGA_PPNS) {
    const base = (ppn & ~0x3ff) * 4096;
    if (base < TEST_RAM) for (let o = 0; o < 0x400000; o += 4) ram.write32(base + o, plant(base + o));
  }
  ram.fill(TABLE_A, 4096);
  ram.fill(TABLE_B, 4096);
  ram.write32(TABLES_PA + (SLOT_A >>> 22) * 4, (((TABLE_A >>> 12) << 10) | Pte.V) >>> 0);
  return pm;
}

const RANDOM_FLAGS = [Pte.R, Pte.W, Pte.X, Pte.U, Pte.A, Pte.D, Pte.G];

function randomFlags(rnd: () => number): number {
  let flags = (rnd() & 7) === 0 ? 0 : Pte.V;
  for (const f of RANDOM_FLAGS) if (rnd() & 1) flags |= f;
  if ((rnd() & 3) !== 0) flags |= Pte.U | Pte.R; // keep many entries usable
  return flags;
}

/** Runs `steps` random edits and accesses; returns the number of accesses checked. */
function simulate(seed: number, steps: number): number {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[(rnd() >>> 0) % xs.length];
  const pm = harness();
  const { m } = pm;
  const l1B = TABLES_PA + (SLOT_B >>> 22) * 4;
  let slotBIsMegapage = false;
  let checked = 0;

  for (let step = 0; step < steps; step++) {
    const op = (rnd() >>> 0) % 10;
    if (op < 2) {
      // Remap one 4 KiB page of slot A (or of slot B's table); flush that page or everything.
      const inB = (rnd() & 3) === 0;
      const table = inB ? TABLE_B : TABLE_A;
      const index = (rnd() >>> 0) % PAGES;
      m.ram.write32(table + index * 4, (((pick(FRAMES) >>> 12) << 10) | randomFlags(rnd)) >>> 0);
      const va = (inB ? SLOT_B : SLOT_A) + index * 4096;
      if (rnd() & 1) m.cpu.flush((va + ((rnd() >>> 0) % 4096)) >>> 0);
      else m.cpu.flush();
    } else if (op < 3) {
      // Change slot B's level-1 entry: invalid, a megapage, a table, or a reserved W-without-R pointer.
      const choice = (rnd() >>> 0) % 4;
      const was = slotBIsMegapage;
      const entry = choice === 0 ? 0
        : choice === 1 ? ((pick(MEGA_PPNS) << 10) | randomFlags(rnd) | Pte.R) >>> 0 // a leaf, never a pointer into data
        : choice === 2 ? (((TABLE_B >>> 12) << 10) | Pte.V) >>> 0
        : (((TABLE_B >>> 12) << 10) | Pte.V | Pte.W) >>> 0;
      m.ram.write32(l1B, entry);
      slotBIsMegapage = choice === 1;
      // A megapage is one leaf for its whole range: sfence.vma of any va in it drops it. Anything
      // else that changes a level-1 entry needs a full flush.
      if (was && rnd() & 1) m.cpu.flush((SLOT_B + ((rnd() >>> 0) % 0x400000)) >>> 0);
      else m.cpu.flush();
    } else {
      const kind = pick(['fetch', 'load', 'store'] as Kind[]);
      const slot = rnd() & 1 ? SLOT_A : SLOT_B;
      const va = (slot + ((rnd() >>> 0) % PAGES) * 4096 + (((rnd() >>> 0) % 1024) * 4)) >>> 0;
      checkAccess(pm, va, kind, rnd() | 0, `seed ${seed} step ${step}`);
      checked++;
    }
  }
  return checked;
}

function checkAccess(pm: PagedMachine, va: number, kind: Kind, value: number, where: string): void {
  const { m } = pm;
  const want = reference(m, va, kind);
  m.cpu.x[R.s0] = va | 0;
  m.cpu.x[R.a1] = value;
  m.cpu.x[R.a0] = 0;
  m.cpu.pc = kind === 'load' ? CODE : kind === 'store' ? CODE + 8 : CODE + 16;
  const trap = m.run(kind === 'fetch' ? 2 : 10);
  const what = `${where}: ${kind} at ${hex(va)}`;
  if ('trap' in want) {
    expect(trapName(trap), what).toBe(trapName(want.trap));
    expect(m.cpu.tval, what).toBe(va);
    expect(m.cpu.pc, what).toBe(kind === 'fetch' ? va : kind === 'load' ? CODE : CODE + 8);
    return;
  }
  if (kind === 'fetch') {
    expect(trapName(trap), what).toBe(trapName(Trap.Budget));
    expect(m.cpu.pc, what).toBe(va + 4);
  } else if (kind === 'load') {
    expect(trapName(trap), what).toBe(trapName(Trap.Ecall));
    expect(m.cpu.x[R.a0] >>> 0, what).toBe(m.ram.read32(want.pa));
    expect(m.cpu.x[R.a0] >>> 0, `${what}: a planted word`).toBe(plant(want.pa));
  } else {
    expect(trapName(trap), what).toBe(trapName(Trap.Ecall));
    expect(m.ram.read32(want.pa) | 0, what).toBe(value);
    m.ram.write32(want.pa, plant(want.pa));
  }
}

describe('translation and TLB against a reference Sv32 walker', () => {
  it.each([1, 2, 3, 4, 5, 6])('random edits, flushes and accesses agree with the model (seed %i)', (seed) => {
    expect(simulate(seed * 104729, 3000)).toBeGreaterThan(2000);
  });
});
