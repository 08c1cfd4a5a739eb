// Exact references for the libm accuracy test: each function's value at a binary64/binary32 argument,
// computed with decimal.js at 60 significant digits (erf, erfc, lgamma and tgamma by series and continued
// fractions written here), and the rounding and ulp measures of that exact value.
import { Decimal } from 'decimal.js';

const P = 40;
export const Dec = Decimal.clone({ precision: P, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 });
type D = Decimal;
const D = (x: number | string | D): D => new Dec(x);
const HIGH = Dec.clone({ precision: 800 });
const PI_HIGH = HIGH.acos(-1);
const LN2 = Dec.ln(2);
const LN10 = Dec.ln(10);
const PI = Dec.acos(-1);
const SQRT_PI = PI.sqrt();

const pow2cache = new Map<number, D>();
/** 2^e exactly (for the ulp measure). */
export function pow2(e: number): D {
  let v = pow2cache.get(e);
  if (!v) {
    v = new HIGH(e >= 0 ? (1n << BigInt(e)).toString() : decimalOf(1n, -e));
    pow2cache.set(e, v);
  }
  return v;
}

/** The decimal spelling of m * 2^-k (exact: m 5^k / 10^k). */
function decimalOf(m: bigint, k: number): string {
  const digits = (m * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
  return `${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`;
}

/** The exact value of binary64 x, as a Decimal holding all its digits (decimal.js keeps a parsed string
 *  exactly; operations round to their clone's precision). */
export function exact(x: number): D {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const e = (dv.getUint32(0) >>> 20) & 0x7ff;
  const bits = (BigInt(dv.getUint32(0) & 0xfffff) << 32n) | BigInt(dv.getUint32(4));
  const m = e ? bits | (1n << 52n) : bits;
  const p = (e || 1) - 1075;
  const s = p >= 0 ? (m << BigInt(p)).toString() : decimalOf(m, -p);
  return new HIGH((x < 0 || Object.is(x, -0) ? '-' : '') + s);
}

/** A value: a Decimal, or a non-finite result (NaN, or an infinity for an exact pole/limit). */
export type Value = D | number;

// ---- erf, erfc ----
function erfSeries(x: D): D {
  // erf x = 2/sqrt(pi) sum (-1)^n x^(2n+1) / (n! (2n+1)), at extra precision for the cancellation
  const C = Dec.clone({ precision: P + 25 });
  const X = new C(x);
  const x2 = X.times(X);
  let term = X;
  let sum = X;
  for (let n = 1; n < 2000; n++) {
    term = term.times(x2).neg().div(n);
    const t = term.div(2 * n + 1);
    sum = sum.plus(t);
    if (t.abs().lt(sum.abs().times(`1e-${P + 5}`))) break;
  }
  return D(sum.times(2).div(SQRT_PI));
}
function erfcFraction(x: D): D {
  // erfc x = e^(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), by modified Lentz
  const tiny = D('1e-300');
  let f = x;
  let C = x;
  let Dn = D(0);
  for (let n = 1; n < 100000; n++) {
    const a = D(n).div(2);
    Dn = x.plus(a.times(Dn));
    if (Dn.isZero()) Dn = tiny;
    C = x.plus(a.div(C));
    if (C.isZero()) C = tiny;
    Dn = D(1).div(Dn);
    const delta = C.times(Dn);
    f = f.times(delta);
    if (delta.minus(1).abs().lt(`1e-${P + 2}`)) break;
  }
  return Dec.exp(x.times(x).neg()).div(SQRT_PI).div(f);
}
function erf(x: D): D {
  if (x.abs().lt(5)) return erfSeries(x);
  const c = erfcFraction(x.abs());
  return x.isNeg() ? c.minus(1) : D(1).minus(c);
}
function erfc(x: D): D {
  if (x.gte(5)) return erfcFraction(x);
  if (x.lte(-5)) return D(2).minus(erfcFraction(x.neg()));
  const C = Dec.clone({ precision: P + 15 });
  return D(new C(1).minus(erfSeries(x)));
}

// ---- gamma ----
function bernoulli(): D[] {
  // B_0..B_60 as exact rationals (B_m = -1/(m+1) sum_{k<m} C(m+1, k) B_k), returned as B_2k/(2k(2k-1))
  const n = 62;
  const num: bigint[] = [1n];
  const den: bigint[] = [1n];
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  for (let m = 1; m < n; m++) {
    let sn = 0n;
    let sd = 1n;
    let c = 1n; // C(m+1, k)
    for (let k = 0; k < m; k++) {
      sn = sn * den[k] + c * num[k] * sd;
      sd = sd * den[k];
      const g = gcd(sn, sd);
      sn /= g;
      sd /= g;
      c = (c * BigInt(m + 1 - k)) / BigInt(k + 1);
    }
    num.push(-sn);
    den.push(sd * BigInt(m + 1));
  }
  const out: D[] = [];
  for (let k = 1; 2 * k < n; k++) out.push(D(num[2 * k].toString()).div(D(den[2 * k].toString())).div(2 * k * (2 * k - 1)));
  return out;
}
const BERN = bernoulli();
function lgammaPositive(x: D): D {
  let shift = D(0);
  let y = x;
  let prod = D(1);
  while (y.lt(60)) {
    prod = prod.times(y);
    y = y.plus(1);
  }
  if (!prod.eq(1)) shift = Dec.ln(prod);
  let s = y.minus(0.5).times(Dec.ln(y)).minus(y).plus(Dec.ln(PI.times(2)).div(2));
  const w = D(1).div(y.times(y));
  let p = D(1).div(y);
  for (const c of BERN) {
    s = s.plus(c.times(p));
    p = p.times(w);
  }
  return s.minus(shift);
}
/** ln|gamma(x)| and the sign of gamma(x), x not a pole. */
function lgammaSigned(xh: D): [D, number] {
  if (xh.gt(0)) return [lgammaPositive(D(xh)), 1];
  // reflection: ln|gamma(x)| = ln pi - ln|sin(pi x)| - ln gamma(1 - x)
  const r = xh.minus(xh.div(2).round().times(2)); // x mod 2, exact
  const s = Dec.sin(D(r).times(PI)).abs();
  const sign = xh.floor().mod(2).isZero() ? 1 : -1;
  return [Dec.ln(PI).minus(Dec.ln(s)).minus(lgammaPositive(D(new HIGH(1).minus(xh)))), sign];
}

// ---- trig reduction: x = k pi/2 + r exactly enough, at 800 digits ----
function reduceHalfPi(xh: D): [D, number] {
  // enough digits for the integer part of x/(pi/2) plus the 60 the result needs, plus 20 for cancellation
  const digits = 80 + Math.max(0, xh.abs().e);
  const C = HIGH.clone({ precision: digits });
  const halfPi = new C(PI_HIGH).div(2);
  const X = new C(xh);
  const k = X.div(halfPi).round();
  const r = X.minus(k.times(halfPi));
  return [D(r), Number(k.mod(4).plus(4).mod(4).toString())];
}

const NAN = NaN;
/** The exact value of function `name` (a double or float name from accuracy.c) at args; NaN for a domain
 *  error, +-Infinity for an exact pole or limit. */
export function reference(name: string, args: number[]): Value {
  const base = name.endsWith('f') && !['erf'].includes(name) ? name.slice(0, -1) : name;
  const [a, b] = args;
  if (args.some((v) => Number.isNaN(v))) {
    if (base === 'pow' && (b === 0 || a === 1)) return D(1);
    if (base === 'hypot' && args.some((v) => Math.abs(v) === Infinity)) return Infinity;
    return NAN;
  }
  const fn = base;
  const inf = args.some((v) => !Number.isFinite(v));
  if (inf) return limit(fn, a, b);
  const x = exact(a);
  const X = D(x.toSignificantDigits(P + 10));
  const far = farValue(fn, a);
  if (far !== undefined) return far;
  switch (fn) {
    case 'sqrt': return x.isNeg() && !x.isZero() ? NAN : X.sqrt();
    case 'cbrt': return Dec.cbrt(X);
    case 'hypot': {
      const Y = D(exact(b).toSignificantDigits(P + 10));
      return X.times(X).plus(Y.times(Y)).sqrt();
    }
    case 'exp': return Dec.exp(X);
    case 'exp2': return x.isInt() ? pow2(Number(x.toString())) : Dec.exp(X.times(LN2)); // 2^n exactly: ties matter
    case 'expm1': return X.abs().lt('1e-5') ? series(X, (n, t) => t.times(X).div(n + 1)) : Dec.exp(X).minus(1);
    case 'log': return X.lte(0) ? (X.isZero() ? -Infinity : NAN) : Dec.ln(X);
    case 'log2': return X.lte(0) ? (X.isZero() ? -Infinity : NAN) : Dec.ln(X).div(LN2);
    case 'log10': return X.lte(0) ? (X.isZero() ? -Infinity : NAN) : Dec.ln(X).div(LN10);
    case 'log1p': {
      if (X.lte(-1)) return X.eq(-1) ? -Infinity : NAN;
      if (X.abs().lt('1e-5')) return series(X, (n, t) => t.times(X).neg().times(n).div(n + 1));
      return Dec.ln(D(new HIGH(1).plus(x)));
    }
    case 'pow': return pow(x, exact(b));
    case 'sin': case 'cos': case 'tan': {
      const [r, q] = reduceHalfPi(x);
      const s = Dec.sin(r), c = Dec.cos(r);
      const sin = [s, c, s.neg(), c.neg()][q], cos = [c, s.neg(), c.neg(), s][q];
      return fn === 'sin' ? sin : fn === 'cos' ? cos : sin.div(cos);
    }
    case 'asin': return X.abs().gt(1) ? NAN : Dec.asin(X);
    case 'acos': return X.abs().gt(1) ? NAN : Dec.acos(X);
    case 'atan': return Dec.atan(X);
    case 'atan2': return atan2(X, D(exact(b)), a, b);
    case 'sinh': return Dec.sinh(X);
    case 'cosh': return Dec.cosh(X);
    case 'tanh': return Dec.tanh(X);
    case 'asinh': return Dec.asinh(X);
    case 'acosh': return X.lt(1) ? NAN : Dec.acosh(X);
    case 'atanh': return X.abs().gt(1) ? NAN : X.abs().eq(1) ? (X.isNeg() ? -Infinity : Infinity) : Dec.atanh(X);
    case 'erf': return erf(X);
    case 'erfc': return erfc(X);
    case 'lgamma': {
      if (x.lte(0) && x.isInt()) return Infinity;
      if (x.eq(1) || x.eq(2)) return D(0);
      return lgammaSigned(x)[0];
    }
    case 'tgamma': {
      if (x.isZero()) return Object.is(a, -0) ? -Infinity : Infinity;
      if (x.lt(0) && x.isInt()) return NAN;
      if (x.gt(180)) return Infinity;
      if (x.lt(-200)) return D(0);
      const [l, sign] = lgammaSigned(x);
      const v = Dec.exp(l);
      return sign < 0 ? v.neg() : v;
    }
    case 'floor': return D(x.floor());
    case 'ceil': return D(x.ceil());
    case 'trunc': return D(x.trunc());
    case 'round': return D(x.abs().plus(0.5).floor().times(x.isNeg() ? -1 : 1));
    case 'rint': case 'nearbyint': return D(x.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN));
    case 'fmod': {
      const y = exact(b);
      if (y.isZero()) return NAN;
      return D(x.minus(x.div(y).trunc().times(y)));
    }
    case 'remainder': {
      const y = exact(b);
      if (y.isZero()) return NAN;
      const HX = HIGH.clone({ precision: 1200 });
      const q = new HX(x).div(new HX(y)).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
      return D(new HX(x).minus(q.times(new HX(y))));
    }
  }
  throw new Error(`no reference for ${name}`);
}

