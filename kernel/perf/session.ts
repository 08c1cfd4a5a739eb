// Perf counting for one process (`pagoda run --perf`, `perf stat`, perf_ctl 1002): the machine's counting
// stepper (machine/perf/stepper.ts: instructions, loads, stores, TLB, caches) plus what only the kernel sees —
// page faults by kind and system calls by name. While a process has a session the scheduler runs it through
// the stepper; without one nothing here runs (kernel/sched.ts checks once per slice).

import { SYSCALL_NAMES } from '../../abi/syscalls.js';
import { Pte } from '../../abi/riscv.js';
import { CacheHierarchy, type CacheLevelSpec } from '../../machine/perf/cache.js';
import { CountingStepper } from '../../machine/perf/stepper.js';
import type { PhysicalMemory } from '../../machine/ram.js';
import { Access } from '../../machine/trap.js';
import type { AddressSpace } from '../mem/addrspace.js';
import { PTE_COW } from '../mem/pagetable.js';

/**
 * Kinds of page fault: a first touch given a zeroed frame (demand), a store to a shared copy-on-write page
 * (cow), the stack grown down to the page (stack), a stale TLB entry with the page already mapped (stale),
 * and faults that killed the process (fatal).
 */
export type FaultKind = 'demand' | 'cow' | 'stack' | 'stale' | 'fatal';
export const FAULT_KINDS: readonly FaultKind[] = ['demand', 'cow', 'stack', 'stale', 'fatal'];

/** Every figure of a session, as plain data (for the page's counters strip and tests). */
export interface PerfCounts {
  instructions: number;
  loads: number;
  stores: number;
  tlbHits: number;
  tlbMisses: number;
  faults: Record<FaultKind, number>;
  syscalls: Record<string, number>;
  caches: { name: string; sizeBytes: number; ways: number; lineBytes: number; latency: number; hits: number; misses: number }[];
  memoryAccesses: number;
  /** Estimated cycles (machine/perf/cache.ts states the model); undefined without caches. */
  cycles: number | undefined;
}

export class PerfSession {
  readonly stepper: CountingStepper;
  private readonly faultCounts: Record<FaultKind, number> = { demand: 0, cow: 0, stack: 0, stale: 0, fatal: 0 };
  private readonly syscallCounts = new Map<number, number>();

  constructor(ram: PhysicalMemory, readonly cacheSpec: readonly CacheLevelSpec[] | undefined) {
    this.stepper = new CountingStepper(ram, cacheSpec ? new CacheHierarchy(cacheSpec) : undefined);
  }

  /** Counts system call number `n`. */
  syscall(n: number): void {
    this.syscallCounts.set(n, (this.syscallCounts.get(n) ?? 0) + 1);
  }

  fault(kind: FaultKind): void {
    this.faultCounts[kind]++;
  }

  counts(): PerfCounts {
    const m = this.stepper.counts;
    const cache = this.stepper.cache;
    const syscalls: Record<string, number> = {};
    for (const [n, count] of [...this.syscallCounts].sort((a, b) => b[1] - a[1] || a[0] - b[0])) {
      syscalls[SYSCALL_NAMES[n] ?? `syscall_${n}`] = count;
    }
    const accessInstructions = m.tlbHits + m.tlbMisses; // one TLB probe per instruction that accesses data
    return {
      instructions: m.instructions, loads: m.loads, stores: m.stores, tlbHits: m.tlbHits, tlbMisses: m.tlbMisses,
      faults: { ...this.faultCounts }, syscalls,
      caches: cache ? cache.levels.map((l) => ({ ...l.spec, hits: l.hits, misses: l.misses })) : [],
      memoryAccesses: cache ? cache.memoryAccesses : 0,
      cycles: cache ? m.instructions - accessInstructions + cache.accessCycles : undefined,
    };
  }
}

/**
 * The kind of the page fault at `va` about to be handled in `space` (the handler may still find it fatal: the
 * caller then counts 'fatal' instead). Reads the page table and regions; changes nothing.
 */
export function classifyFault(space: AddressSpace, va: number, access: Access): FaultKind {
  const page = (va >>> 0) & ~0xfff;
  const pte = space.pageTable.lookup(page);
  if (pte & Pte.V) return access === Access.Store && pte & PTE_COW ? 'cow' : 'stale';
  return space.regions.find(page) ? 'demand' : 'stack';
}
