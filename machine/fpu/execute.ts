// Decoding and dispatch of the RV32F/RV32D computational instructions (major opcodes OP-FP and
// MADD/MSUB/NMSUB/NMADD; Unprivileged ISA ch. 11, 12, table 24.2), and the fcsr CSRs. The
// interpreter hands over the instruction word; loads and stores (LOAD-FP, STORE-FP) stay in the
// interpreter, which owns memory access. An instruction whose fields name nothing, or whose rounding
// mode is reserved (5, 6, or DYN while frm holds 5..7), is illegal (11.2).

import { Op } from '../../abi/isa-ops.js';
import { FCSR_MASK, FFLAGS_MASK, FRM_SHIFT, RoundingMode } from '../../abi/float.js';
import { addDouble, divDouble, fmaDouble, mulDouble, sqrtDouble } from './arith-double.js';
import { addSingle, divSingle, fmaSingle, mulSingle, sqrtSingle } from './arith-single.js';
import { classDouble, classSingle, compareDouble, compareSingle, minMaxDouble, minMaxSingle } from './compare.js';
import {
  doubleToInt,
  doubleToSingle,
  doubleToUint,
  intToDouble,
  intToSingle,
  singleToDouble,
  singleToInt,
  singleToUint,
  uintToDouble,
  uintToSingle,
} from './convert.js';
import { FloatState } from './float-state.js';
import { moveIntToSingle, moveSingleToInt, signInjectDouble, signInjectSingle } from './sign-inject.js';

/** Major opcodes of two of the fused multiply-adds and of the other computational instructions. */
const MSUB = 0x47;
const NMSUB = 0x4b;
const OP_FP = 0x53;

/**
 * The rounding mode an instruction uses: its rm field (bits 14:12), or frm for DYN. -1 when that
 * is reserved, which makes the instruction illegal.
 */
function roundingMode(st: FloatState, inst: number): number {
  let rm = (inst >> 12) & 7;
  if (rm === RoundingMode.DYN) rm = (st.fcsr >> FRM_SHIFT) & 7;
  return rm <= RoundingMode.RMM ? rm : -1;
}

/**
 * Executes one instruction whose major opcode is OP-FP, MADD, MSUB, NMSUB or NMADD (the caller
 * dispatched on it) on the float state and the integer registers `x` (x[0] may be written; the
 * interpreter clears it). Returns false, having changed nothing, when the instruction is illegal.
 * (A dispatch switch: the exception to small functions.)
 */
