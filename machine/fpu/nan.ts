// NaN results (Unprivileged ISA 11.3): an operation whose result is NaN writes the canonical NaN,
// never a propagated payload; it raises NV when an operand is a signalling NaN or when the
// operation itself is invalid (inf - inf, 0 * inf, 0/0, inf/inf, sqrt of a negative number).
// Operands are read through their raw bits: a NaN's payload is not kept by JS numbers.

import { FFlag } from '../../abi/float.js';
import { isSignalingNaN32, isSignalingNaN64 } from './bits.js';
import { FloatState, setDoubleNaN, setSingleNaN, singleBits } from './float-state.js';

/** Is single operand f n (after the NaN-box check) a signalling NaN? */
function signalingSingle(st: FloatState, n: number): boolean {
  return isSignalingNaN32(singleBits(st, n));
}

/** Is double operand f n a signalling NaN? */
export function signalingDouble(st: FloatState, n: number): boolean {
  return isSignalingNaN64(st.fInts[2 * n + 1], st.fInts[2 * n]);
}

/**
 * Writes the canonical single NaN to f rd, raising NV if `invalid` or if any of the operands
 * rs1, rs2, rs3 (-1: none) is a signalling NaN.
 */
export function nanSingle(st: FloatState, rd: number, invalid: boolean, rs1: number, rs2: number, rs3: number): void {
  if (invalid || signalingSingle(st, rs1) || (rs2 >= 0 && signalingSingle(st, rs2)) || (rs3 >= 0 && signalingSingle(st, rs3))) {
    st.fcsr |= FFlag.NV;
  }
  setSingleNaN(st, rd);
}

/** The binary64 counterpart of nanSingle. */
export function nanDouble(st: FloatState, rd: number, invalid: boolean, rs1: number, rs2: number, rs3: number): void {
  if (invalid || signalingDouble(st, rs1) || (rs2 >= 0 && signalingDouble(st, rs2)) || (rs3 >= 0 && signalingDouble(st, rs3))) {
    st.fcsr |= FFlag.NV;
  }
  setDoubleNaN(st, rd);
}

/**
 * The sign of an exactly zero sum x + y (IEEE 754-2008 6.3): x + x keeps the sign of x when both
 * are zeros of one sign; any other exact zero is +0, or -0 when rounding down.
 */
export function exactZeroSum(x: number, y: number, roundingDown: boolean): number {
  if (x === 0 && y === 0 && 1 / x === 1 / y) return x;
  return roundingDown ? -0 : 0;
}
