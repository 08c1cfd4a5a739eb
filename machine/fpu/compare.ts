// Comparisons, minimum/maximum and classification (Unprivileged ISA 11.8, 11.9, 12.6).
// fmin/fmax follow the 2019 ISA (IEEE 754-201x minimumNumber/maximumNumber): -0 is less than +0,
// a NaN operand yields the other operand, two NaNs yield the canonical NaN, and a signalling NaN
// raises NV. feq is a quiet comparison (NV only for signalling NaNs); flt and fle signal (NV for any
// NaN). The result of a comparison or fclass is returned, for the interpreter to write to x rd.

import { FClass, FFlag } from '../../abi/float.js';
import { isNaN32, isNaN64, isSignalingNaN32, isSignalingNaN64 } from './bits.js';
import { FloatState, setDoubleBits, setDoubleNaN, setSingleBits, setSingleNaN, singleBits } from './float-state.js';
import { signalingDouble } from './nan.js';

/** fmin.s (max false) and fmax.s (max true). */
export function minMaxSingle(st: FloatState, rd: number, rs1: number, rs2: number, max: boolean): void {
  const ab = singleBits(st, rs1);
  const bb = singleBits(st, rs2);
  if (isSignalingNaN32(ab) || isSignalingNaN32(bb)) st.fcsr |= FFlag.NV;
  const aNaN = isNaN32(ab);
  const bNaN = isNaN32(bb);
  if (aNaN && bNaN) return setSingleNaN(st, rd);
  if (aNaN) return setSingleBits(st, rd, bb);
  if (bNaN) return setSingleBits(st, rd, ab);
  const a = st.fSingles[2 * rs1];
  const b = st.fSingles[2 * rs2];
  // Equal values are equal bits, except +0 and -0: OR keeps a sign bit (min), AND drops it (max).
  if (max) setSingleBits(st, rd, a > b ? ab : b > a ? bb : ab & bb);
  else setSingleBits(st, rd, a < b ? ab : b < a ? bb : ab | bb);
}

/** fmin.d (max false) and fmax.d (max true). */
export function minMaxDouble(st: FloatState, rd: number, rs1: number, rs2: number, max: boolean): void {
  const w = st.fInts;
  const ah = w[2 * rs1 + 1];
  const al = w[2 * rs1];
  const bh = w[2 * rs2 + 1];
  const bl = w[2 * rs2];
  if (isSignalingNaN64(ah, al) || isSignalingNaN64(bh, bl)) st.fcsr |= FFlag.NV;
  const aNaN = isNaN64(ah, al);
  const bNaN = isNaN64(bh, bl);
  if (aNaN && bNaN) return setDoubleNaN(st, rd);
  if (aNaN) return setDoubleBits(st, rd, bh, bl);
  if (bNaN) return setDoubleBits(st, rd, ah, al);
  const a = st.f[rs1];
  const b = st.f[rs2];
  if (max) {
    if (a > b) setDoubleBits(st, rd, ah, al);
    else if (b > a) setDoubleBits(st, rd, bh, bl);
    else setDoubleBits(st, rd, ah & bh, al);
  } else if (a < b) setDoubleBits(st, rd, ah, al);
  else if (b < a) setDoubleBits(st, rd, bh, bl);
  else setDoubleBits(st, rd, ah | bh, al);
}

/** The comparisons, by funct3 of their encoding: fle 0, flt 1, feq 2. */
export const enum Comparison {
  LE = 0,
  LT = 1,
  EQ = 2,
}

/** feq.s / flt.s / fle.s: 1 or 0. */
export function compareSingle(st: FloatState, rs1: number, rs2: number, op: Comparison): number {
  const ab = singleBits(st, rs1);
  const bb = singleBits(st, rs2);
  if (isNaN32(ab) || isNaN32(bb)) {
    if (op !== Comparison.EQ || isSignalingNaN32(ab) || isSignalingNaN32(bb)) st.fcsr |= FFlag.NV;
    return 0;
  }
  const a = st.fSingles[2 * rs1];
  const b = st.fSingles[2 * rs2];
  return (op === Comparison.EQ ? a === b : op === Comparison.LT ? a < b : a <= b) ? 1 : 0;
}

/** feq.d / flt.d / fle.d: 1 or 0. */
export function compareDouble(st: FloatState, rs1: number, rs2: number, op: Comparison): number {
  const a = st.f[rs1];
  const b = st.f[rs2];
  if (a !== a || b !== b) {
    if (op !== Comparison.EQ || signalingDouble(st, rs1) || signalingDouble(st, rs2)) st.fcsr |= FFlag.NV;
    return 0;
  }
  return (op === Comparison.EQ ? a === b : op === Comparison.LT ? a < b : a <= b) ? 1 : 0;
}

/** The fclass bit of a value from its sign, whether its exponent is all ones or zero, and fraction. */
function classify(negative: boolean, maxExponent: boolean, zeroExponent: boolean, fractionZero: boolean, quiet: boolean): number {
  if (maxExponent) {
    if (fractionZero) return negative ? FClass.NegInfinity : FClass.PosInfinity;
    return quiet ? FClass.QuietNaN : FClass.SignalingNaN;
  }
  if (zeroExponent) {
    if (fractionZero) return negative ? FClass.NegZero : FClass.PosZero;
    return negative ? FClass.NegSubnormal : FClass.PosSubnormal;
  }
  return negative ? FClass.NegNormal : FClass.PosNormal;
}

/** fclass.s: the class bit of f rs1 (an improperly boxed operand is the canonical NaN). */
export function classSingle(st: FloatState, rs1: number): number {
  const bits = singleBits(st, rs1);
  const exponent = (bits >>> 23) & 0xff;
  return classify(bits < 0, exponent === 0xff, exponent === 0, (bits & 0x7fffff) === 0, (bits & 0x400000) !== 0);
}

/** fclass.d: the class bit of f rs1. */
export function classDouble(st: FloatState, rs1: number): number {
  const hi = st.fInts[2 * rs1 + 1];
  const lo = st.fInts[2 * rs1];
  const exponent = (hi >>> 20) & 0x7ff;
  return classify(hi < 0, exponent === 0x7ff, exponent === 0, (hi & 0xfffff) === 0 && lo === 0, (hi & 0x80000) !== 0);
}
