// Floating constants (C11 6.4.4.2): decimal and hexadecimal spellings, rounded once, exactly, to the IEEE
// format of their type (binary32 for `f`, binary64 unsuffixed, binary128 for `l`) with round-to-nearest-even.
// The value is an exact rational num/den (BigInt); rounding it to p significant bits is integer arithmetic,
// so no decimal string is ever rounded twice (once to double, then to float) the way a host parse would.
import { CompileError } from '../diagnostics.js';
import type { Token } from './tokenize.js';

/** An IEEE binary interchange format: significand bits p (with the hidden bit) and exponent field width. */
export interface FloatFormat {
  p: number;
  expBits: number;
}
export const BINARY32: FloatFormat = { p: 24, expBits: 8 };
export const BINARY64: FloatFormat = { p: 53, expBits: 11 };
export const BINARY128: FloatFormat = { p: 113, expBits: 15 };

/** A parsed floating constant: its type's kind and the IEEE bits of its value in that format. */
export interface FloatLiteral {
  kind: 'float' | 'double' | 'ldouble';
  bits: bigint;
}

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/**
 * The bits of num/den (num >= 0, den > 0) rounded to nearest-even in `fmt`: subnormals where the exponent
 * falls below the minimum, infinity on overflow. `negative` sets the sign bit.
 */
export function roundRational(num: bigint, den: bigint, fmt: FloatFormat, negative = false): bigint {
  const { p, expBits } = fmt;
  const bias = (1 << (expBits - 1)) - 1;
  const sign = negative ? 1n << BigInt(p - 1 + expBits) : 0n;
  if (num === 0n) return sign;
  // e: the exponent of the leading bit, so 2^e <= num/den < 2^(e+1)
  let e = bitLength(num) - bitLength(den);
  if (e >= 0 ? num < den << BigInt(e) : num << BigInt(-e) < den) e--;
  const emin = 1 - bias;
  // the scale of the last significand bit: p-1 below the leading bit, never below the subnormal step
  const lsb = Math.max(e, emin) - (p - 1);
  // q = num/den / 2^lsb, split into integer quotient and remainder
  const n = lsb >= 0 ? num : num << BigInt(-lsb);
  const d = lsb >= 0 ? den << BigInt(lsb) : den;
  let q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) q++;
  let scale = lsb;
  if (bitLength(q) > p) {
    // rounding carried into a new leading bit
    q >>= 1n;
    scale++;
  }
  const hidden = 1n << BigInt(p - 1);
  if (q < hidden) return sign | q; // subnormal (or rounded up to the smallest normal, whose bits match)
  const exp = scale + (p - 1) + bias;
  if (exp >= (1 << expBits) - 1) return sign | (BigInt((1 << expBits) - 1) << BigInt(p - 1)); // infinity
  return sign | (BigInt(exp) << BigInt(p - 1)) | (q - hidden);
}

/** Parsed constants by spelling (bounded). */
const cache = new Map<string, FloatLiteral>();

/** True when the pp-number spells a floating constant (a fraction, an exponent, or a hex binary exponent). */
export function isFloatSpelling(s: string): boolean {
  // a character loop, not regular expressions: this runs on every number token
  const hex = s.length > 1 && s.charCodeAt(0) === 48 && (s.charCodeAt(1) | 32) === 120;
  for (let i = hex ? 2 : 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) return true; // '.'
    if (hex ? (c | 32) === 112 : (c | 32) === 101) return true; // p/P in hex, e/E in decimal
  }
  return false;
}

/** Parses a floating constant; a malformed one is a located error. */
export function parseFloatLiteral(tok: Token): FloatLiteral {
  const found = cache.get(tok.text);
  if (found !== undefined) return found;
  const lit = parse(tok);
  if (cache.size >= 4096) cache.clear();
  cache.set(tok.text, lit);
  return lit;
}

