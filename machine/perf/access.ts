// What data access an instruction will make, worked out from its bits and the registers before it runs: the
// counting stepper (stepper.ts) asks this before each step to probe the TLB and, after the step, to feed the
// cache simulation. Loads (LOAD, LOAD_FP), stores (STORE, STORE_FP) and the A extension (LR a load, SC a
// store, AMOs both) are data accesses; nothing else is (fetches are not counted as data).

import { Opcode } from '../../abi/isa-table.js';

/** Kinds of data access: none, a load, a store, or a read-modify-write (an AMO: one load and one store). */
export const enum AccessKind { None = 0, Load = 1, Store = 2, Amo = 3 }

/** The access of one instruction, written into a reused object (the stepper allocates nothing per step). */
export interface DataAccess {
  kind: AccessKind;
  /** Effective virtual address (unsigned). */
  va: number;
  /** Bytes accessed. */
  size: number;
}

const LOAD_SIZES = [1, 2, 4, 0, 1, 2, 0, 0]; // lb lh lw - lbu lhu
const STORE_SIZES = [1, 2, 4, 0, 0, 0, 0, 0]; // sb sh sw

/** Fills `out` with the data access of instruction `inst` given registers `x`; kind None for anything else. */
export function dataAccessOf(inst: number, x: Int32Array, out: DataAccess): void {
  const funct3 = (inst >> 12) & 7;
  const base = x[(inst >> 15) & 31];
  out.kind = AccessKind.None;
  switch (inst & 0x7f) {
    case Opcode.LOAD:
      out.size = LOAD_SIZES[funct3];
      if (out.size) set(out, AccessKind.Load, base + (inst >> 20));
      return;
    case Opcode.LOAD_FP:
      out.size = funct3 === 2 ? 4 : funct3 === 3 ? 8 : 0;
      if (out.size) set(out, AccessKind.Load, base + (inst >> 20));
      return;
    case Opcode.STORE:
    case Opcode.STORE_FP: {
      const fp = (inst & 0x7f) === Opcode.STORE_FP;
      out.size = fp ? (funct3 === 2 ? 4 : funct3 === 3 ? 8 : 0) : STORE_SIZES[funct3];
      const imm = ((inst >> 25) << 5) | ((inst >> 7) & 31);
      if (out.size) set(out, AccessKind.Store, base + imm);
      return;
    }
    case Opcode.AMO: {
      if (funct3 !== 2) return;
      const funct5 = inst >>> 27;
      out.size = 4;
      set(out, funct5 === 2 ? AccessKind.Load : funct5 === 3 ? AccessKind.Store : AccessKind.Amo, base);
      return;
    }
  }
}

function set(out: DataAccess, kind: AccessKind, va: number): void {
  out.kind = kind;
  out.va = va >>> 0;
}