/** Results beyond the formats' range (overflow to inf, underflow to 0) or within 10^-40 of a limit: decimal.js
 *  would spend long on e^(10^300), and the rounded value is known. */
function farValue(fn: string, a: number): Value | undefined {
  const s = Math.sign(a) || 1;
  switch (fn) {
    case 'exp': return a > 710 ? Infinity : a < -746 ? D(0) : undefined;
    case 'exp2': return a > 1025 ? Infinity : a < -1076 ? D(0) : undefined;
    case 'expm1': return a > 710 ? Infinity : a < -100 ? D(-1) : undefined;
    case 'sinh': return Math.abs(a) > 711 ? s * Infinity : undefined;
    case 'cosh': return Math.abs(a) > 711 ? Infinity : undefined;
    case 'tanh': return Math.abs(a) > 100 ? D(s) : undefined;
    case 'erf': return Math.abs(a) > 12 ? D(s) : undefined;
    case 'erfc': return a > 30 ? D(0) : a < -12 ? D(2) : undefined;
  }
  return undefined;
}

function series(x: D, next: (n: number, t: D) => D): D {
  let t = x;
  let s = x;
  for (let n = 1; n < 60; n++) {
    t = next(n, t);
    s = s.plus(t);
    if (t.abs().lt(s.abs().times(`1e-${P + 5}`))) break;
  }
  return s;
}

