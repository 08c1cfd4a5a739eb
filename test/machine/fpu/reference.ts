// An exact reference for the F and D operations, written from IEEE 754-2008 and the RISC-V
// Unprivileged ISA (ch. 11, 12) without the machine's code: operands decoded to exact rationals
// (BigInt), the exact result computed, then rounded to the format by integer division, with
// overflow and tininess (after rounding) judged against explicit thresholds. Slow and plain on
// purpose: values are bit patterns as bigint (binary32 in 32 bits, binary64 in 64).

export interface Format {
  readonly name: 'single' | 'double';
  readonly width: number;
  readonly precision: number;
  readonly emin: number;
  readonly emax: number;
}

export const SINGLE: Format = { name: 'single', width: 32, precision: 24, emin: -126, emax: 127 };
export const DOUBLE: Format = { name: 'double', width: 64, precision: 53, emin: -1022, emax: 1023 };

export const RNE = 0;
export const RTZ = 1;
export const RDN = 2;
export const RUP = 3;
export const RMM = 4;
export const MODES = [RNE, RTZ, RDN, RUP, RMM] as const;
export const MODE_NAMES = ['rne', 'rtz', 'rdn', 'rup', 'rmm'];

export const NX = 1;
export const UF = 2;
export const OF = 4;
export const DZ = 8;
export const NV = 16;

export interface Result {
  bits: bigint;
  flags: number;
}

/** An exact rational num/den with den > 0. */
interface Rational {
  num: bigint;
  den: bigint;
}

type Value =
  | { kind: 'nan'; signaling: boolean }
  | { kind: 'inf'; negative: boolean }
  | { kind: 'zero'; negative: boolean }
  | { kind: 'finite'; negative: boolean; magnitude: Rational };

const fractionBits = (f: Format): number => f.precision - 1;
const signBit = (f: Format): bigint => 1n << BigInt(f.width - 1);
const expMask = (f: Format): bigint => (1n << BigInt(f.width - f.precision)) - 1n;

export function canonicalNaN(f: Format): bigint {
  return f === SINGLE ? 0x7fc00000n : 0x7ff8000000000000n;
}

export function infinity(f: Format, negative: boolean): bigint {
  return (negative ? signBit(f) : 0n) | (expMask(f) << BigInt(fractionBits(f)));
}

function maxFinite(f: Format, negative: boolean): bigint {
  return infinity(f, negative) - 1n;
}

function zero(f: Format, negative: boolean): bigint {
  return negative ? signBit(f) : 0n;
}

function pow2(k: number): Rational {
  return k >= 0 ? { num: 1n << BigInt(k), den: 1n } : { num: 1n, den: 1n << BigInt(-k) };
}

function compare(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

function mul(a: Rational, b: Rational): Rational {
  return { num: a.num * b.num, den: a.den * b.den };
}

/** Signed rationals as (negative, magnitude) pairs are awkward; sums use signed numerators. */
function signedAdd(an: boolean, a: Rational, bn: boolean, b: Rational): { negative: boolean; magnitude: Rational } | null {
  const num = (an ? -a.num : a.num) * b.den + (bn ? -b.num : b.num) * a.den;
  if (num === 0n) return null;
  return { negative: num < 0n, magnitude: { num: num < 0n ? -num : num, den: a.den * b.den } };
}

const decoded = new Map<Format, Map<bigint, Value>>();

/** The value of an encoding (memoized: the tests decode the same edge operands many times). */
export function decode(f: Format, bits: bigint): Value {
  let memo = decoded.get(f);
  if (memo === undefined) decoded.set(f, (memo = new Map()));
  let v = memo.get(bits);
  if (v === undefined) {
    v = decodeBits(f, bits);
    if (memo.size < 100_000) memo.set(bits, v);
  }
  return v;
}

function decodeBits(f: Format, bits: bigint): Value {
  const negative = (bits & signBit(f)) !== 0n;
  const fb = BigInt(fractionBits(f));
  const exponent = (bits >> fb) & expMask(f);
  const fraction = bits & ((1n << fb) - 1n);
  if (exponent === expMask(f)) {
    if (fraction === 0n) return { kind: 'inf', negative };
    return { kind: 'nan', signaling: (fraction >> (fb - 1n)) === 0n };
  }
  if (exponent === 0n && fraction === 0n) return { kind: 'zero', negative };
  const significand = exponent === 0n ? fraction : fraction | (1n << fb);
  const scale = (exponent === 0n ? 1 : Number(exponent)) - f.emax - (f.precision - 1);
  return { kind: 'finite', negative, magnitude: mul({ num: significand, den: 1n }, pow2(scale)) };
}

/** The exact magnitude being rounded: a rational, or the square root of one. */
interface Exact {
  /** Is this magnitude below, at, or above r? */
  compareTo(r: Rational): number;
  /** floor(magnitude / 2^q). */
  floorScaled(q: number): bigint;
}

function exactRational(x: Rational): Exact {
  return {
    compareTo: (r) => compare(x, r),
    floorScaled: (q) => {
      const s = mul(x, pow2(-q));
      return s.num / s.den;
    },
  };
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let lo = 1n;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi + 1n) >> 1n;
    if (mid * mid <= n) lo = mid;
    else hi = mid - 1n;
  }
  return lo;
}