export function executeFloat(st: FloatState, x: Int32Array, inst: number): boolean {
  const rd = (inst >> 7) & 31;
  const rs1 = (inst >> 15) & 31;
  const rs2 = (inst >> 20) & 31;
  const opcode = inst & 0x7f;
  if (opcode !== OP_FP) {
    // R4: rs3 in bits 31:27, fmt in 26:25 (0 single, 1 double; half and quad are absent).
    const fmt = (inst >> 25) & 3;
    const rm = roundingMode(st, inst);
    if (fmt > 1 || rm < 0) return false;
    const negateProduct = opcode >= NMSUB;
    const negateAddend = opcode === MSUB || opcode > NMSUB;
    if (fmt === 0) fmaSingle(st, rd, rs1, rs2, inst >>> 27, rm, negateProduct, negateAddend);
    else fmaDouble(st, rd, rs1, rs2, inst >>> 27, rm, negateProduct, negateAddend);
    return true;
  }
  const funct3 = (inst >> 12) & 7;
  switch (inst >>> 25) {
    case Op.FADD_S: case Op.FADD_D: case Op.FSUB_S: case Op.FSUB_D: case Op.FMUL_S: case Op.FMUL_D: case Op.FDIV_S: case Op.FDIV_D: {
      // fadd fsub fmul fdiv, .s (even funct7) and .d (odd)
      const rm = roundingMode(st, inst);
      if (rm < 0) return false;
      const double = (inst >>> 25) & 1;
      switch ((inst >>> 27) & 3) {
        case 0: if (double) addDouble(st, rd, rs1, rs2, rm, false); else addSingle(st, rd, rs1, rs2, rm, false); break;
        case 1: if (double) addDouble(st, rd, rs1, rs2, rm, true); else addSingle(st, rd, rs1, rs2, rm, true); break;
        case 2: if (double) mulDouble(st, rd, rs1, rs2, rm); else mulSingle(st, rd, rs1, rs2, rm); break;
        default: if (double) divDouble(st, rd, rs1, rs2, rm); else divSingle(st, rd, rs1, rs2, rm);
      }
      return true;
    }
    case Op.FSQRT_S: case Op.FSQRT_D: { // fsqrt.s, fsqrt.d
      const rm = roundingMode(st, inst);
      if (rm < 0 || rs2 !== 0) return false;
      if (inst & (1 << 25)) sqrtDouble(st, rd, rs1, rm);
      else sqrtSingle(st, rd, rs1, rm);
      return true;
    }
    case Op.FSGNJ_S: // fsgnj.s fsgnjn.s fsgnjx.s
      if (funct3 > 2) return false;
      signInjectSingle(st, rd, rs1, rs2, funct3);
      return true;
    case Op.FSGNJ_D:
      if (funct3 > 2) return false;
      signInjectDouble(st, rd, rs1, rs2, funct3);
      return true;
    case Op.FMIN_S: // fmin.s fmax.s
      if (funct3 > 1) return false;
      minMaxSingle(st, rd, rs1, rs2, funct3 === 1);
      return true;
    case Op.FMIN_D:
      if (funct3 > 1) return false;
      minMaxDouble(st, rd, rs1, rs2, funct3 === 1);
      return true;
    case Op.FCVT_S_D: { // fcvt.s.d
      const rm = roundingMode(st, inst);
      if (rm < 0 || rs2 !== 1) return false;
      doubleToSingle(st, rd, rs1, rm);
      return true;
    }
    case Op.FCVT_D_S: // fcvt.d.s: exact, but its rm field must still be valid
      if (roundingMode(st, inst) < 0 || rs2 !== 0) return false;
      singleToDouble(st, rd, rs1);
      return true;
    case Op.FEQ_S: // fle.s flt.s feq.s
      if (funct3 > 2) return false;
      x[rd] = compareSingle(st, rs1, rs2, funct3);
      return true;
    case Op.FEQ_D:
      if (funct3 > 2) return false;
      x[rd] = compareDouble(st, rs1, rs2, funct3);
      return true;
    case Op.FCVT_W_S: case Op.FCVT_W_D: { // fcvt.w[u].s, fcvt.w[u].d
      const rm = roundingMode(st, inst);
      if (rm < 0 || rs2 > 1) return false;
      const double = inst & (1 << 25);
      if (rs2 === 0) x[rd] = double ? doubleToInt(st, rs1, rm) : singleToInt(st, rs1, rm);
      else x[rd] = double ? doubleToUint(st, rs1, rm) : singleToUint(st, rs1, rm);
      return true;
    }
    case Op.FCVT_S_W: { // fcvt.s.w[u]
      const rm = roundingMode(st, inst);
      if (rm < 0 || rs2 > 1) return false;
      if (rs2 === 0) intToSingle(st, rd, x[rs1], rm);
      else uintToSingle(st, rd, x[rs1], rm);
      return true;
    }
    case Op.FCVT_D_W: // fcvt.d.w[u]: exact, rm checked
      if (roundingMode(st, inst) < 0 || rs2 > 1) return false;
      if (rs2 === 0) intToDouble(st, rd, x[rs1]);
      else uintToDouble(st, rd, x[rs1]);
      return true;
    case Op.FMV_X_W: // fmv.x.w (funct3 0), fclass.s (1)
      if (rs2 !== 0 || funct3 > 1) return false;
      x[rd] = funct3 === 0 ? moveSingleToInt(st, rs1) : classSingle(st, rs1);
      return true;
    case Op.FCLASS_D: // fclass.d (fmv.x.d is RV64 only)
      if (rs2 !== 0 || funct3 !== 1) return false;
      x[rd] = classDouble(st, rs1);
      return true;
    case Op.FMV_W_X: // fmv.w.x (fmv.d.x is RV64 only)
      if (rs2 !== 0 || funct3 !== 0) return false;
      moveIntToSingle(st, rd, x[rs1]);
      return true;
    default:
      return false;
  }
}

/** CSR numbers of the floating-point CSRs (Privileged ISA table 2.2, unprivileged floating-point CSRs). */
export const enum FloatCsr {
  FFLAGS = 0x001,
  FRM = 0x002,
  FCSR = 0x003,
}

/** Reads fflags, frm or fcsr; -1 for any other CSR number. */
export function readFloatCsr(st: FloatState, csr: number): number {
  switch (csr) {
    case FloatCsr.FFLAGS: return st.fcsr & FFLAGS_MASK;
    case FloatCsr.FRM: return (st.fcsr >> FRM_SHIFT) & 7;
    case FloatCsr.FCSR: return st.fcsr & FCSR_MASK;
    default: return -1;
  }
}

/** Writes fflags, frm or fcsr (bits beyond each field are ignored). `csr` must be one of them. */
export function writeFloatCsr(st: FloatState, csr: number, value: number): void {
  switch (csr) {
    case FloatCsr.FFLAGS: st.fcsr = (st.fcsr & ~FFLAGS_MASK & FCSR_MASK) | (value & FFLAGS_MASK); break;
    case FloatCsr.FRM: st.fcsr = (st.fcsr & FFLAGS_MASK) | ((value & 7) << FRM_SHIFT); break;
    default: st.fcsr = value & FCSR_MASK;
  }
}