function pow(x: D, y: D): Value {
  if (y.isZero() || x.eq(1)) return D(1);
  if (x.isZero()) {
    if (y.isNeg()) return y.isInt() && y.mod(2).abs().eq(1) && x.isNeg() ? -Infinity : Infinity;
    return D(0);
  }
  const odd = y.isInt() && y.mod(2).abs().eq(1);
  if (x.isNeg() && !y.isInt()) return NAN;
  const lg = Dec.ln(D(x.abs())).times(D(y));
  if (lg.gt(710)) return x.isNeg() && odd ? -Infinity : Infinity; /* beyond DBL_MAX */
  if (lg.lt(-746)) return D(0); /* below half the smallest subnormal: rounds to 0 */
  const v = Dec.exp(lg);
  return x.isNeg() && odd ? v.neg() : v;
}

function atan2(y: D, x: D, a: number, b: number): Value {
  // y = +-0: +-0 for x > 0 or x = +0, +-pi for x < 0 or x = -0 (C99 F.9.1.4)
  if (y.isZero()) return x.gt(0) || Object.is(b, 0) ? D(0) : Object.is(a, -0) ? PI.neg() : PI;
  return Dec.atan2(y, x);
}

/** Limits at infinite arguments (C99 Annex F). */
function limit(fn: string, a: number, b: number): Value {
  const s = (v: number): number => (Math.sign(v) || 1);
  switch (fn) {
    case 'sqrt': return a > 0 ? Infinity : NAN;
    case 'cbrt': case 'sinh': case 'asinh': return a;
    case 'hypot': return Infinity;
    case 'exp': case 'exp2': return a > 0 ? Infinity : D(0);
    case 'expm1': return a > 0 ? Infinity : D(-1);
    case 'log': case 'log2': case 'log10': case 'log1p': case 'acosh': return a > 0 ? Infinity : NAN;
    case 'sin': case 'cos': case 'tan': case 'asin': case 'acos': case 'atanh': return NAN;
    case 'atan': return PI.div(2).times(s(a));
    case 'cosh': return Infinity;
    case 'tanh': case 'erf': return D(s(a));
    case 'erfc': return D(a > 0 ? 0 : 2);
    case 'lgamma': return Infinity;
    case 'tgamma': return a > 0 ? Infinity : NAN;
    case 'floor': case 'ceil': case 'trunc': case 'round': case 'rint': case 'nearbyint': return a;
    case 'fmod': case 'remainder': return Number.isFinite(a) ? D(exact(a)) : NAN;
    case 'pow': {
      if (b === 0 || a === 1) return D(1);
      if (Math.abs(b) === Infinity) {
        if (Math.abs(a) === 1) return D(1);
        return (Math.abs(a) < 1) === (b < 0) ? Infinity : D(0);
      }
      // a = +-inf, b finite
      const odd = Number.isInteger(b) && Math.abs(b % 2) === 1;
      const mag = b < 0 ? 0 : Infinity;
      if (a < 0 && odd) return mag === 0 ? D(0) : -Infinity;
      return mag === 0 ? D(0) : Infinity;
    }
    case 'atan2': {
      const pi = PI;
      if (Math.abs(a) === Infinity && Math.abs(b) === Infinity) return pi.times(b > 0 ? 0.25 : 0.75).times(s(a));
      if (Math.abs(a) === Infinity) return pi.div(2).times(s(a));
      return b > 0 ? D(0) : pi.times(s(a));
    }
  }
  throw new Error(`no limit for ${fn}`);
}

