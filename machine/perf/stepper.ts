// The counting stepper: runs a process through the ordinary CPU (cpu.run) one data access at a time — each
// load, store or AMO alone in a run(1), the instructions between them in runs that hold no access — and counts
// what retired — instructions, loads, stores, data-TLB hits and
// misses as the machine's real TLB (machine/tlb.ts) has them just before the access, and, with a cache
// hierarchy, every data access through it. The kernel runs a process through this instead of cpu.run only
// while perf counting is on for it, so the CPU's hot loop carries no counting at all; the price, paid only
// when on, is one run() call per data access and per straight run of other instructions.

import type { Cpu } from '../cpu.js';
import type { PhysicalMemory } from '../ram.js';
import { Access, Trap } from '../trap.js';
import { TLB_MASK, type Tlb } from '../tlb.js';
import { Opcode } from '../../abi/isa-table.js';
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
  /** The TLB of the CPU being stepped (set by peek). */
  private mmuTlb: Tlb | undefined;

  constructor(private readonly ram: PhysicalMemory, readonly cache: CacheHierarchy | undefined) {}

  /** Runs up to `budget` instructions on `cpu` (as cpu.run does), counting each one that retires. */
  run(cpu: Cpu, budget: number): Trap {
    const hart = cpu.hart;
    const tlb = cpu.mmu.tlb;
    const a = this.access;
    const c = this.counts;
    for (let i = 0; i < budget;) {
      const inst = this.peek(cpu, hart.pc);
      if (inst === undefined) a.kind = AccessKind.None;
      else dataAccessOf(inst, hart.x, a);
      if (a.kind === AccessKind.None && inst !== undefined) {
        // A straight run of instructions without data accesses goes in one run() call: the count is
        // instret's, exact whatever retires; the run ends with the first jump or branch (after it, pc is
        // no longer the next word) or the end of the page.
        const before = cpu.instret;
        const trap = cpu.run(Math.min(this.plainRun(hart.pc), budget - i));
        const retired = cpu.instret - before;
        c.instructions += retired;
        i += Math.max(retired, 1);
        if (trap !== Trap.Budget) return trap;
        continue;
      }
      i++;
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

  /**
   * How many instructions from `pc` (whose word peek() just read, so its page is in the fetch TLB) run without
   * a data access: up to and including the first jump, branch or system instruction, within the page, at most 64.
   */
  private plainRun(pc: number): number {
    const tlb = this.mmuTlb;
    const vpn = pc >>> 12;
    const idx = vpn & TLB_MASK;
    if (tlb === undefined || tlb.fetchTag[idx] !== vpn) return 1;
    const pa = (pc + tlb.fetchOff[idx]) >>> 0;
    const end = Math.min(64, (4096 - (pc & 4095)) >>> 2);
    const i32 = this.ram.i32;
    let n = 0;
    while (n < end) {
      const op = i32[(pa >>> 2) + n] & 0x7f;
      if (op === Opcode.LOAD || op === Opcode.LOAD_FP || op === Opcode.STORE || op === Opcode.STORE_FP || op === Opcode.AMO) break;
      n++;
      if (op === Opcode.BRANCH || op === Opcode.JAL || op === Opcode.JALR || op === Opcode.SYSTEM) break;
    }
    return Math.max(n, 1);
  }

  /** The instruction at `pc`, or undefined when it cannot be fetched (the step will then trap). */
  private peek(cpu: Cpu, pc: number): number | undefined {
    const tlb = cpu.mmu.tlb;
    this.mmuTlb = tlb;
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
