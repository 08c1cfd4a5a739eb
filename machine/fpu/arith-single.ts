// RV32F arithmetic: fadd.s fsub.s fmul.s fdiv.s fsqrt.s and the four fused multiply-adds, exact
// in every rounding mode with exact flags. Each computes d = RN64(x) of the exact result x in
// binary64 and the sign of x - d, then rounds to binary32 (round-single.ts). In round-to-nearest
// with a normal result, Math.fround(d) is already right (binary64 has more than 2*24+2 bits, so
// double rounding is innocuous for + - * / sqrt) and the fast path is a few operations.
// Each operation is a fast entry (properly boxed operands, a normal result, any mode but RMM) and an
// exact path for everything else. In the directed modes the fast entry knows which side of
// r = fround(d) the exact x lies on, and steps r's encoding (round-single.ts stepSingle). The fast entry tests the NaN boxes apart from reading values: a
// `boxed ? value : NaN` operand would make V8 allocate a heap number per read.
// Every function takes the register file, register numbers and a rounding mode in RNE..RMM (the
// decoder resolves DYN and rejects reserved modes).

import { FFlag, RoundingMode } from '../../abi/float.js';
import { MIN_NORMAL_SINGLE } from './bits.js';
import { productError, sumError } from './eft.js';
import { FloatState } from './float-state.js';
import { exactZeroSum, nanSingle } from './nan.js';
import { roundSingle, singleFlags, stepSingle } from './round-single.js';

/** Single operand f n as a number: NaN when it is a NaN or is not NaN-boxed (exact paths only). */
function operand(st: FloatState, n: number): number {
  return st.fInts[2 * n + 1] === -1 ? st.fSingles[2 * n] : NaN;
}

/** Writes a binary32 value (a number representable in binary32) into f rd, boxed. */
function put(st: FloatState, rd: number, value: number): void {
  st.fSingles[2 * rd] = value;
  st.fInts[2 * rd + 1] = -1;
}

/** Rounds x (d = RN64(x), e with the sign of x - d) in mode rm into f rd, accruing its flags. */
function roundInto(st: FloatState, rd: number, d: number, e: number, rm: RoundingMode): void {
  const r = roundSingle(d, e, rm);
  st.fcsr |= singleFlags(d, e, r, rm);
  put(st, rd, r);
}

/** fadd.s (subtract false) and fsub.s (subtract true): f rd = f rs1 ± f rs2. */
export function addSingle(st: FloatState, rd: number, rs1: number, rs2: number, rm: RoundingMode, subtract: boolean): void {
  const w = st.fInts;
  if (rm !== RoundingMode.RMM && (w[2 * rs1 + 1] & w[2 * rs2 + 1]) === -1) {
    const a = st.fSingles[2 * rs1];
    const b = subtract ? -st.fSingles[2 * rs2] : st.fSingles[2 * rs2];
    const d = a + b;
    const r = Math.fround(d);
    const m = Math.abs(r);
    if (m > MIN_NORMAL_SINGLE && m < Infinity) {
      const err = sumError(a, b, d);
      put(st, rd, r);
      if (r === d && err === 0) return;
      if (rm === RoundingMode.RNE) st.fcsr |= FFlag.NX;
      else stepSingle(st, rd, d > r || (d === r && err > 0), rm);
      return;
    }
    if (d === 0 && rm !== RoundingMode.RDN) return put(st, rd, d); // an exact zero, signed as RNE signs it
  }
  addSingleExact(st, rd, rs1, rs2, rm, subtract);
}

function addSingleExact(st: FloatState, rd: number, rs1: number, rs2: number, rm: RoundingMode, subtract: boolean): void {
  const a = operand(st, rs1);
  const b = subtract ? -operand(st, rs2) : operand(st, rs2);
  const d = a + b;
  const err = sumError(a, b, d);
  if (a !== a || b !== b || d !== d) return nanSingle(st, rd, d !== d && a === a && b === b, rs1, rs2, -1);
  if (d === Infinity || d === -Infinity) return put(st, rd, d); // an infinite operand: exact
  if (d === 0 && err === 0) return put(st, rd, exactZeroSum(a, b, rm === RoundingMode.RDN));
  roundInto(st, rd, d, err, rm);
}

