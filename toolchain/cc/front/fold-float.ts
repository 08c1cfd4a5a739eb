// Constant folding of floating expressions with exact IEEE semantics (round-to-nearest-even, the only mode a
// translation-time evaluation may assume under FLT_EVAL_METHOD 0): binary64 with JS numbers (which are
// binary64), binary32 with Math.fround after each operation (exact for + - * /: binary64 holds the exact
// result closely enough that the second rounding is innocuous), binary128 with exact rationals rounded once.
import type { Node } from './ast.js';
import {
  BINARY128, BINARY32, BINARY64, FloatFormat, bitsToNumber, bitsToRational, convertBits, doubleBits, floatBits,
  roundRational,
} from './float-literal.js';
import { Type, isFloat, isInteger } from './types.js';

/** The IEEE format of a floating type. */
export function formatOf(t: Type): FloatFormat {
  return t.kind === 'float' ? BINARY32 : t.kind === 'double' ? BINARY64 : BINARY128;
}

/** The bits of integer `v` converted to `fmt` (rounded to nearest-even, as fcvt does in the default mode). */
export function intToBits(v: bigint, fmt: FloatFormat): bigint {
  return roundRational(v < 0n ? -v : v, 1n, fmt, v < 0n);
}

/** JS number of bits in a binary32/binary64 format. */
function toNumber(bits: bigint, fmt: FloatFormat): number {
  return bitsToNumber(bits, fmt);
}

/** Bits of a folded result; a NaN is the positive quiet NaN gcc folds to (and RISC-V computes: the host's
 * NaN from 0/0 may carry a sign). */
function fromNumber(v: number, fmt: FloatFormat): bigint {
  if (Number.isNaN(v)) return fmt === BINARY32 ? 0x7fc00000n : 0x7ff8000000000000n;
  return fmt === BINARY32 ? BigInt(floatBits(Math.fround(v))) : doubleBits(v);
}

/** Sign bit of a format. */
function signBit(fmt: FloatFormat): bigint {
  return 1n << BigInt(fmt.p - 1 + fmt.expBits);
}

/** Integer constant value of `n` (an integer-typed node), or null. Provided by fold.ts to avoid a cycle. */
export type IntEval = (n: Node) => bigint | null;

/**
 * The value of the floating expression `n` as bits in its type's format, or null when it is not a
 * constant (or is one this folder leaves to run time: binary128 arithmetic on infinities or NaNs).
 */
export function evalFloat(n: Node, evalInt: IntEval): bigint | null {
  const t = n.ty!;
  const fmt = formatOf(t);
  switch (n.kind) {
    case 'fnum':
      return n.fbits!;
    case 'cast': {
      const from = n.lhs!.ty!;
      if (isFloat(from)) {
        const b = evalFloat(n.lhs!, evalInt);
        return b === null ? null : convertBits(b, formatOf(from), fmt);
      }
      if (isInteger(from)) {
        const v = evalInt(n.lhs!);
        return v === null ? null : intToBits(v, fmt);
      }
      return null;
    }
    case 'neg': {
      const b = evalFloat(n.lhs!, evalInt);
      return b === null ? null : b ^ signBit(fmt);
    }
    case 'comma':
      return null;
    case 'cond': {
      const c = isFloat(n.cond!.ty!) ? floatTruth(n.cond!, evalInt) : evalInt(n.cond!);
      if (c === null) return null;
      const arm = c !== 0n ? n.then! : n.els!;
      return isFloat(arm.ty!) ? evalFloat(arm, evalInt) : null;
    }
    case 'add': case 'sub': case 'mul': case 'div': {
      const a = evalFloat(n.lhs!, evalInt);
      if (a === null) return null;
      const b = evalFloat(n.rhs!, evalInt);
      if (b === null) return null;
      if (fmt === BINARY128) return rationalOp(n.kind, a, b);
      const x = toNumber(a, fmt);
      const y = toNumber(b, fmt);
      const r = n.kind === 'add' ? x + y : n.kind === 'sub' ? x - y : n.kind === 'mul' ? x * y : x / y;
      return fromNumber(r, fmt);
    }
  }
  return null;
}

/** binary128 a op b, exactly rounded; null for non-finite operands or results needing a signed zero rule. */
function rationalOp(kind: string, a: bigint, b: bigint): bigint | null {
  const x = bitsToRational(a, BINARY128);
  const y = bitsToRational(b, BINARY128);
  if (!x || !y) return null;
  const xn = x.neg ? -x.num : x.num;
  const yn = y.neg ? -y.num : y.num;
  let num: bigint;
  let den: bigint;
  switch (kind) {
    case 'add': num = xn * y.den + yn * x.den; den = x.den * y.den; break;
    case 'sub': num = xn * y.den - yn * x.den; den = x.den * y.den; break;
    case 'mul': num = xn * yn; den = x.den * y.den; break;
    default:
      if (yn === 0n) return null;
      num = xn * y.den; den = x.den * yn;
  }
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  if (num === 0n) return null; // the sign of an exact zero depends on the operands: leave it to run time
  return roundRational(num < 0n ? -num : num, den, BINARY128, num < 0n);
}

/** 1n/0n: whether the floating constant `n` is nonzero (NaN is true), or null. */
export function floatTruth(n: Node, evalInt: IntEval): bigint | null {
  const b = evalFloat(n, evalInt);
  if (b === null) return null;
  const fmt = formatOf(n.ty!);
  return (b & (signBit(fmt) - 1n)) !== 0n ? 1n : 0n;
}

/** Comparison of two floating constants (same type): 1n/0n with IEEE unordered semantics, or null. */
export function floatCompare(kind: string, a: Node, b: Node, evalInt: IntEval): bigint | null {
  const x = evalFloat(a, evalInt);
  if (x === null) return null;
  const y = evalFloat(b, evalInt);
  if (y === null) return null;
  const fmt = formatOf(a.ty!);
  const big = fmt === BINARY128;
  const xv = big ? bitsToNumber(x, fmt) : toNumber(x, fmt);
  const yv = big ? bitsToNumber(y, fmt) : toNumber(y, fmt);
  if (big && xv === yv && x !== y && Number.isFinite(xv)) return null; // differ below binary64's precision
  switch (kind) {
    case 'eq': return xv === yv ? 1n : 0n;
    case 'ne': return xv !== yv ? 1n : 0n;
    case 'lt': return xv < yv ? 1n : 0n;
    case 'le': return xv <= yv ? 1n : 0n;
  }
  return null;
}

/** The integer a floating constant converts to (truncation toward zero), or null if out of `bits` range. */
export function floatToInt(n: Node, bits: number, unsigned: boolean, evalInt: IntEval): bigint | null {
  const b = evalFloat(n, evalInt);
  if (b === null) return null;
  const r = bitsToRational(b, formatOf(n.ty!));
  if (!r) return null;
  let v = r.num / r.den;
  if (r.neg) v = -v;
  const lo = unsigned ? 0n : -(1n << BigInt(bits - 1));
  const hi = unsigned ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits - 1)) - 1n;
  if (v < lo || v > hi) return null;
  return v;
}
