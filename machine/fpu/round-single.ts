// Rounding to binary32 in any mode, from a binary64 that is within half a binary64 ulp of the
// exact result. Every binary32 value and every midpoint between two of them is a binary64 value,
// so knowing d = RN64(x) and the sign of x - d decides every comparison between the exact x and
// those points: x > m exactly when d > m, or d = m and x - d > 0 (RN64 is monotonic). That is all
// correct rounding needs, in any mode, including the double-rounding trap where d lands exactly
// on a binary32 midpoint. Binary32 operations compute d and that sign cheaply in binary64
// (arith-single.ts); this file turns them into the result and its flags.

import { FFlag, RoundingMode } from '../../abi/float.js';
import { MAX_SINGLE, MIN_NORMAL_SINGLE, nextDownSingle, nextUpSingle, singleBitsOf, TWO_128 } from './bits.js';
import { FloatState } from './float-state.js';

/** 2^64: scales a result near the subnormal range into the normal range to test tininess. */
const TWO_64 = 2 ** 64;
const TINY_SCALED = 2 ** -62;
const HALF_MIN_NORMAL = 2 ** -127;

/** Is the exact x = d + ε (sign(ε) = sign(e)) at least 2^128 in magnitude? */
function beyondRange(d: number, e: number): boolean {
  const ad = Math.abs(d);
  return ad > TWO_128 || (ad === TWO_128 && (e === 0 || e > 0 === d > 0));
}

/** The result of an overflow in each mode (IEEE 754-2008 7.4). */
function overflowSingle(positive: boolean, rm: RoundingMode): number {
  switch (rm) {
    case RoundingMode.RTZ:
      return positive ? MAX_SINGLE : -MAX_SINGLE;
    case RoundingMode.RDN:
      return positive ? MAX_SINGLE : -Infinity;
    case RoundingMode.RUP:
      return positive ? Infinity : -MAX_SINGLE;
    default:
      return positive ? Infinity : -Infinity;
  }
}

/**
 * The binary32 value (as a number; ±Infinity on overflow) that rounds the exact result x in mode
 * `rm`, given d = RN64(x) and `e`, any number with the sign of x - d (0 when x = d). Requires d
 * finite, and d = 0 only when x = 0. `rm` is one of RNE..RMM.
 */
export function roundSingle(d: number, e: number, rm: RoundingMode): number {
  const r = Math.fround(d);
  if (r === d && e === 0) return r;
  if (beyondRange(d, e)) return overflowSingle(d > 0, rm);
  // Bracket x strictly between adjacent binary32 values lo < x < hi; 2^128 stands for infinity.
  const near = r === Infinity ? TWO_128 : r === -Infinity ? -TWO_128 : r;
  let lo: number;
  let hi: number;
  if (d > near || (d === near && e > 0)) {
    lo = near;
    hi = nextUpSingle(near);
  } else {
    hi = near;
    lo = nextDownSingle(near);
  }
  let result: number;
  switch (rm) {
    case RoundingMode.RDN:
      result = lo;
      break;
    case RoundingMode.RUP:
      result = hi;
      break;
    case RoundingMode.RTZ:
      result = d > 0 ? lo : hi;
      break;
    default: {
      const mid = (lo + hi) / 2; // 25 significant bits: exact in binary64
      const side = d < mid ? -1 : d > mid ? 1 : e < 0 ? -1 : e > 0 ? 1 : 0;
      if (side < 0) result = lo;
      else if (side > 0) result = hi;
      else if (rm === RoundingMode.RMM) result = d > 0 ? hi : lo;
      else result = (singleBitsOf(lo) & 1) === 0 ? lo : hi;
    }
  }
  return result === TWO_128 ? Infinity : result === -TWO_128 ? -Infinity : result;
}

/**
 * The flags of rounding x (given as in roundSingle) to `result` = roundSingle(d, e, rm): NX when
 * result differs from x; OF when x rounded with an unbounded exponent exceeds MAX_SINGLE; UF when
 * inexact and tiny after rounding (x rounded to 24 bits with an unbounded exponent is below
 * 2^-126), as RISC-V specifies.
 */
export function singleFlags(d: number, e: number, result: number, rm: RoundingMode): number {
  if (result === d && e === 0) return 0;
  const magnitude = Math.abs(result);
  if (magnitude === Infinity || beyondRange(d, e)) return FFlag.OF | FFlag.NX;
  if (magnitude > MIN_NORMAL_SINGLE) return FFlag.NX;
  // Scaled by 2^64 the same x rounds with 24 bits of precision (binary32 is normal there).
  const tiny = Math.abs(d) < HALF_MIN_NORMAL || Math.abs(roundSingle(d * TWO_64, e, rm)) < TINY_SCALED;
  return tiny ? FFlag.UF | FFlag.NX : FFlag.NX;
}

/**
 * Directed rounding in place, for the fast paths: f rd holds r = RN32 of an inexact x, a normal
 * binary32 above the smallest normal (so no step makes it tiny), and `above` says x > r. Steps the
 * encoding (adding 1 to the word moves away from zero whatever the sign) as RTZ, RDN or RUP
 * require, and accrues NX, and OF when the step reaches infinity. rm is RTZ, RDN or RUP.
 */
export function stepSingle(st: FloatState, rd: number, above: boolean, rm: RoundingMode): void {
  const w = st.fInts;
  let bits = w[2 * rd];
  const positive = bits >= 0;
  if (rm === RoundingMode.RTZ) {
    if (above !== positive) bits--;
  } else if (rm === RoundingMode.RDN) {
    if (!above) bits += positive ? -1 : 1;
  } else if (above) {
    bits += positive ? 1 : -1;
  }
  w[2 * rd] = bits;
  st.fcsr |= (bits & 0x7fffffff) === 0x7f800000 ? FFlag.OF | FFlag.NX : FFlag.NX;
}
