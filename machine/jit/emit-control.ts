// Code generation for the instructions that end a segment: branches, jal and jalr. A target inside the
// region's page that is one of its labels is reached with `continue out` (the switch in region.ts dispatches
// on the page offset, and the label's budget check runs again: a loop that never leaves the region still stops
// exactly at the budget); any other target leaves the region with pc set, back to the dispatcher.

import { Opcode } from '../../abi/isa-table.js';
import { Op } from '../../abi/isa-ops.js';
import { funct3Of, immB, immI, immJ, rdOf, rs1Of, rs2Of } from './decode.js';
import type { Emitter } from './emitter.js';

/** What a control transfer may jump to without leaving the region. */
export interface RegionShape {
  /** Virtual address of the region's page. */
  readonly vaPage: number;
  /** labels[i]: the instruction at page offset 4i starts a segment. */
  readonly labels: Uint8Array;
}

/** Statement: continue at the static `target`, inside the region when it can. */
export function goTo(shape: RegionShape, target: number): string {
  const inPage = ((target ^ shape.vaPage) & -4096) === 0;
  if (inPage && shape.labels[(target >>> 2) & 1023]) return `{ pc = ${target >>> 0}; continue out; }`;
  return `{ pc = ${target >>> 0}; break out; }`;
}

function condition(e: Emitter, inst: number): string {
  const a = e.reg(rs1Of(inst));
  const b = e.reg(rs2Of(inst));
  switch (funct3Of(inst)) {
    case Op.BEQ: return `${a} === ${b}`;
    case Op.BNE: return `${a} !== ${b}`;
    case Op.BLT: return `${a} < ${b}`;
    case Op.BGE: return `${a} >= ${b}`;
    case Op.BLTU: return `(${a} >>> 0) < (${b} >>> 0)`;
    default: return `(${a} >>> 0) >= (${b} >>> 0)`; // Op.BGEU
  }
}

/** A conditional branch: the taken path only (the fall-through is the next instruction or the region's exit). */
function branch(e: Emitter, shape: RegionShape, inst: number): string {
  return `if (${condition(e, inst)}) ${goTo(shape, (e.pc + immB(inst)) | 0)}`;
}

function jal(e: Emitter, shape: RegionShape, inst: number): string {
  return `${e.set(rdOf(inst), `${(e.pc + 4) | 0}`)} ${goTo(shape, (e.pc + immJ(inst)) | 0)}`;
}

/**
 * jalr: the target is computed before rd is written (rd may be rs1); a misaligned one traps at the jalr with
 * rd untouched. A target that is a label of this page stays in the region (returns to a caller in the page).
 */
function jalr(e: Emitter, inst: number): string {
  const target = `t = (${e.reg(rs1Of(inst))} + ${immI(inst)}) & -2;`;
  const misaligned = `if (t & 3) { cpu.tval = t >>> 0; cpu.pending = 4; ${e.trapExit()} }`;
  return `${target} ${misaligned} ${e.set(rdOf(inst), `${(e.pc + 4) | 0}`)} pc = t >>> 0;\n` +
    `if (((t ^ ${e.pc & -4096}) & -4096) === 0 && labels[(t >>> 2) & 1023] === 1) continue out; break out;`;
}

/** BRANCH, JAL, JALR; undefined for any other opcode. */
export function emitControl(e: Emitter, shape: RegionShape, inst: number): string | undefined {
  switch (inst & 0x7f) {
    case Opcode.BRANCH: return branch(e, shape, inst);
    case Opcode.JAL: return jal(e, shape, inst);
    case Opcode.JALR: return jalr(e, inst);
    default: return undefined;
  }
}
