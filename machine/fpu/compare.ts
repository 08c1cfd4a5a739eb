// Comparisons, minimum/maximum and classification (Unprivileged ISA 11.8, 11.9, 12.6).
// fmin/fmax follow the 2019 ISA (IEEE 754-201x minimumNumber/maximumNumber): -0 is less than +0,
// a NaN operand yields the other operand, two NaNs yield the canonical NaN, and a signalling NaN
// raises NV. feq is a quiet comparison (NV only for signalling NaNs); flt and fle signal (NV for any
// NaN). The result of a comparison or fclass is returned, for the interpreter to write to x rd.

import { FClass, FFlag } from '../../abi/float.js';
import { isNaN32, isNaN64, isSignalingNaN32, isSignalingNaN64 } from './bits.js';
import { FloatRegisters } from './float-registers.js';

/** fmin.s (max false) and fmax.s (max true). */
export function minMaxSingle(st: FloatRegisters, rd: number, rs1: number, rs2: number, max: boolean): void {
  const ab = st.singleBits(rs1);
  const bb = st.singleBits(rs2);
  if (isSignalingNaN32(ab) || isSignalingNaN32(bb)) st.fflags |= FFlag.NV;
  const aNaN = isNaN32(ab);
  const bNaN = isNaN32(bb);
  if (aNaN && bNaN) return st.setSingleNaN(rd);
  if (aNaN) return st.setSingleBits(rd, bb);
  if (bNaN) return st.setSingleBits(rd, ab);
  const a = st.f32[2 * rs1];
  const b = st.f32[2 * rs2];
  // Equal values are equal bits, except +0 and -0: OR keeps a sign bit (min), AND drops it (max).
  if (max) st.setSingleBits(rd, a > b ? ab : b > a ? bb : ab & bb);
  else st.setSingleBits(rd, a < b ? ab : b < a ? bb : ab | bb);
}

/** fmin.d (max false) and fmax.d (max true). */
export function minMaxDouble(st: FloatRegisters, rd: number, rs1: number, rs2: number, max: boolean): void {
  const w = st.i32;
  const ah = w[2 * rs1 + 1];
  const al = w[2 * rs1];
  const bh = w[2 * rs2 + 1];
  const bl = w[2 * rs2];
  if (isSignalingNaN64(ah, al) || isSignalingNaN64(bh, bl)) st.fflags |= FFlag.NV;
  const aNaN = isNaN64(ah, al);
  const bNaN = isNaN64(bh, bl);
  if (aNaN && bNaN) return st.setDoubleNaN(rd);
  if (aNaN) return st.setDoubleBits(rd, bh, bl);
  if (bNaN) return st.setDoubleBits(rd, ah, al);
  const a = st.f64[rs1];
  const b = st.f64[rs2];
  if (max) {
    if (a > b) st.setDoubleBits(rd, ah, al);
    else if (b > a) st.setDoubleBits(rd, bh, bl);
    else st.setDoubleBits(rd, ah & bh, al);
  } else if (a < b) st.setDoubleBits(rd, ah, al);
  else if (b < a) st.setDoubleBits(rd, bh, bl);
  else st.setDoubleBits(rd, ah | bh, al);
}

/** The comparisons, by funct3 of their encoding: fle 0, flt 1, feq 2. */
export const enum Comparison {
  LE = 0,
  LT = 1,
  EQ = 2,
}

/** feq.s / flt.s / fle.s: 1 or 0. */
export function compareSingle(st: FloatRegisters, rs1: number, rs2: number, op: Comparison): number {
  const ab = st.singleBits(rs1);
  const bb = st.singleBits(rs2);
  if (isNaN32(ab) || isNaN32(bb)) {
    if (op !== Comparison.EQ || isSignalingNaN32(ab) || isSignalingNaN32(bb)) st.fflags |= FFlag.NV;
    return 0;
  }
  const a = st.f32[2 * rs1];
  const b = st.f32[2 * rs2];
  return (op === Comparison.EQ ? a === b : op === Comparison.LT ? a < b : a <= b) ? 1 : 0;
}

/** feq.d / flt.d / fle.d: 1 or 0. */
export function compareDouble(st: FloatRegisters, rs1: number, rs2: number, op: Comparison): number {
  const a = st.f64[rs1];
  const b = st.f64[rs2];
  if (a !== a || b !== b) {
    if (op !== Comparison.EQ || signalingDoubleAt(st, rs1) || signalingDoubleAt(st, rs2)) st.fflags |= FFlag.NV;
    return 0;
  }
  return (op === Comparison.EQ ? a === b : op === Comparison.LT ? a < b : a <= b) ? 1 : 0;
}

function signalingDoubleAt(st: FloatRegisters, n: number): boolean {
  return isSignalingNaN64(st.i32[2 * n + 1], st.i32[2 * n]);
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
export function classSingle(st: FloatRegisters, rs1: number): number {
  const bits = st.singleBits(rs1);
  const exponent = (bits >>> 23) & 0xff;
  return classify(bits < 0, exponent === 0xff, exponent === 0, (bits & 0x7fffff) === 0, (bits & 0x400000) !== 0);
}

/** fclass.d: the class bit of f rs1. */
export function classDouble(st: FloatRegisters, rs1: number): number {
  const hi = st.i32[2 * rs1 + 1];
  const lo = st.i32[2 * rs1];
  const exponent = (hi >>> 20) & 0x7ff;
  return classify(hi < 0, exponent === 0x7ff, exponent === 0, (hi & 0xfffff) === 0 && lo === 0, (hi & 0x80000) !== 0);
}
