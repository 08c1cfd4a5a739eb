// The counting stepper: runs a process one instruction at a time through the ordinary interpreter
// (cpu.run(1)) and counts what each retired instruction did — instructions, loads, stores, data-TLB hits and
// misses as the machine's real TLB (machine/tlb.ts) has them just before the access, and, with a cache
// hierarchy, every data access through it. The kernel runs a process through this instead of cpu.run only
// while perf counting is on for it, so the CPU's hot loop carries no counting at all; the price, paid only
// when on, is one run() call per instruction (README: about 20-40x slower).

import type { Cpu } from '../cpu.js';
import type { PhysicalMemory } from '../ram.js';
import { Access, Trap } from '../trap.js';
import { TLB_MASK } from '../tlb.js';
import { AccessKind, dataAccessOf, type DataAccess } from './access.js';
import type { CacheHierarchy } from './cache.js';

/** What the stepper has counted so far. */
export interface MachineCounts {
  instructions: number;
  loads: number;
  stores: number;
  tlbHits: number;
  tlbMisses: number;
}

export class CountingStepper {
  readonly counts: MachineCounts = { instructions: 0, loads: 0, stores: 0, tlbHits: 0, tlbMisses: 0 };
  private readonly access: DataAccess = { kind: AccessKind.None, va: 0, size: 0 };

  constructor(private readonly ram: PhysicalMemory, readonly cache: CacheHierarchy | undefined) {}

  /** Runs up to `budget` instructions on `cpu` (as cpu.run does), counting each one that retires. */
  run(cpu: Cpu, budget: number): Trap {
    const hart = cpu.hart;
    const tlb = cpu.mmu.tlb;
    const a = this.access;
    const c = this.counts;
    for (let i = 0; i < budget; i++) {
      const inst = this.peek(cpu, hart.pc);
      if (inst === undefined) a.kind = AccessKind.None;
      else dataAccessOf(inst, hart.x, a);
      let hit = false;
      if (a.kind !== AccessKind.None) {
        const vpn = a.va >>> 12;
        const tags = a.kind === AccessKind.Load ? tlb.loadTag : tlb.storeTag;
        hit = tags[vpn & TLB_MASK] === vpn;
      }
      const before = cpu.instret;
      const trap = cpu.run(1);
      if (cpu.instret !== before) {
        c.instructions++;
        if (a.kind !== AccessKind.None) this.count(cpu, hit);
      }
      if (trap !== Trap.Budget) return trap;
    }
    return Trap.Budget;
  }

  private count(cpu: Cpu, tlbHit: boolean): void {
    const a = this.access;
    const c = this.counts;
    if (a.kind !== AccessKind.Store) c.loads++;
    if (a.kind !== AccessKind.Load) c.stores++;
    if (tlbHit) c.tlbHits++;
    else c.tlbMisses++;
    if (!this.cache) return;
    // The access retired, so its page is in the TLB's load table now (a store's walk fills it too).
    const tlb = cpu.mmu.tlb;
    const vpn = a.va >>> 12;
    const idx = vpn & TLB_MASK;
    const pa = tlb.loadTag[idx] === vpn ? (a.va + tlb.loadOff[idx]) >>> 0 : a.va;
    this.cache.access(pa, a.size);
    if (a.kind === AccessKind.Amo) this.cache.access(pa, a.size);
  }

  /** The instruction at `pc`, or undefined when it cannot be fetched (the step will then trap). */
  private peek(cpu: Cpu, pc: number): number | undefined {
    const tlb = cpu.mmu.tlb;
    const vpn = pc >>> 12;
    const idx = vpn & TLB_MASK;
    let pa: number;
    if (tlb.fetchTag[idx] === vpn) pa = (pc + tlb.fetchOff[idx]) >>> 0;
    else {
      pa = cpu.mmu.translate(pc, Access.Fetch);
      if (pa < 0) return undefined;
    }
    if (pc & 3) return undefined;
    return this.ram.i32[pa >>> 2];
  }
}
