// Code generation for the memory instructions. Integer loads and stores inline the interpreter's fast path
// (a TLB hit of an aligned access: one compare, one add) and call its slow paths otherwise, which translate,
// fix up misaligned accesses, and set cpu.pending on a fault: the generated code then leaves with the
// instruction not retired and its destination untouched. A store that lands on a frame holding code always
// takes the slow path (no store TLB entry maps such a frame); the cache hears of it and sets `c.dirty`, and
// the region leaves right after the store, since its own code may be what was just overwritten.
// FP loads and stores and the atomics call the interpreter's methods on hart.x, so their register locals
// are written to hart.x first and the destination read back after.

import { Opcode } from '../../abi/isa-table.js';
import { Op } from '../../abi/isa-ops.js';
import { TLB_MASK } from '../tlb.js';
import { funct3Of, immI, immS, rdOf, rs1Of, rs2Of } from './decode.js';
import type { Emitter } from './emitter.js';

/** Per load width: typed array, index shift, alignment mask, slow-path size and the slow value's extension. */
const LOADS: Record<number, { view: string; shift: number; size: number; extend: (v: string) => string }> = {
  [Op.LB]: { view: 'i8', shift: 0, size: 1, extend: (v) => `(${v} << 24) >> 24` },
  [Op.LH]: { view: 'i16', shift: 1, size: 2, extend: (v) => `(${v} << 16) >> 16` },
  [Op.LW]: { view: 'i32', shift: 2, size: 4, extend: (v) => v },
  [Op.LBU]: { view: 'u8', shift: 0, size: 1, extend: (v) => v },
  [Op.LHU]: { view: 'u16', shift: 1, size: 2, extend: (v) => v },
};

const STORES: Record<number, { view: string; shift: number; size: number }> = {
  [Op.SB]: { view: 'u8', shift: 0, size: 1 },
  [Op.SH]: { view: 'u16', shift: 1, size: 2 },
  [Op.SW]: { view: 'i32', shift: 2, size: 4 },
};

/** `va = rs1 + imm; vpn; ti` and the fast-path condition on `tag`. */
function address(e: Emitter, rs1: number, imm: number, tag: string, size: number): string {
  const align = size > 1 ? ` && (va & ${size - 1}) === 0` : '';
  return `va = (${e.reg(rs1)} + ${imm}) | 0; vpn = va >>> 12; ti = vpn & ${TLB_MASK};\n` +
    `if (${tag}[ti] === vpn${align})`;
}

function load(e: Emitter, inst: number): string {
  const w = LOADS[funct3Of(inst)];
  const rd = rdOf(inst);
  const index = w.shift ? `(va + loadOff[ti]) >> ${w.shift}` : `(va + loadOff[ti]) | 0`;
  const fast = rd === 0 ? `v = ${w.view}[${index}];` : e.set(rd, `${w.view}[${index}]`);
  return `${address(e, rs1Of(inst), immI(inst), 'loadTag', w.size)} { ${fast} }\n` +
    `else { v = cpu.loadSlow(va, ${w.size}); if (cpu.pending !== 0) ${e.trapExit()} ${e.set(rd, w.extend('v'))} }`;
}

function store(e: Emitter, inst: number): string {
  const w = STORES[funct3Of(inst)];
  const value = e.reg(rs2Of(inst));
  const index = w.shift ? `(va + storeOff[ti]) >> ${w.shift}` : `(va + storeOff[ti]) | 0`;
  return `${address(e, rs1Of(inst), immS(inst), 'storeTag', w.size)} { ${w.view}[${index}] = ${value}; }\n` +
    `else { cpu.storeSlow(va, ${w.size}, ${value}); if (cpu.pending !== 0) ${e.trapExit()} if (c.dirty) ${e.nextExit()} }`;
}

/** flw/fld/fsw/fsd through the interpreter's methods (which read x[rs1]). */
function floatAccess(e: Emitter, inst: number, isLoad: boolean): string {
  const call = isLoad ? 'cpu.floatLoad' : 'cpu.floatStore';
  const after = isLoad ? 'hart.fpUsed = true;' : `if (c.dirty) ${e.nextExit()}`;
  return `${e.flush(rs1Of(inst))} if (!${call}(${inst})) ${e.trapExit()} ${after}`;
}

/** lr.w, sc.w, the AMOs: the interpreter's method on hart.x, which keeps the reservation. */
function atomic(e: Emitter, inst: number): string {
  const rd = rdOf(inst);
  return `${e.flush(rs1Of(inst), rs2Of(inst), rd)} if (!cpu.atomic(${inst})) { if (cpu.pending === 3) cpu.tval = ${inst >>> 0}; ${e.trapExit()} } ` +
    `${e.reload(rd)} if (c.dirty) ${e.nextExit()}`;
}

/** LOAD, STORE, LOAD-FP, STORE-FP, AMO; undefined for any other opcode. */
export function emitMemory(e: Emitter, inst: number): string | undefined {
  switch (inst & 0x7f) {
    case Opcode.LOAD: return load(e, inst);
    case Opcode.STORE: return store(e, inst);
    case Opcode.LOAD_FP: return floatAccess(e, inst, true);
    case Opcode.STORE_FP: return floatAccess(e, inst, false);
    case Opcode.AMO: return atomic(e, inst);
    default: return undefined;
  }
}