// ---- rounding and ulps ----
/** v rounded to nearest binary64 (or binary32), ties to even, with overflow to infinity. */
export function roundTo(v: Value, single: boolean): number {
  if (typeof v === 'number') return v;
  if (v.isZero()) return v.isNeg() ? -0 : 0;
  const d = Number(v.toPrecision(40));
  if (!single) return d;
  const f = Math.fround(d);
  if (!Number.isFinite(f)) return f;
  // fround(d) can double-round: settle against the neighbours exactly
  let best = f;
  let err = exact(f).minus(v).abs();
  for (const g of [nextFloat(f, 1), nextFloat(f, -1)]) {
    if (!Number.isFinite(g)) continue;
    const e = exact(g).minus(v).abs();
    if (e.lt(err) || (e.eq(err) && (floatBits(g) & 1) === 0)) {
      best = g;
      err = e;
    }
  }
  return best;
}

function floatBits(f: number): number {
  const dv = new DataView(new ArrayBuffer(4));
  dv.setFloat32(0, f);
  return dv.getUint32(0);
}

function nextFloat(f: number, dir: number): number {
  const dv = new DataView(new ArrayBuffer(4));
  dv.setFloat32(0, f);
  let u = dv.getInt32(0);
  if (f === 0) u = dir > 0 ? 1 : (1 | 0x80000000);
  else u += (f > 0) === (dir > 0) ? 1 : -1;
  dv.setInt32(0, u);
  return dv.getFloat32(0);
}

/** Position of y on the ordered line of the format's values (adjacent values differ by 1). */
export function ordinal(y: number, single: boolean): bigint {
  if (single) {
    const b = floatBits(y);
    const m = BigInt(b & 0x7fffffff);
    return b >>> 31 ? -m : m;
  }
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, y);
  const m = dv.getBigUint64(0) & 0x7fffffffffffffffn;
  return dv.getUint32(0) >>> 31 ? -m : m;
}

/** |y - v| in units of the format's ulp at v (the spacing of the format's values around v). */
export function ulpError(y: number, v: D, single: boolean): number {
  const minExp = single ? -126 : -1022;
  const prec = single ? 24 : 53;
  if (v.isZero()) return y === 0 ? 0 : Infinity;
  let e = Math.floor(Math.log2(Math.abs(Number(v.toPrecision(20)))));
  if (!Number.isFinite(e)) e = minExp;
  // correct the float estimate of the binade
  const a = v.abs();
  while (pow2(e).gt(a)) e--;
  while (pow2(e + 1).lte(a)) e++;
  const ulp = pow2(Math.max(e, minExp) - prec + 1);
  if (!Number.isFinite(y)) return Infinity;
  return Number(exact(y).minus(v).abs().div(ulp).toPrecision(6));
}
