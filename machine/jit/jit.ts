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
    const regions = this.cache.regions;
    const context = this.cache.context;
    let n = 0;
    while (n < limit) {
      const hart = cpu.hart;
      const pc = hart.pc;
      const vpn = pc >>> 12;
      const ti = vpn & TLB_MASK;
      let k = 0;
      let quantum = COLD_QUANTUM;
      if (fetchTag[ti] === vpn) {
        const frame = (pc + fetchOff[ti]) >>> 12;
        const vaPage = (pc & -4096) >>> 0;
        const index = (pc >>> 2) & 1023;
        let region = regions[frame];
        if (region !== undefined && region.vaPage === vaPage && region.labels[index] === 0 && region.tails[index] !== 0) {
          // Inside a segment (a slice ended there): the interpreter runs to its end, where a label is.
          quantum = region.tails[index];
          region = undefined;
        } else if (region === undefined || region.vaPage !== vaPage || region.labels[index] === 0) {
          region = this.cache.visit(frame, vaPage, pc);
        }
        if (region !== undefined) {
          context.dirty = false;
          k = region.run(hart, pc, limit - n);
          n += k;
          cpu.instret += k;
          if (cpu.pending !== Trap.Budget) return n;
          if (k !== 0) continue;
        }
      }
      // Cold: a fetch that misses the TLB (the interpreter translates it, or raises the fault), code not hot
      // yet, or an instruction no region holds.
      k = cpu.interpret(Math.min(quantum, limit - n));
      hart.x[0] = 0;
      n += k;
      cpu.instret += k;
      if (cpu.pending !== Trap.Budget) return n;
    }
    return n;
  }
}