/** fmul.s: f rd = f rs1 * f rs2. The binary64 product of two singles is exact. */
export function mulSingle(st: FloatState, rd: number, rs1: number, rs2: number, rm: RoundingMode): void {
  const w = st.fInts;
  if (rm !== RoundingMode.RMM && (w[2 * rs1 + 1] & w[2 * rs2 + 1]) === -1) {
    const d = st.fSingles[2 * rs1] * st.fSingles[2 * rs2];
    const r = Math.fround(d);
    const m = Math.abs(r);
    if (m > MIN_NORMAL_SINGLE && m < Infinity) {
      put(st, rd, r);
      if (r === d) return;
      if (rm === RoundingMode.RNE) st.fcsr |= FFlag.NX;
      else stepSingle(st, rd, d > r, rm);
      return;
    }
    if (d === 0) return put(st, rd, d); // a zero product is exact in every mode
  }
  mulSingleExact(st, rd, rs1, rs2, rm);
}

function mulSingleExact(st: FloatState, rd: number, rs1: number, rs2: number, rm: RoundingMode): void {
  const a = operand(st, rs1);
  const b = operand(st, rs2);
  const d = a * b;
  if (d !== d) return nanSingle(st, rd, a === a && b === b, rs1, rs2, -1);
  if (Math.fround(d) === d) return put(st, rd, d); // exact, including zeros and infinite operands
  roundInto(st, rd, d, 0, rm);
}

/** fdiv.s: f rd = f rs1 / f rs2. */
export function divSingle(st: FloatState, rd: number, rs1: number, rs2: number, rm: RoundingMode): void {
  const w = st.fInts;
  if (rm !== RoundingMode.RMM && (w[2 * rs1 + 1] & w[2 * rs2 + 1]) === -1) {
    const a = st.fSingles[2 * rs1];
    const b = st.fSingles[2 * rs2];
    const r = Math.fround(a / b);
    const m = Math.abs(r);
    if (m > MIN_NORMAL_SINGLE && m < Infinity) {
      // r * b has at most 48 significant bits: exact, so a - r*b has the sign of (x - r) * b.
      const remainder = a - r * b;
      put(st, rd, r);
      if (remainder === 0) return;
      if (rm === RoundingMode.RNE) st.fcsr |= FFlag.NX;
      else stepSingle(st, rd, remainder > 0 === b > 0, rm);
      return;
    }
  }
  divSingleExact(st, rd, rs1, rs2, rm);
}

function divSingleExact(st: FloatState, rd: number, rs1: number, rs2: number, rm: RoundingMode): void {
  const a = operand(st, rs1);
  const b = operand(st, rs2);
  const q = a / b;
  if (a !== a || b !== b) return nanSingle(st, rd, false, rs1, rs2, -1);
  if (q !== q) return nanSingle(st, rd, true, rs1, rs2, -1); // 0/0 or inf/inf
  if (b === 0 && a - a === 0) st.fcsr |= FFlag.DZ; // finite nonzero / zero
  if (q === 0 || q === Infinity || q === -Infinity) return put(st, rd, q); // exact by the operands
  // The exact quotient x lies on the side of q given by the remainder a - q*b, taken exactly.
  const product = q * b;
  const remainder = a - product - productError(q, b, product);
  roundInto(st, rd, q, b > 0 ? remainder : -remainder, rm);
}

/** fsqrt.s: f rd = sqrt(f rs1). */
export function sqrtSingle(st: FloatState, rd: number, rs1: number, rm: RoundingMode): void {
  if (rm !== RoundingMode.RMM && st.fInts[2 * rs1 + 1] === -1) {
    const a = st.fSingles[2 * rs1];
    const r = Math.fround(Math.sqrt(a));
    const square = r * r; // exact: 48 bits
    if (square === a) return put(st, rd, r); // exact (also ±0 and +inf)
    if (r - r === 0) {
      // Roots of singles are normal: no overflow or underflow.
      put(st, rd, r);
      if (rm === RoundingMode.RNE) st.fcsr |= FFlag.NX;
      else stepSingle(st, rd, a > square, rm);
      return;
    }
  }
  sqrtSingleExact(st, rd, rs1, rm);
}

