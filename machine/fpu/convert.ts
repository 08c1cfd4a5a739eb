// The conversions: fcvt.w[u].s / fcvt.w[u].d (float to integer, saturating), fcvt.s.w[u] /
// fcvt.d.w[u] (integer to float), fcvt.s.d and fcvt.d.s (Unprivileged ISA 11.7, 12.5).
// Float to integer: a result out of range, an infinity or a NaN gives NV and the nearest integer
// limit (a NaN gives the maximum, table 11.4); otherwise NX when rounding changed the value.

import { FFlag, RoundingMode } from '../../abi/float.js';
import { isNaN32, isNaN64, isSignalingNaN32, isSignalingNaN64, MIN_NORMAL_SINGLE } from './bits.js';
import { FloatState, setDoubleNaN, setSingle, setSingleNaN, singleBits } from './float-state.js';
import { roundSingle, singleFlags, stepSingle } from './round-single.js';

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;
const UINT_MAX = 4294967295;
/** From 2^52 up every binary64 is an integer. */
const INTEGRAL = 2 ** 52;

/** The integral value that rounds x in mode rm (x not NaN; infinities are returned as they are). */
function roundToIntegral(x: number, rm: RoundingMode): number {
  if (Math.abs(x) >= INTEGRAL) return x;
  switch (rm) {
    case RoundingMode.RTZ:
      return Math.trunc(x);
    case RoundingMode.RDN:
      return Math.floor(x);
    case RoundingMode.RUP:
      return Math.ceil(x);
    default: {
      // x - trunc(x) is exact (floor would not be: -0.49999999999999994 + 1 rounds to 0.5).
      const whole = Math.trunc(x);
      const fraction = Math.abs(x - whole);
      const away = x < 0 ? whole - 1 : whole + 1;
      if (fraction < 0.5) return whole;
      if (fraction > 0.5 || rm === RoundingMode.RMM) return away;
      return whole % 2 === 0 ? whole : away;
    }
  }
}

/** Float x (a NaN for any NaN operand) to a signed 32-bit integer in mode rm, accruing flags. */
function toInt32(st: FloatState, x: number, rm: RoundingMode): number {
  if (x !== x) {
    st.fcsr |= FFlag.NV;
    return INT_MAX;
  }
  const r = roundToIntegral(x, rm);
  if (r > INT_MAX || r < INT_MIN) {
    st.fcsr |= FFlag.NV;
    return r > 0 ? INT_MAX : INT_MIN;
  }
  if (r !== x) st.fcsr |= FFlag.NX;
  return r | 0;
}

/** Float x to an unsigned 32-bit integer in mode rm (returned as its int32 bit pattern). */
function toUint32(st: FloatState, x: number, rm: RoundingMode): number {
  if (x !== x) {
    st.fcsr |= FFlag.NV;
    return -1;
  }
  const r = roundToIntegral(x, rm);
  if (r > UINT_MAX || r < 0) {
    st.fcsr |= FFlag.NV;
    return r > 0 ? -1 : 0;
  }
  if (r !== x) st.fcsr |= FFlag.NX;
  return r | 0;
}

// The single operand's box is tested apart from reading its value (a `boxed ? value : NaN`
// expression makes V8 allocate a heap number); an improperly boxed operand is a NaN.

/** fcvt.w.s: returns the value for x rd. */
export function singleToInt(st: FloatState, rs1: number, rm: RoundingMode): number {
  if (st.fInts[2 * rs1 + 1] !== -1) return toInt32(st, NaN, rm);
  return toInt32(st, st.fSingles[2 * rs1], rm);
}

/** fcvt.wu.s: returns the value for x rd (the unsigned result's bit pattern). */
export function singleToUint(st: FloatState, rs1: number, rm: RoundingMode): number {
  if (st.fInts[2 * rs1 + 1] !== -1) return toUint32(st, NaN, rm);
  return toUint32(st, st.fSingles[2 * rs1], rm);
}

/** fcvt.w.d */
export function doubleToInt(st: FloatState, rs1: number, rm: RoundingMode): number {
  return toInt32(st, st.f[rs1], rm);
}

/** fcvt.wu.d */
export function doubleToUint(st: FloatState, rs1: number, rm: RoundingMode): number {
  return toUint32(st, st.f[rs1], rm);
}

/** Rounds a binary64 value x (exact, finite) into single f rd, accruing flags. */
function singleFrom(st: FloatState, rd: number, x: number, rm: RoundingMode): void {
  const r = Math.fround(x);
  if (r === x) return setSingle(st, rd, r);
  const m = Math.abs(r);
  if (rm !== RoundingMode.RMM && m > MIN_NORMAL_SINGLE && m < Infinity) {
    setSingle(st, rd, r);
    if (rm === RoundingMode.RNE) st.fcsr |= FFlag.NX;
    else stepSingle(st, rd, x > r, rm);
    return;
  }
  const result = roundSingle(x, 0, rm);
  st.fcsr |= singleFlags(x, 0, result, rm);
  setSingle(st, rd, result);
}

/** fcvt.s.w: f rd = (single) x, x the signed integer in x rs1. */
export function intToSingle(st: FloatState, rd: number, x: number, rm: RoundingMode): void {
  singleFrom(st, rd, x | 0, rm);
}

/** fcvt.s.wu: f rd = (single) x, x read as unsigned. */
export function uintToSingle(st: FloatState, rd: number, x: number, rm: RoundingMode): void {
  singleFrom(st, rd, x >>> 0, rm);
}

/** fcvt.d.w: exact. */
export function intToDouble(st: FloatState, rd: number, x: number): void {
  st.f[rd] = x | 0;
}

/** fcvt.d.wu: exact. */
export function uintToDouble(st: FloatState, rd: number, x: number): void {
  st.f[rd] = x >>> 0;
}

/** fcvt.s.d: f rd = f rs1 rounded to single; a NaN becomes the canonical NaN (NV if signalling). */
export function doubleToSingle(st: FloatState, rd: number, rs1: number, rm: RoundingMode): void {
  const hi = st.fInts[2 * rs1 + 1];
  const lo = st.fInts[2 * rs1];
  if (isNaN64(hi, lo)) {
    if (isSignalingNaN64(hi, lo)) st.fcsr |= FFlag.NV;
    return setSingleNaN(st, rd);
  }
  singleFrom(st, rd, st.f[rs1], rm);
}

/** fcvt.d.s: f rd = f rs1 widened (exact); a NaN becomes the canonical NaN (NV if signalling). */
export function singleToDouble(st: FloatState, rd: number, rs1: number): void {
  const bits = singleBits(st, rs1);
  if (isNaN32(bits)) {
    if (isSignalingNaN32(bits)) st.fcsr |= FFlag.NV;
    return setDoubleNaN(st, rd);
  }
  st.f[rd] = st.fSingles[2 * rs1];
}
