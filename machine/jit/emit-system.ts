// Code generation for fence and fence.i (nothing to do: a store to code already dropped its translations and
// left the region), the CSR instructions (the interpreter's method, given the exact retired count for
// rdcycle/rdinstret), and the F and D computations (machine/fpu/'s executeFloat on the hart, which reads and
// writes hart.x for moves, compares and conversions: the locals involved go through hart.x around the call).

import { Opcode } from '../../abi/isa-table.js';
import { rdOf, rs1Of, rs2Of } from './decode.js';
import type { Emitter } from './emitter.js';

function csr(e: Emitter, inst: number): string {
  const rd = rdOf(inst);
  return `${e.flush(rs1Of(inst), rd)} if (!cpu.csr(${inst}, cpu.instret + ${e.retiredBefore()})) ` +
    `{ cpu.tval = ${inst >>> 0}; cpu.pending = 3; ${e.trapExit()} } ${e.reload(rd)}`;
}

function float(e: Emitter, inst: number): string {
  const rd = rdOf(inst);
  return `${e.flush(rs1Of(inst), rs2Of(inst), rd)} if (!executeFloat(hart, x, ${inst})) ` +
    `{ cpu.tval = ${inst >>> 0}; cpu.pending = 3; ${e.trapExit()} } ${e.reload(rd)} hart.fpUsed = true;`;
}

/** MISC-MEM, SYSTEM (CSR forms), OP-FP and the fused multiply-adds; undefined for any other opcode. */
export function emitSystem(e: Emitter, inst: number): string | undefined {
  switch (inst & 0x7f) {
    case Opcode.MISC_MEM: return '';
    case Opcode.SYSTEM: return csr(e, inst);
    case Opcode.MADD: case Opcode.MSUB: case Opcode.NMSUB: case Opcode.NMADD: case Opcode.OP_FP: return float(e, inst);
    default: return undefined;
  }
}
