// Code generation for a region: all the discovered code of one page (discover.ts) as one JS function,
//
//   function region(hart, pc, limit) {        // runs from pc (a label) until it leaves or `limit` would pass
//     x = hart.x; r1.. = x[1]..               // the registers the region touches, in locals
//     out: for (;;) switch ((pc >>> 2) & 1023) {
//       case 4: if (n + 3 > limit) { pc = ...; break out; } n += 3;   // a label: budget check for its segment
//         ...three instructions...            // fall through into the next label, or continue/break out
//       default: break out;
//     }
//     x[..] = r..; hart.pc = pc; return n;    // the one exit: write back, report the retired count
//   }
//
// Branches to labels of the page loop inside the function (registers stay in locals); everything else
// returns to the dispatcher (jit.ts). The budget is checked where each segment starts, so the count of
// retired instructions is exact at every exit, and a slice stops at the same instruction as the interpreter's.

import { executeFloat } from '../fpu/execute.js';
import { mulh, mulhsu, mulhu } from '../muldiv.js';
import type { PhysicalMemory } from '../ram.js';
import type { Tlb } from '../tlb.js';
import { Flow } from './decode.js';
import { PageCode, PAGE_WORDS } from './discover.js';
import { emitAlu } from './emit-alu.js';
import { emitControl, goTo, RegionShape } from './emit-control.js';
import { emitMemory } from './emit-memory.js';
import { emitSystem } from './emit-system.js';
import { Emitter } from './emitter.js';

/** A compiled region: runs from `pc` (unsigned, a label of its page) for at most `limit` instructions. */
export type RegionCode = (hart: unknown, pc: number, limit: number) => number;

/** What the generated code reaches besides the hart: the CPU's slow paths and flags, RAM and the TLB. */
export interface RegionWorld {
  /** The Cpu (its slow paths, `pending`, `tval`, `instret`). */
  readonly cpu: unknown;
  readonly ram: PhysicalMemory;
  readonly tlb: Tlb;
  /** The cache's flag: set when a store hit a frame holding code during this region call. */
  readonly context: { dirty: boolean };
}

/** Length of the segment starting at label `i`: up to a control transfer, the next label, or a gap. */
function segmentLength(code: PageCode, i: number): number {
  let j = i;
  for (;;) {
    const flow = code.flows[j];
    j++;
    if (flow !== Flow.Next || j >= PAGE_WORDS || !code.present[j] || code.labels[j]) return j - i;
  }
}

/**
 * For each translated instruction, how many instructions run from it to the end of its segment (0 where
 * nothing is translated): the interpreter, entering a region's code between labels, runs exactly that many to
 * reach a label or leave the page, and the dispatcher can enter the region there.
 */
export function segmentTails(code: PageCode): Uint16Array {
  const tails = new Uint16Array(PAGE_WORDS);
  for (let i = 0; i < PAGE_WORDS; i++) if (code.labels[i]) {
    const length = segmentLength(code, i);
    for (let k = 0; k < length; k++) tails[i + k] = length - k;
  }
  return tails;
}

/** One instruction's statement. */
function emitInstruction(e: Emitter, shape: RegionShape, inst: number): string {
  const s = emitAlu(e, inst) ?? emitMemory(e, inst) ?? emitControl(e, shape, inst) ?? emitSystem(e, inst);
  if (s === undefined) throw new Error(`jit: no emitter for ${(inst >>> 0).toString(16)} (discovery let it through)`);
  return s;
}

/** The JS source of the region's body (between the locals' loads and the write-back). */
function emitBody(code: PageCode, vaPage: number, e: Emitter): string {
  const shape: RegionShape = { vaPage, labels: code.labels };
  const out: string[] = [];
  let remaining = 0;
  for (let i = 0; i < PAGE_WORDS; i++) {
    if (!code.present[i]) continue;
    const pc = (vaPage + 4 * i) >>> 0;
    if (code.labels[i]) {
      e.segmentLength = segmentLength(code, i);
      e.k = 0;
      remaining = e.segmentLength;
      out.push(`case ${i}: if (n > ${-e.segmentLength} + limit) { pc = ${pc}; break out; } n += ${e.segmentLength};`);
    }
    e.pc = pc;
    out.push(emitInstruction(e, shape, code.words[i]));
    e.k++;
    remaining--;
    const flow = code.flows[i];
    const next = i + 1;
    if (flow === Flow.Jump || flow === Flow.Indirect) continue; // emitted its own exit
    // A branch not taken, or the end of a straight run: fall into the next label, or leave.
    if (next >= PAGE_WORDS || !code.present[next]) out.push(goTo(shape, (pc + 4) | 0));
    if (remaining < 0) throw new Error('jit: segment accounting');
  }
  return out.join('\n');
}

/** Which generated source text `code` at `vaPage` compiles to (exported for tests and the size accounting). */
export function regionSource(code: PageCode, vaPage: number): string {
  const e = new Emitter();
  const body = emitBody(code, vaPage, e);
  const regs = [...e.read].sort((a, b) => a - b);
  const load = regs.length ? `let ${regs.map((r) => `r${r} = x[${r}]`).join(', ')};` : '';
  const store = [...e.written].sort((a, b) => a - b).map((r) => `x[${r}] = r${r};`).join(' ');
  return `return function region(hart, pc, limit) {
const x = hart.x; ${load}
let n = 0, va = 0, vpn = 0, ti = 0, v = 0, t = 0;
out: for (;;) { switch ((pc >>> 2) & 1023) {
${body}
default: break out;
} }
${store}
hart.pc = pc;
return n;
};`;
}

/** Compiles `source` (regionSource of `code`) against `world`. */
export function compileRegion(code: PageCode, source: string, world: RegionWorld): RegionCode {
  const factory = new Function(
    'cpu', 'c', 'labels', 'executeFloat', 'mulh', 'mulhsu', 'mulhu',
    'i8', 'u8', 'i16', 'u16', 'i32', 'loadTag', 'loadOff', 'storeTag', 'storeOff', source,
  ) as (...args: unknown[]) => RegionCode;
  const { ram, tlb } = world;
  const run = factory(
    world.cpu, world.context, code.labels, executeFloat, mulh, mulhsu, mulhu,
    ram.i8, ram.u8, ram.i16, ram.u16, ram.i32, tlb.loadTag, tlb.loadOff, tlb.storeTag, tlb.storeOff,
  );
  return run;
}