function parse(tok: Token): FloatLiteral {
  const s = tok.text;
  let m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)([fFlL]?)$/.exec(s);
  let num: bigint;
  let den = 1n;
  let suffix: string;
  if (m) {
    const [, whole, frac = '', exp, suf] = m;
    if (whole === '' && frac === '') throw new CompileError(`invalid floating constant '${s}'`, tok);
    num = BigInt('0x' + (whole + frac || '0'));
    let e = Number(exp) - 4 * frac.length;
    if (Math.abs(e) > 100000) e = Math.sign(e) * 100000; // far beyond every format: saturates the same way
    if (e >= 0) num <<= BigInt(e);
    else den <<= BigInt(-e);
    suffix = suf;
  } else {
    if (/^0[xX]/.test(s)) throw new CompileError(`hexadecimal floating constants require an exponent`, tok);
    m = /^([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?([fFlL]?)$/.exec(s);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) {
      const suf = /^[0-9.]*(?:[eE][+-]?[0-9]+)?(.*)$/.exec(s)![1];
      if (suf !== '' && /^[0-9]*\.?[0-9]*(?:[eE][+-]?[0-9]+)?/.test(s)) {
        if (/[eE]$|[eE][+-]$/.test(s)) throw new CompileError(`exponent has no digits`, tok);
        throw new CompileError(`invalid suffix "${suf}" on floating constant`, tok);
      }
      throw new CompileError(`invalid floating constant '${s}'`, tok);
    }
    const [, whole, frac = '', exp = '0', suf] = m;
    const digits = (whole + frac).replace(/^0+/, '');
    num = BigInt(digits === '' ? '0' : digits);
    let e = Number(exp) - frac.length;
    if (num === 0n) e = 0;
    if (e > 20000) e = 20000; // any nonzero value here overflows every format
    if (e < -20000) e = -20000; // and underflows to zero here
    if (e >= 0) num *= 10n ** BigInt(e);
    else den = 10n ** BigInt(-e);
    suffix = suf;
  }
  const kind = suffix === 'f' || suffix === 'F' ? 'float' : suffix === 'l' || suffix === 'L' ? 'ldouble' : 'double';
  const fmt = kind === 'float' ? BINARY32 : kind === 'double' ? BINARY64 : BINARY128;
  return { kind, bits: roundRational(num, den, fmt) };
}

/** The JS number a binary32 or binary64 bit pattern stands for (exact: binary32 values are doubles). */
export function bitsToNumber(bits: bigint, fmt: FloatFormat): number {
  const dv = new DataView(new ArrayBuffer(8));
  if (fmt === BINARY32) {
    dv.setUint32(0, Number(bits));
    return dv.getFloat32(0);
  }
  if (fmt === BINARY64) {
    dv.setBigUint64(0, bits);
    return dv.getFloat64(0);
  }
  return binary128ToNumber(bits);
}

/** The binary64 bits of a JS number. */
export function doubleBits(v: number): bigint {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, v);
  return dv.getBigUint64(0);
}
/** The binary32 bits of a JS number already rounded to binary32 (Math.fround). */
export function floatBits(v: number): number {
  const dv = new DataView(new ArrayBuffer(4));
  dv.setFloat32(0, v);
  return dv.getUint32(0);
}

/** Exact value of a binary-format bit pattern as sign and rational num/den (NaN and infinities: null). */
export function bitsToRational(bits: bigint, fmt: FloatFormat): { neg: boolean; num: bigint; den: bigint } | null {
  const { p, expBits } = fmt;
  const mant = bits & ((1n << BigInt(p - 1)) - 1n);
  const exp = Number((bits >> BigInt(p - 1)) & BigInt((1 << expBits) - 1));
  const neg = (bits >> BigInt(p - 1 + expBits)) !== 0n;
  if (exp === (1 << expBits) - 1) return null;
  const bias = (1 << (expBits - 1)) - 1;
  const sig = exp === 0 ? mant : mant | (1n << BigInt(p - 1));
  const e = (exp === 0 ? 1 : exp) - bias - (p - 1);
  return e >= 0 ? { neg, num: sig << BigInt(e), den: 1n } : { neg, num: sig, den: 1n << BigInt(-e) };
}

/** Converts between formats exactly (one rounding), keeping infinities, NaNs (quietened) and signed zeros. */
export function convertBits(bits: bigint, from: FloatFormat, to: FloatFormat): bigint {
  const r = bitsToRational(bits, from);
  const signOut = 1n << BigInt(to.p - 1 + to.expBits);
  const neg = (bits >> BigInt(from.p - 1 + from.expBits)) !== 0n;
  if (r === null) {
    const mant = bits & ((1n << BigInt(from.p - 1)) - 1n);
    const infExp = BigInt((1 << to.expBits) - 1) << BigInt(to.p - 1);
    const s = neg ? signOut : 0n;
    if (mant === 0n) return s | infExp;
    return s | infExp | (1n << BigInt(to.p - 2)); // a quiet NaN
  }
  return roundRational(r.num, r.den, to, r.neg);
}

function binary128ToNumber(bits: bigint): number {
  return bitsToNumber(convertBits(bits, BINARY128, BINARY64), BINARY64);
}

/** The binary128 bits of a JS number (exact: every double is a binary128 value). */
export function numberToBinary128(v: number): bigint {
  return convertBits(doubleBits(v), BINARY64, BINARY128);
}
