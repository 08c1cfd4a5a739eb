// Operands for the FPU tests: the edge sets every operation is tried on in every rounding mode,
// seeded random operands shaped to reach the hard cases (cancellation, ties, subnormal results,
// overflow), and the glue that loads bit patterns into a FloatRegisters and reads results back.
// FPU_LONG=<n> multiplies the random case counts (the quick default keeps `npm test` fast), and
// FPU_SEED=<n> draws other random operands (a long run: FPU_LONG=40 FPU_SEED=7 npx vitest run test/machine/fpu).

import { FloatRegisters, setDoubleBits, setSingleBits } from '../../../machine/fpu/float-state.js';
import { prng } from '../support.js';
import { DOUBLE, Format, MODE_NAMES, Result, SINGLE } from './reference.js';

export const LONG = Math.max(1, Number(process.env.FPU_LONG ?? 1) || 1);
const SEED_OFFSET = Number(process.env.FPU_SEED ?? 0) | 0;

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** Bits of a JS number as binary64. */
export const d = (x: number): bigint => ((F64[0] = x), U64[0]);
/** Bits of a JS number rounded to binary32. */
export const s = (x: number): bigint => ((F32[0] = x), BigInt(U32[0]));

export const SINGLE_EDGES: readonly bigint[] = [
  0x00000000n, 0x80000000n, // ±0
  0x00000001n, 0x80000001n, 0x00000002n, 0x007fffffn, 0x807fffffn, 0x00400000n, // subnormals
  0x00800000n, 0x80800000n, 0x00800001n, 0x01000000n, // smallest normals
  0x7f7fffffn, 0xff7fffffn, 0x7f7ffffen, 0x7f000000n, // largest
  0x3f800000n, 0xbf800000n, 0x3f800001n, 0x3fffffffn, 0x3f000000n, 0xbf000000n, 0x3fc00000n,
  0x40200000n, 0xc0200000n, 0x3effffffn, 0xbeffffffn, 0x40400000n, 0x3eaaaaabn,
  0x34000000n, 0x33800000n, 0xb3800000n, 0x33800001n, // 2^-23, 2^-24: ties against 1
  0x4b800000n, 0x4b7fffffn, 0x4f000000n, 0xcf000000n, 0xcf000001n, 0x4effffffn, 0x4f800000n, 0x4f7fffffn, // integer limits
  0x7f800000n, 0xff800000n, // ±inf
  0x7fc00000n, 0xffc12345n, 0x7f800001n, 0x7fa00000n, 0xff812345n, // quiet and signalling NaNs
];

export const DOUBLE_EDGES: readonly bigint[] = [
  d(0), d(-0),
  1n, 0x8000000000000001n, 2n, 0x000fffffffffffffn, 0x800fffffffffffffn, 0x0008000000000000n,
  0x0010000000000000n, 0x8010000000000000n, 0x0010000000000001n, 0x0020000000000000n,
  0x7fefffffffffffffn, 0xffefffffffffffffn, 0x7feffffffffffffen, 0x7fe0000000000000n,
  d(1), d(-1), 0x3ff0000000000001n, 0x3fffffffffffffffn, d(0.5), d(-0.5), d(1.5), d(2.5), d(-2.5),
  0x3fdfffffffffffffn, 0xbfdfffffffffffffn, d(3), d(1 / 3),
  d(2 ** -52), d(2 ** -53), d(-(2 ** -53)), 0x3ca0000000000001n,
  d(2 ** 53), 0x433fffffffffffffn,
  d(2 ** 31), d(-(2 ** 31)), d(-(2 ** 31) - 1), d(2 ** 31 - 1), d(2 ** 31 - 0.5), d(-(2 ** 31) - 0.5),
  d(2 ** 32), d(2 ** 32 - 1), d(2 ** 32 - 0.5), d(-0.9),
  d(Infinity), d(-Infinity),
  0x7ff8000000000000n, 0xfff8000000012345n, 0x7ff0000000000001n, 0x7ff4000000000000n, 0xfff0000012345678n,
];

/** Binary32 boundaries seen from binary64, added to the double edges for fcvt.s.d. */
export const SINGLE_RANGE_DOUBLES: readonly bigint[] = [
  d(2 ** -149), d(-(2 ** -149)), d(1.5 * 2 ** -149), d(2 ** -150), d(-(2 ** -150)), d(2 ** -150 + 2 ** -180),
  d(3.4028234663852886e38), d(3.4028235677973366e38), d(-3.4028235677973366e38), d(3.4028235677973362e38),
  d(2 ** 128), d(1 + 2 ** -24), d(-(1 + 2 ** -24)), 0x3ff0000010000001n, d(1 + 3 * 2 ** -24),
  d(2 ** -126 - 2 ** -150), d(2 ** -126 - 2 ** -151), d(2 ** -126 - 2 ** -149), d(2 ** -126),
];

export const EDGES = (f: Format): readonly bigint[] => (f === SINGLE ? SINGLE_EDGES : DOUBLE_EDGES);

