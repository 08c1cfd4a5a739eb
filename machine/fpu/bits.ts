// Bit-level facts about binary32 and binary64 values, and stepping to the adjacent value.
// Values move as JS numbers; a NaN's bits are never read from a number (the host may change them),
// only from raw words, which is why the NaN tests here take bits.

/** Scratch views for reinterpreting one value; used only by the functions of this file. */
const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);
const F32 = new Float32Array(F64.buffer);

export const MAX_SINGLE = 3.4028234663852886e38;
export const MIN_NORMAL_SINGLE = 2 ** -126;
const MIN_SUBNORMAL_SINGLE = 2 ** -149;
/** 2^128: one step above MAX_SINGLE, where binary32 infinity sits in the ordering of encodings. */
export const TWO_128 = 2 ** 128;

/** Is this binary32 encoding a NaN? */
export function isNaN32(bits: number): boolean {
  return (bits & 0x7fffffff) > 0x7f800000;
}

/** Is this binary32 encoding a signalling NaN (quiet bit 22 clear)? */
export function isSignalingNaN32(bits: number): boolean {
  return (bits & 0x7fffffff) > 0x7f800000 && (bits & 0x00400000) === 0;
}

/** Is the binary64 encoding hi:lo a NaN? */
export function isNaN64(hi: number, lo: number): boolean {
  const h = hi & 0x7fffffff;
  return h > 0x7ff00000 || (h === 0x7ff00000 && lo !== 0);
}

/** Is the binary64 encoding hi:lo a signalling NaN (quiet bit 51 clear)? */
export function isSignalingNaN64(hi: number, lo: number): boolean {
  return isNaN64(hi, lo) && (hi & 0x00080000) === 0;
}

/** The bits of a binary32 value given as a number (not NaN); ±2^128 encodes as ±infinity. */
export function singleBitsOf(value: number): number {
  if (value === TWO_128) return 0x7f800000;
  if (value === -TWO_128) return 0xff800000 | 0;
  F32[0] = value;
  return I32[0];
}

/** The binary32 value of an encoding that is not a NaN; infinity comes back as ±2^128. */
function singleOfBits(bits: number): number {
  if ((bits & 0x7fffffff) === 0x7f800000) return bits < 0 ? -TWO_128 : TWO_128;
  I32[0] = bits;
  return F32[0];
}

/**
 * The binary32 value after `value` towards +infinity (both zeros step to the least subnormal).
 * Infinity takes part as 2^128: nextUpSingle(MAX_SINGLE) is 2^128 and nextUpSingle(-2^128) is
 * -MAX_SINGLE. Requires value < 2^128.
 */
export function nextUpSingle(value: number): number {
  if (value === 0) return MIN_SUBNORMAL_SINGLE;
  const bits = singleBitsOf(value);
  return singleOfBits(value > 0 ? bits + 1 : bits - 1);
}

/** The binary32 value before `value` (towards -infinity), with the same conventions. */
export function nextDownSingle(value: number): number {
  if (value === 0) return -MIN_SUBNORMAL_SINGLE;
  const bits = singleBitsOf(value);
  return singleOfBits(value > 0 ? bits - 1 : bits + 1);
}

/**
 * The binary64 value one step away from zero (`away` true) or towards zero from a nonzero finite
 * `value`; away from MAX_DOUBLE is infinity.
 */
export function stepDouble(value: number, away: boolean): number {
  F64[0] = value;
  let lo = I32[0];
  let hi = I32[1];
  if (away) {
    lo = (lo + 1) | 0;
    if (lo === 0) hi++;
  } else {
    if (lo === 0) hi--;
    lo = (lo - 1) | 0;
  }
  I32[0] = lo;
  I32[1] = hi;
  return F64[0];
}
