// The tier dispatcher: runs a slice of the hart through compiled regions where it has them and through the
// interpreter (the cold tier, and the reference) elsewhere. Per step it finds the frame of pc through the
// fetch TLB (whose entries all map frames holding code: machine/codemarks.ts), runs that frame's region if pc
// is one of its labels, and otherwise lets the interpreter run a short quantum while the cache counts the
// frame's visits, translating it once hot. Instructions that regions never contain (ecall, ebreak, illegal
// words, fetch faults, a budget that ends inside a segment) are always the interpreter's, so a trap and the
// state it leaves are the interpreter's own. The count of retired instructions is kept in cpu.instret as the
// slice goes, so rdcycle/rdinstret read the exact figure in either tier.

import type { Hart } from '../hart.js';
import type { Mmu } from '../mmu.js';
import type { PhysicalMemory } from '../ram.js';
import { TLB_MASK } from '../tlb.js';
import { Trap } from '../trap.js';
import { CodeCache, HOT_VISITS } from './cache.js';

/** Instructions the interpreter runs per cold step before the dispatcher looks for a region again. */
const COLD_QUANTUM = 32;
/** The entry table's index mask (cache.ts). */
const SLOT_MASK = 0xffff;

/** What the dispatcher needs of the CPU (machine/cpu.ts implements it). */
export interface TieredCpu {
  hart: Hart;
  instret: number;
  pending: Trap;
  /** The interpreter: runs up to `limit` instructions, returns how many retired (trap: `pending` set). */
  interpret(limit: number): number;
}

export class Jit {
  readonly cache: CodeCache;

  /** `hotVisits`: interpreter visits of a frame before it is translated (default HOT_VISITS; 1 for tests). */
  constructor(private readonly cpu: TieredCpu, private readonly mmu: Mmu, ram: PhysicalMemory, hotVisits = HOT_VISITS) {
    this.cache = new CodeCache(ram, mmu.tlb, cpu, hotVisits);
    mmu.code.translator = (frame, byCpu) => this.cache.invalidate(frame, byCpu);
  }

  /** Runs up to `limit` instructions, as Cpu.interpret does, advancing cpu.instret as they retire. */
  execute(limit: number): number {
    const cpu = this.cpu;
    const tlb = this.mmu.tlb;
    const fetchTag = tlb.fetchTag;
    const fetchOff = tlb.fetchOff;
    const cache = this.cache;
    const slotKey = cache.slotKey;
    const slotRegion = cache.slotRegion;
    const context = cache.context;
    const stats = cache.stats;
    let n = 0;
    while (n < limit) {
      const hart = cpu.hart;
      const pc = hart.pc;
      const vpn = pc >>> 12;
      const ti = vpn & TLB_MASK;
      let quantum = COLD_QUANTUM;
      if (fetchTag[ti] === vpn) {
        const pa = (pc + fetchOff[ti]) >>> 0;
        const vaPage = (pc & -4096) >>> 0;
        const slot = (pa >>> 2) & SLOT_MASK;
        let region = slotKey[slot] === pa ? slotRegion[slot] : undefined;
        if (region !== undefined && region.vaPage !== vaPage) region = undefined;
        if (region === undefined) {
          // Inside a compiled segment (a slice ended there): the interpreter runs to its end, where a label is.
          const tail = cache.tailAt(pa);
          if (tail !== 0) quantum = tail;
          else region = cache.visit(pa, vaPage, pc);
        }
        if (region !== undefined) {
          context.dirty = false;
          const k = region.run(hart, pc, limit - n);
          stats.entries++;
          stats.retired += k;
          n += k;
          cpu.instret += k;
          if (cpu.pending !== Trap.Budget) return n;
          if (k !== 0) continue;
        }
      }
      // Cold: a fetch that misses the TLB (the interpreter translates it, or raises the fault), code not hot
      // yet, or an instruction no region holds.
      const k = cpu.interpret(Math.min(quantum, limit - n));
      if (fetchTag[ti] === vpn) cache.warm((pc + fetchOff[ti]) >>> 0, k);
      hart.x[0] = 0;
      n += k;
      cpu.instret += k;
      if (cpu.pending !== Trap.Budget) return n;
    }
    return n;
  }
}