/** A few edges per class, for the triple products of the fused multiply-adds. */
export function fmaEdges(f: Format): readonly bigint[] {
  return f === SINGLE
    ? [0n, 0x80000000n, 1n, 0x807fffffn, 0x00800000n, 0x7f7fffffn, 0x3f800000n, 0xbf800000n, 0x3f800001n, 0x33800000n,
        0x3eaaaaabn, 0x7f800000n, 0xff800000n, 0x7fc00000n, 0x7f800001n]
    : [d(0), d(-0), 1n, 0x800fffffffffffffn, 0x0010000000000000n, 0x7fefffffffffffffn, d(1), d(-1), 0x3ff0000000000001n,
        d(2 ** -53), d(1 / 3), d(Infinity), d(-Infinity), 0x7ff8000000000000n, 0x7ff0000000000001n];
}

/** A seeded source of random bit patterns shaped for floating point. */
export class Operands {
  private readonly next: () => number;

  constructor(
    readonly format: Format,
    seed: number,
  ) {
    this.next = prng(seed + SEED_OFFSET * 0x9e3779b9);
  }

  /** A uniform integer in [0, n). */
  below(n: number): number {
    return (this.next() >>> 0) % n;
  }

  private randomBits(width: number): bigint {
    let v = 0n;
    for (let i = 0; i < width; i += 32) v = (v << 32n) | BigInt(this.next() >>> 0);
    return v & ((1n << BigInt(width)) - 1n);
  }

  /** Bits with sign and exponent field given and a random fraction (sometimes with few bits set). */
  withExponent(negative: boolean, exponent: number): bigint {
    const f = this.format;
    const fb = BigInt(f.precision - 1);
    let fraction = this.randomBits(f.precision - 1);
    if (this.below(4) === 0) fraction &= ~((1n << BigInt(this.below(f.precision - 1))) - 1n); // trailing zeros
    if (this.below(8) === 0) fraction |= (1n << BigInt(this.below(f.precision - 1))) - 1n; // trailing ones
    return (negative ? 1n << BigInt(f.width - 1) : 0n) | (BigInt(exponent) << fb) | fraction;
  }

  /** One operand: random bits, a normal near 1, near the extremes, subnormal, or an edge value. */
  operand(): bigint {
    const f = this.format;
    const bias = f.emax;
    const maxField = 2 * f.emax;
    const negative = this.below(2) === 0;
    switch (this.below(8)) {
      case 0:
        return this.randomBits(f.width);
      case 1:
      case 2:
        return this.withExponent(negative, bias - 8 + this.below(17));
      case 3:
        return this.withExponent(negative, this.below(f.precision + 3)); // subnormal and just above
      case 4:
        return this.withExponent(negative, maxField - this.below(f.precision + 3));
      case 5:
        return EDGES(f)[this.below(EDGES(f).length)];
      default:
        return this.withExponent(negative, 1 + this.below(maxField));
    }
  }

  /** A second operand related to `a`: close in magnitude (cancellation), or far below it (ties, sticky bits). */
  partner(a: bigint): bigint {
    const f = this.format;
    const fb = BigInt(f.precision - 1);
    const exponent = Number((a >> fb) & ((1n << BigInt(f.width - f.precision)) - 1n));
    const sign = this.below(2) === 0;
    switch (this.below(4)) {
      case 0: {
        const tweak = BigInt(this.below(5)) - 2n;
        const flipped = (a ^ (1n << BigInt(f.width - 1))) + tweak;
        return flipped & ((1n << BigInt(f.width)) - 1n);
      }
      case 1: {
        const e = exponent - f.precision - 2 + this.below(5);
        return e >= 0 && e <= 2 * f.emax ? this.withExponent(sign, e) : this.operand();
      }
      case 2: {
        const e = exponent - this.below(f.precision + 8);
        return e >= 0 ? this.withExponent(sign, e) : this.operand();
      }
      default:
        return this.operand();
    }
  }
}

/** Loads bits into f n: a single NaN-boxed, a double as its two words. */
export function load(st: FloatRegisters, f: Format, n: number, bits: bigint): void {
  if (f === SINGLE) setSingleBits(st, n, Number(bits & 0xffffffffn) | 0);
  else setDoubleBits(st, n, Number(bits >> 32n) | 0, Number(bits & 0xffffffffn) | 0);
}

/** Reads f n back as bits; a single result must be NaN-boxed. */
export function read(st: FloatRegisters, f: Format, n: number): bigint | string {
  if (f === SINGLE) {
    if (st.fInts[2 * n + 1] !== -1) return `not NaN-boxed (high word 0x${(st.fInts[2 * n + 1] >>> 0).toString(16)})`;
    return BigInt(st.fInts[2 * n] >>> 0);
  }
  return (BigInt(st.fInts[2 * n + 1] >>> 0) << 32n) | BigInt(st.fInts[2 * n] >>> 0);
}

export const hexBits = (f: Format, b: bigint): string => `0x${b.toString(16).padStart(f.width / 4, '0')}`;

const FLAG_NAMES = ['NX', 'UF', 'OF', 'DZ', 'NV'];
export const flagNames = (flags: number): string => FLAG_NAMES.filter((_, i) => flags & (1 << i)).join('|') || '-';

/** One failure line: call, actual and expected. */
export function describe(f: Format, call: string, rm: number, actual: bigint | string, actualFlags: number, expected: Result): string {
  const got = typeof actual === 'string' ? actual : hexBits(f, actual);
  return `${call} ${MODE_NAMES[rm] ?? rm}: got ${got} ${flagNames(actualFlags)}, expected ${hexBits(f, expected.bits)} ${flagNames(expected.flags)}`;
}

export const FORMATS: readonly Format[] = [SINGLE, DOUBLE];