function exactSqrt(x: Rational): Exact {
  return {
    compareTo: (r) => compare(x, mul(r, r)),
    // floor(sqrt(y)) = isqrt(floor(y)) for real y >= 0.
    floorScaled: (q) => {
      const s = mul(x, pow2(-2 * q));
      return isqrt(s.num / s.den);
    },
  };
}

/** floor(log2 of the magnitude), by doubling search from a first guess. */
function log2Floor(x: Exact, guess: number): number {
  let e = guess;
  while (x.compareTo(pow2(e)) < 0) e--;
  while (x.compareTo(pow2(e + 1)) >= 0) e++;
  return e;
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

interface Thresholds {
  top: Rational;
  largest: Rational;
  halfway: Rational;
  minNormal: Rational;
  /** The p-bit value just below 2^emin, and the midpoint between it and 2^emin. */
  below: Rational;
  mid: Rational;
}

const thresholdCache = new Map<Format, Thresholds>();

function thresholds(f: Format): Thresholds {
  let t = thresholdCache.get(f);
  if (t === undefined) {
    const p = f.precision;
    t = {
      top: pow2(f.emax + 1),
      largest: mul({ num: (1n << BigInt(p)) - 1n, den: 1n }, pow2(f.emax - p + 1)),
      halfway: mul({ num: (1n << BigInt(p + 1)) - 1n, den: 1n }, pow2(f.emax - p)),
      minNormal: pow2(f.emin),
      below: mul({ num: (1n << BigInt(p)) - 1n, den: 1n }, pow2(f.emin - p)),
      mid: mul({ num: (1n << BigInt(p + 1)) - 1n, den: 1n }, pow2(f.emin - p - 1)),
    };
    thresholdCache.set(f, t);
  }
  return t;
}

/** Rounds a nonzero exact magnitude with a sign to format f in mode rm (IEEE 754-2008 4.3, 7.4, 7.5). */
function round(f: Format, negative: boolean, x: Exact, guess: number, rm: number): Result {
  const p = f.precision;
  const qmin = f.emin - p + 1;
  const e = log2Floor(x, guess);
  const q = Math.max(e - p + 1, qmin);
  let k = x.floorScaled(q);
  const kValue = mul({ num: k, den: 1n }, pow2(q));
  const exact = x.compareTo(kValue) === 0;
  const versusMid = x.compareTo(mul({ num: 2n * k + 1n, den: 1n }, pow2(q - 1)));
  const awayMode = (rm === RUP && !negative) || (rm === RDN && negative);
  if (!exact) {
    let up = false;
    if (rm === RNE) up = versusMid > 0 || (versusMid === 0 && (k & 1n) === 1n);
    else if (rm === RMM) up = versusMid >= 0;
    else up = awayMode;
    if (up) k++;
  }
  // Overflow: the result rounded as if the exponent range were unbounded exceeds the largest
  // finite value. Thresholds: M = the largest finite, H = M + half its ulp, T = 2^(emax+1).
  const { top, largest, halfway, minNormal, below, mid } = thresholds(f);
  const overflow =
    x.compareTo(top) >= 0 ||
    (awayMode && x.compareTo(largest) > 0) ||
    ((rm === RNE || rm === RMM) && x.compareTo(halfway) >= 0);
  if (overflow) {
    const toInfinity = rm === RNE || rm === RMM || awayMode;
    return { bits: toInfinity ? infinity(f, negative) : maxFinite(f, negative), flags: OF | NX };
  }
  // Tininess after rounding: rounded with unbounded exponent, below 2^emin. Just below 2^emin the
  // p-bit values are B = 2^emin - 2^(emin-p) and 2^emin, with midpoint m between them.
  let flags = exact ? 0 : NX;
  if (!exact && x.compareTo(minNormal) < 0) {
    let reachesMin = false;
    if (x.compareTo(below) > 0) {
      if (rm === RNE || rm === RMM) reachesMin = x.compareTo(mid) >= 0;
      else reachesMin = awayMode;
    }
    if (!reachesMin) flags |= UF;
  }
  if (k === 1n << BigInt(p)) {
    // A carry out of the significand: renormalize.
    k >>= 1n;
    return encodeFinite(f, negative, k, q + 1, flags);
  }
  return encodeFinite(f, negative, k, q, flags);
}

function encodeFinite(f: Format, negative: boolean, k: bigint, q: number, flags: number): Result {
  const qmin = f.emin - f.precision + 1;
  if (q > f.emax - f.precision + 1) throw new Error('reference: overflow missed');
  // k * 2^q with k < 2^p: biased exponent times 2^(p-1) plus k's low bits is ((q - qmin) << (p-1)) + k.
  const bits = (BigInt(q - qmin) << BigInt(fractionBits(f))) + k;
  return { bits: (negative ? signBit(f) : 0n) | bits, flags };
}

/** Rounds the signed exact rational (nonzero) to f. */
function roundRational(f: Format, negative: boolean, x: Rational, rm: number): Result {
  return round(f, negative, exactRational(x), bitLength(x.num) - bitLength(x.den), rm);
}

// ---------------------------------------------------------------------------------------------
// Operations. Operand bits are already NaN-box-checked by the caller (an improperly boxed single
// is passed as the canonical NaN).

function nanResult(f: Format, invalid: boolean, ...operands: Value[]): Result {
  const signaling = operands.some((v) => v.kind === 'nan' && v.signaling);
  return { bits: canonicalNaN(f), flags: invalid || signaling ? NV : 0 };
}

const isNaN = (v: Value): boolean => v.kind === 'nan';
const negativeOf = (v: Value): boolean => (v.kind === 'nan' ? false : v.negative);

/** The sign of an exact zero sum of two addends whose signs are given (IEEE 754-2008 6.3). */
function zeroSum(f: Format, bothZeroSameSign: boolean, sign: boolean, rm: number): Result {
  if (bothZeroSameSign) return { bits: zero(f, sign), flags: 0 };
  return { bits: zero(f, rm === RDN), flags: 0 };
}

function negate(v: Value): Value {
  return v.kind === 'nan' ? v : { ...v, negative: !v.negative };
}

export function add(f: Format, a: bigint, b: bigint, rm: number, subtract = false): Result {
  const x = decode(f, a);
  const y = subtract ? negate(decode(f, b)) : decode(f, b);
  if (isNaN(x) || isNaN(y)) return nanResult(f, false, x, y);
  if (x.kind === 'inf' && y.kind === 'inf') {
    return x.negative === y.negative ? { bits: infinity(f, x.negative), flags: 0 } : nanResult(f, true);
  }
  if (x.kind === 'inf' || y.kind === 'inf') return { bits: infinity(f, x.kind === 'inf' ? x.negative : negativeOf(y)), flags: 0 };
  return sumOf(f, x, y, rm);
}

/** x + y for finite or zero values. */
function sumOf(f: Format, x: Value, y: Value, rm: number): Result {
  if (x.kind === 'zero' && y.kind === 'zero') return zeroSum(f, x.negative === y.negative, x.negative, rm);
  const mx = x.kind === 'finite' ? x.magnitude : { num: 0n, den: 1n };
  const my = y.kind === 'finite' ? y.magnitude : { num: 0n, den: 1n };
  const s = signedAdd(negativeOf(x), mx, negativeOf(y), my);
  if (s === null) return zeroSum(f, false, false, rm);
  return roundRational(f, s.negative, s.magnitude, rm);
}

export function mulOp(f: Format, a: bigint, b: bigint, rm: number): Result {
  const x = decode(f, a);
  const y = decode(f, b);
  if (isNaN(x) || isNaN(y)) return nanResult(f, false, x, y);
  const negative = negativeOf(x) !== negativeOf(y);
  if ((x.kind === 'inf' && y.kind === 'zero') || (x.kind === 'zero' && y.kind === 'inf')) return nanResult(f, true);
  if (x.kind === 'inf' || y.kind === 'inf') return { bits: infinity(f, negative), flags: 0 };
  if (x.kind === 'zero' || y.kind === 'zero') return { bits: zero(f, negative), flags: 0 };
  if (x.kind !== 'finite' || y.kind !== 'finite') throw new Error('unreachable');
  return roundRational(f, negative, mul(x.magnitude, y.magnitude), rm);
}

export function div(f: Format, a: bigint, b: bigint, rm: number): Result {
  const x = decode(f, a);
  const y = decode(f, b);
  if (isNaN(x) || isNaN(y)) return nanResult(f, false, x, y);
  const negative = negativeOf(x) !== negativeOf(y);
  if ((x.kind === 'inf' && y.kind === 'inf') || (x.kind === 'zero' && y.kind === 'zero')) return nanResult(f, true);
  if (x.kind === 'inf') return { bits: infinity(f, negative), flags: 0 };
  if (y.kind === 'inf' || x.kind === 'zero') return { bits: zero(f, negative), flags: 0 };
  if (y.kind === 'zero') return { bits: infinity(f, negative), flags: DZ };
  if (x.kind !== 'finite' || y.kind !== 'finite') throw new Error('unreachable');
  const q = mul(x.magnitude, { num: y.magnitude.den, den: y.magnitude.num });
  return roundRational(f, negative, q, rm);
}

export function sqrt(f: Format, a: bigint, rm: number): Result {
  const x = decode(f, a);
  if (isNaN(x)) return nanResult(f, false, x);
  if (x.kind === 'zero') return { bits: a, flags: 0 };
  if (x.negative) return nanResult(f, true);
  if (x.kind === 'inf') return { bits: a, flags: 0 };
  const m = x.magnitude;
  return round(f, false, exactSqrt(m), (bitLength(m.num) - bitLength(m.den)) >> 1, rm);
}

/** fmadd (a*b + c), fmsub (a*b - c), fnmsub (-(a*b) + c), fnmadd (-(a*b) - c), one rounding. */
export function fma(f: Format, a: bigint, b: bigint, c: bigint, rm: number, negateProduct: boolean, negateAddend: boolean): Result {
  const x = decode(f, a);
  const y = decode(f, b);
  const z0 = decode(f, c);
  const z = negateAddend ? negate(z0) : z0;
  // RISC-V: inf * 0 raises NV even when the addend is a quiet NaN.
  if ((x.kind === 'inf' && y.kind === 'zero') || (x.kind === 'zero' && y.kind === 'inf')) return nanResult(f, true, z);
  if (isNaN(x) || isNaN(y) || isNaN(z)) return nanResult(f, false, x, y, z);
  const productNegative = (negativeOf(x) !== negativeOf(y)) !== negateProduct;
  if (x.kind === 'inf' || y.kind === 'inf') {
    if (z.kind === 'inf' && z.negative !== productNegative) return nanResult(f, true);
    return { bits: infinity(f, productNegative), flags: 0 };
  }
  if (z.kind === 'inf') return { bits: infinity(f, z.negative), flags: 0 };
  const product: Value =
    x.kind === 'zero' || y.kind === 'zero'
      ? { kind: 'zero', negative: productNegative }
      : x.kind === 'finite' && y.kind === 'finite'
        ? { kind: 'finite', negative: productNegative, magnitude: mul(x.magnitude, y.magnitude) }
        : (() => {
            throw new Error('unreachable');
          })();
  return sumOf(f, product, z, rm);
}

/** fmin/fmax (RISC-V 2019: minimumNumber/maximumNumber, -0 < +0). */
export function minMax(f: Format, a: bigint, b: bigint, max: boolean): Result {
  const x = decode(f, a);
  const y = decode(f, b);
  const flags = (x.kind === 'nan' && x.signaling) || (y.kind === 'nan' && y.signaling) ? NV : 0;
  if (isNaN(x) && isNaN(y)) return { bits: canonicalNaN(f), flags };
  if (isNaN(x)) return { bits: b, flags };
  if (isNaN(y)) return { bits: a, flags };
  const order = totalOrder(x, y);
  const pickA = max ? order >= 0 : order <= 0;
  return { bits: pickA ? a : b, flags };
}

/** Order of two non-NaN values with -0 below +0. */
function totalOrder(x: Value, y: Value): number {
  const key = (v: Value): Rational & { neg: boolean; inf: boolean; z: boolean } => ({
    num: v.kind === 'finite' ? v.magnitude.num : 0n,
    den: v.kind === 'finite' ? v.magnitude.den : 1n,
    neg: negativeOf(v),
    inf: v.kind === 'inf',
    z: v.kind === 'zero',
  });
  const a = key(x);
  const b = key(y);
  if (a.neg !== b.neg) return a.neg ? -1 : 1;
  const sign = a.neg ? -1 : 1;
  if (a.inf || b.inf) return a.inf && b.inf ? 0 : a.inf ? sign : -sign;
  return sign * compare(a, b);
}

/** feq (quiet), flt and fle (signalling): 1 or 0 and flags. */
export function compareOp(f: Format, a: bigint, b: bigint, op: 'eq' | 'lt' | 'le'): { value: number; flags: number } {
  const x = decode(f, a);
  const y = decode(f, b);
  if (isNaN(x) || isNaN(y)) {
    const signaling = (x.kind === 'nan' && x.signaling) || (y.kind === 'nan' && y.signaling);
    return { value: 0, flags: op !== 'eq' || signaling ? NV : 0 };
  }
  // Numeric order: +0 and -0 are equal.
  const numeric = x.kind === 'zero' && y.kind === 'zero' ? 0 : totalOrder(x, y);
  const value = op === 'eq' ? numeric === 0 : op === 'lt' ? numeric < 0 : numeric <= 0;
  return { value: value ? 1 : 0, flags: 0 };
}

export function classify(f: Format, a: bigint): number {
  const x = decode(f, a);
  if (x.kind === 'nan') return x.signaling ? 1 << 8 : 1 << 9;
  if (x.kind === 'inf') return x.negative ? 1 << 0 : 1 << 7;
  if (x.kind === 'zero') return x.negative ? 1 << 3 : 1 << 4;
  const subnormal = compare(x.magnitude, pow2(f.emin)) < 0;
  if (x.negative) return subnormal ? 1 << 2 : 1 << 1;
  return subnormal ? 1 << 5 : 1 << 6;
}

/** fcvt.w / fcvt.wu: the integer (as a JS number in range) and flags. */
export function toInteger(f: Format, a: bigint, rm: number, unsigned: boolean): { value: number; flags: number } {
  const lo = unsigned ? 0n : -(1n << 31n);
  const hi = unsigned ? (1n << 32n) - 1n : (1n << 31n) - 1n;
  const x = decode(f, a);
  if (x.kind === 'nan') return { value: Number(hi), flags: NV };
  if (x.kind === 'inf') return { value: Number(x.negative ? lo : hi), flags: NV };
  if (x.kind === 'zero') return { value: 0, flags: 0 };
  const m = x.magnitude;
  let k = m.num / m.den; // floor of the magnitude
  const rest = m.num - k * m.den; // magnitude - k, times den
  const exact = rest === 0n;
  const twice = 2n * rest;
  let up = false;
  if (!exact) {
    if (rm === RNE) up = twice > m.den || (twice === m.den && (k & 1n) === 1n);
    else if (rm === RMM) up = twice >= m.den;
    else if (rm === RTZ) up = false;
    else up = rm === RDN ? x.negative : !x.negative;
  }
  if (up) k++;
  const v = x.negative ? -k : k;
  if (v < lo || v > hi) return { value: Number(v < lo ? lo : hi), flags: NV };
  return { value: Number(v), flags: exact ? 0 : NX };
}

/** fcvt.s.w[u] / fcvt.d.w[u]: integer v (as bigint) to the format. */
export function fromInteger(f: Format, v: bigint, rm: number): Result {
  if (v === 0n) return { bits: 0n, flags: 0 };
  return roundRational(f, v < 0n, { num: v < 0n ? -v : v, den: 1n }, rm);
}

/** fcvt.s.d (to SINGLE) and fcvt.d.s (to DOUBLE): NaNs become canonical, NV when signalling. */
export function convertFormat(from: Format, to: Format, a: bigint, rm: number): Result {
  const x = decode(from, a);
  if (x.kind === 'nan') return nanResult(to, false, x);
  if (x.kind === 'inf') return { bits: infinity(to, x.negative), flags: 0 };
  if (x.kind === 'zero') return { bits: zero(to, x.negative), flags: 0 };
  return roundRational(to, x.negative, x.magnitude, rm);
}

/** fsgnj (0), fsgnjn (1), fsgnjx (2): bits of a with a sign from b. */
export function signInject(f: Format, a: bigint, b: bigint, kind: number): bigint {
  const s = signBit(f);
  const sign = kind === 0 ? b & s : kind === 1 ? ~b & s : (a ^ b) & s;
  return (a & ~s & ((1n << BigInt(f.width)) - 1n)) | sign;
}
