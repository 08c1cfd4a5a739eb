// The exact slow path: binary64 results the fast paths cannot prove correct (overflow, results near
// or in the subnormal range, operands outside the range where error-free transformations are exact,
// and fused multiply-adds whose exact value lies too close to a rounding boundary). Values are
// integers times powers of two, held in BigInt, so every case is exact; this costs microseconds,
// and real programs reach it rarely.

import { FFlag, RoundingMode } from '../../abi/float.js';

/** Collects accrued flags in bits 4:0 of fcsr (every FloatState is one). */
export interface FlagSink {
  fcsr: number;
}

/** A binary interchange format: significand bits (with the hidden one) and exponent range. */
export interface BinaryFormat {
  readonly precision: number;
  readonly emin: number;
  readonly emax: number;
}

export const BINARY64: BinaryFormat = { precision: 53, emin: -1022, emax: 1023 };

/** A finite value as (-1)^negative * significand * 2^exponent (significand a non-negative integer). */
export interface ExactValue {
  negative: boolean;
  significand: bigint;
  exponent: number;
}

/** Decodes a finite binary64 (not NaN or infinity) into an exact value. */
export function exactOfDouble(value: number): ExactValue {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return biased === 0
    ? { negative: hi >>> 31 === 1, significand: fraction, exponent: -1074 }
    : { negative: hi >>> 31 === 1, significand: fraction | (1n << 52n), exponent: biased - 1075 };
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** 2^k as a number, exact for -1074 <= k <= 1023. */
function pow2(k: number): number {
  return k < -1000 ? 2 ** (k + 100) * 2 ** -100 : 2 ** k;
}

/**
 * Rounds significand * 2^exponent (with `sticky`, the true value is a little larger, by less than
 * 2^exponent) to a multiple of 2^quantum in mode `rm`, for a value of sign `negative`. Returns the
 * count of quanta and whether rounding was inexact.
 */
function roundToQuantum(
  significand: bigint,
  exponent: number,
  sticky: boolean,
  quantum: number,
  negative: boolean,
  rm: RoundingMode,
): { count: bigint; inexact: boolean } {
  let shift = quantum - exponent;
  if (shift < 2) {
    // Make room for a rounding bit and a sticky bit below the quantum.
    significand <<= BigInt(2 - shift);
    shift = 2;
  }
  const count = significand >> BigInt(shift);
  const rest = significand - (count << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  const inexact = rest !== 0n || sticky;
  if (!inexact) return { count, inexact };
  const above = rest > half || (rest === half && sticky);
  const tie = rest === half && !sticky;
  let up: boolean;
  switch (rm) {
    case RoundingMode.RNE:
      up = above || (tie && (count & 1n) === 1n);
      break;
    case RoundingMode.RMM:
      up = above || tie;
      break;
    case RoundingMode.RTZ:
      up = false;
      break;
    case RoundingMode.RDN:
      up = negative;
      break;
    default:
      up = !negative;
  }
  return { count: up ? count + 1n : count, inexact };
}

/**
 * The value of format `fmt` nearest the nonzero exact value in mode `rm` (IEEE 754-2008 4.3),
 * accruing NX, OF and UF (tininess after rounding) into `sink`. Returns ±Infinity, or a number that
 * is exactly representable in `fmt`. A zero significand with `sticky` is not allowed; an exact zero
 * is the caller's (its sign depends on the operation).
 */
export function roundExact(sink: FlagSink, x: ExactValue, sticky: boolean, fmt: BinaryFormat, rm: RoundingMode): number {
  const { negative, significand, exponent } = x;
  const top = exponent + bitLength(significand) - 1; // 2^top <= |x| < 2^(top+1)
  const unboundedQuantum = top - (fmt.precision - 1);
  const quantum = Math.max(unboundedQuantum, fmt.emin - (fmt.precision - 1));
  const rounded = roundToQuantum(significand, exponent, sticky, quantum, negative, rm);
  let flags = rounded.inexact ? FFlag.NX : 0;
  // The unbounded-exponent rounding decides overflow and tininess.
  const unbounded =
    quantum === unboundedQuantum ? rounded : roundToQuantum(significand, exponent, sticky, unboundedQuantum, negative, rm);
  const unboundedTop = unboundedQuantum + bitLength(unbounded.count) - 1;
  let magnitude: number;
  if (unboundedTop > fmt.emax) {
    flags |= FFlag.OF | FFlag.NX;
    const toInfinity =
      rm === RoundingMode.RNE ||
      rm === RoundingMode.RMM ||
      (rm === RoundingMode.RUP && !negative) ||
      (rm === RoundingMode.RDN && negative);
    const maxFinite = (2 - pow2(1 - fmt.precision)) * pow2(fmt.emax);
    magnitude = toInfinity ? Infinity : maxFinite;
  } else {
    if (unboundedTop < fmt.emin && rounded.inexact) flags |= FFlag.UF;
    magnitude = Number(rounded.count) * pow2(quantum);
  }
  sink.fcsr |= flags;
  return negative ? -magnitude : magnitude;
}

/** The exact sum x + y; null when it is exactly zero (the caller knows the sign of that zero). */
export function exactSum(x: ExactValue, y: ExactValue): ExactValue | null {
  const exponent = Math.min(x.exponent, y.exponent);
  const sx = (x.negative ? -x.significand : x.significand) << BigInt(x.exponent - exponent);
  const sy = (y.negative ? -y.significand : y.significand) << BigInt(y.exponent - exponent);
  const sum = sx + sy;
  if (sum === 0n) return null;
  return { negative: sum < 0n, significand: sum < 0n ? -sum : sum, exponent };
}

/** The exact product x * y. */
export function exactProduct(x: ExactValue, y: ExactValue): ExactValue {
  return { negative: x.negative !== y.negative, significand: x.significand * y.significand, exponent: x.exponent + y.exponent };
}

/** Enough quotient or root bits that rounding to 53 bits sees two bits beyond them and a sticky bit. */
const WORKING_BITS = 60;

/**
 * x / y (y nonzero) truncated to at least WORKING_BITS significant bits; the sticky flag says the
 * remainder was nonzero. Returns the truncated quotient and writes stickiness through the result.
 */
export function exactQuotient(x: ExactValue, y: ExactValue): { value: ExactValue; sticky: boolean } {
  const shift = Math.max(0, WORKING_BITS + bitLength(y.significand) - bitLength(x.significand));
  const numerator = x.significand << BigInt(shift);
  const q = numerator / y.significand;
  return {
    value: { negative: x.negative !== y.negative, significand: q, exponent: x.exponent - y.exponent - shift },
    sticky: q * y.significand !== numerator,
  };
}

/** The integer square root floor(sqrt(n)) of n >= 0 (Newton's method from above). */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((bitLength(n) >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** sqrt(x) of a positive x, truncated to at least WORKING_BITS bits, with its sticky flag. */
export function exactSquareRoot(x: ExactValue): { value: ExactValue; sticky: boolean } {
  let shift = Math.max(0, 2 * WORKING_BITS - bitLength(x.significand));
  if ((x.exponent - shift) % 2 !== 0) shift++;
  const radicand = x.significand << BigInt(shift);
  const root = isqrt(radicand);
  return {
    value: { negative: false, significand: root, exponent: (x.exponent - shift) / 2 },
    sticky: root * root !== radicand,
  };
}