function sqrtSingleExact(st: FloatState, rd: number, rs1: number, rm: RoundingMode): void {
  const a = operand(st, rs1);
  const root = Math.sqrt(a);
  if (root !== root) return nanSingle(st, rd, a === a, rs1, -1, -1); // NaN, or a < 0
  if (root === 0 || root === Infinity) return put(st, rd, root);
  const square = root * root;
  roundInto(st, rd, root, a - square - productError(root, root, square), rm);
}

/**
 * The fused multiply-adds with one rounding: fmadd.s (negateProduct false, negateAddend false)
 * f rd = rs1*rs2 + rs3; fmsub.s (false, true); fnmsub.s (true, false) -(rs1*rs2) + rs3; fnmadd.s
 * (true, true). The product of two singles is exact in binary64, and TwoSum gives the exact sum.
 */
export function fmaSingle(
  st: FloatState,
  rd: number,
  rs1: number,
  rs2: number,
  rs3: number,
  rm: RoundingMode,
  negateProduct: boolean,
  negateAddend: boolean,
): void {
  const w = st.fInts;
  if (rm !== RoundingMode.RMM && (w[2 * rs1 + 1] & w[2 * rs2 + 1] & w[2 * rs3 + 1]) === -1) {
    const p = negateProduct ? -(st.fSingles[2 * rs1] * st.fSingles[2 * rs2]) : st.fSingles[2 * rs1] * st.fSingles[2 * rs2];
    const c = negateAddend ? -st.fSingles[2 * rs3] : st.fSingles[2 * rs3];
    const d = p + c;
    const r = Math.fround(d);
    const m = Math.abs(r);
    if (m > MIN_NORMAL_SINGLE && m < Infinity) {
      const err = sumError(p, c, d);
      if (r === d && err === 0) return put(st, rd, r);
      if (rm !== RoundingMode.RNE) {
        put(st, rd, r);
        return stepSingle(st, rd, d > r || (d === r && err > 0), rm);
      }
      // The product has 48 bits, so d can be a binary32 midpoint while x is not (double rounding):
      // then 2d - r, the other neighbour, is a binary32 value, and the exact path decides.
      const other = d + (d - r);
      if (err === 0 || Math.fround(other) !== other) {
        st.fcsr |= FFlag.NX;
        return put(st, rd, r);
      }
    }
  }
  fmaSingleExact(st, rd, rs1, rs2, rs3, rm, negateProduct, negateAddend);
}

function fmaSingleExact(
  st: FloatState,
  rd: number,
  rs1: number,
  rs2: number,
  rs3: number,
  rm: RoundingMode,
  negateProduct: boolean,
  negateAddend: boolean,
): void {
  const a = negateProduct ? -operand(st, rs1) : operand(st, rs1);
  const b = operand(st, rs2);
  const c = negateAddend ? -operand(st, rs3) : operand(st, rs3);
  const p = a * b;
  const d = p + c;
  const err = sumError(p, c, d);
  if (a !== a || b !== b || c !== c || d !== d) {
    // inf * 0 is invalid even when the addend is a quiet NaN; so is inf - inf.
    const invalid = (a === 0 && b - b !== 0 && b === b) || (b === 0 && a - a !== 0 && a === a) || (p === p && c === c);
    return nanSingle(st, rd, invalid, rs1, rs2, rs3);
  }
  if (d === Infinity || d === -Infinity) return put(st, rd, d);
  if (d === 0 && err === 0) return put(st, rd, exactZeroSum(p, c, rm === RoundingMode.RDN));
  roundInto(st, rd, d, err, rm);
}
