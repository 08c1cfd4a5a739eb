// RV32D arithmetic: fadd.d fsub.d fmul.d fdiv.d fsqrt.d and the four fused multiply-adds. The host
// gives d = RN64(x) for + - * / sqrt; an error-free transformation (eft.ts) gives the exact error,
// or at least its sign, which settles the inexact flag and the directed modes (round-double.ts).
// Cases where those transformations are not exact (results near overflow, or near or below the
// smallest normal, or huge operands) and fused multiply-adds whose exact value lies too close to
// a rounding boundary go to the BigInt path (exact.ts). Signature conventions as arith-single.ts.

import { FFlag, RoundingMode } from '../../abi/float.js';
import { productError, sumError } from './eft.js';
import {
  BINARY64,
  exactOfDouble,
  exactProduct,
  exactQuotient,
  exactSquareRoot,
  exactSum,
  roundExact,
} from './exact.js';
import { FloatState } from './float-state.js';
import { exactZeroSum, nanDouble } from './nan.js';
import { FINISH_MIN, finishDouble, halfwayOut } from './round-double.js';

/** 2^-54: |d| * 2^-54 is at most half the gap from d to either neighbour. */
const QUARTER_ULP_SCALE = 2 ** -54;
/** Scratch for reading a result's exponent in fmaDouble (inline: a helper taking a number would box it). */
const SCRATCH = new Float64Array(1);
const SCRATCH_WORDS = new Int32Array(SCRATCH.buffer);

/** fadd.d (subtract false) and fsub.d (subtract true): f rd = f rs1 ± f rs2. */
export function addDouble(st: FloatState, rd: number, rs1: number, rs2: number, rm: RoundingMode, subtract: boolean): void {
  const f = st.f;
  const a = f[rs1];
  const b = subtract ? -f[rs2] : f[rs2];
  const d = a + b;
  const err = sumError(a, b, d);
  if (err === 0) {
    // Exact (a sum in the subnormal range always is); zeros in RDN need their own sign.
    if (d - d === 0 && (d !== 0 || rm !== RoundingMode.RDN)) {
      f[rd] = d;
      return;
    }
  } else if (err - err === 0) {
    // Inexact sums are at least 2^-1021 from zero: never tiny. (err is not finite when d is
    // infinite, or when TwoSum's intermediate overflowed: |a + b| near the largest double.)
    f[rd] = d;
    if (rm === RoundingMode.RNE) st.fcsr |= FFlag.NX;
    else finishDouble(st, rd, err > 0, rm === RoundingMode.RMM && halfwayOut(d, err), rm);
    return;
  }
  if (a !== a || b !== b || d !== d) return nanDouble(st, rd, d !== d && a === a && b === b, rs1, rs2, -1);
  if (d === 0) {
    f[rd] = exactZeroSum(a, b, rm === RoundingMode.RDN);
    return;
  }
  if (a - a !== 0 || b - b !== 0) {
    f[rd] = d; // an infinite operand: exact
    return;
  }
  // Two finite operands whose sum overflowed, or came close enough to overflow TwoSum.
  const sum = exactSum(exactOfDouble(a), exactOfDouble(b));
  f[rd] = sum === null ? exactZeroSum(a, b, rm === RoundingMode.RDN) : roundExact(st, sum, false, BINARY64, rm);
}

/** fmul.d: f rd = f rs1 * f rs2. */
export function mulDouble(st: FloatState, rd: number, rs1: number, rs2: number, rm: RoundingMode): void {
  const f = st.f;
  const a = f[rs1];
  const b = f[rs2];
  const p = a * b;
  const m = Math.abs(p);
  if (m > FINISH_MIN && m < Infinity) {
    const err = productError(a, b, p);
    if (err === 0) {
      f[rd] = p;
      return;
    }
    if (err - err === 0) {
      f[rd] = p;
      if (rm === RoundingMode.RNE) st.fcsr |= FFlag.NX;
      else finishDouble(st, rd, err > 0, rm === RoundingMode.RMM && halfwayOut(p, err), rm);
      return;
    }
  }
  if (a !== a || b !== b || p !== p) return nanDouble(st, rd, p !== p && a === a && b === b, rs1, rs2, -1);
  if (a === 0 || b === 0 || a - a !== 0 || b - b !== 0) {
    f[rd] = p; // a zero or an infinite operand: exact
    return;
  }
  f[rd] = roundExact(st, exactProduct(exactOfDouble(a), exactOfDouble(b)), false, BINARY64, rm);
}

/** fdiv.d: f rd = f rs1 / f rs2. */
export function divDouble(st: FloatState, rd: number, rs1: number, rs2: number, rm: RoundingMode): void {
  const f = st.f;
  const a = f[rs1];
  const b = f[rs2];
  const q = a / b;
  const m = Math.abs(q);
  if (m > FINISH_MIN && m < Infinity && Math.abs(a) > FINISH_MIN) {
    // The remainder a - q*b is exact (a - product by Sterbenz's lemma); its sign and b's give
    // the side of q the quotient lies on. A quotient of normal numbers is never a midpoint.
    const product = q * b;
    const remainder = a - product - productError(q, b, product);
    if (remainder === 0) {
      f[rd] = q;
      return;
    }
    if (remainder - remainder === 0) {
      f[rd] = q;
      if (rm === RoundingMode.RNE) st.fcsr |= FFlag.NX;
      else finishDouble(st, rd, remainder > 0 === b > 0, false, rm);
      return;
    }
  }
  if (a !== a || b !== b) return nanDouble(st, rd, false, rs1, rs2, -1);
  if (q !== q) return nanDouble(st, rd, true, rs1, rs2, -1); // 0/0 or inf/inf
  if (b === 0) {
    if (a - a === 0) st.fcsr |= FFlag.DZ; // finite nonzero / zero
    f[rd] = q;
    return;
  }
  if (a === 0 || a - a !== 0 || b - b !== 0) {
    f[rd] = q; // exact by the operands
    return;
  }
  const { value, sticky } = exactQuotient(exactOfDouble(a), exactOfDouble(b));
  f[rd] = roundExact(st, value, sticky, BINARY64, rm);
}

/** fsqrt.d: f rd = sqrt(f rs1). */
export function sqrtDouble(st: FloatState, rd: number, rs1: number, rm: RoundingMode): void {
  const f = st.f;
  const a = f[rs1];
  const root = Math.sqrt(a);
  if (a > FINISH_MIN && a < Infinity) {
    const square = root * root;
    const remainder = a - square - productError(root, root, square);
    if (remainder === 0) {
      f[rd] = root;
      return;
    }
    if (remainder - remainder === 0) {
      f[rd] = root;
      if (rm === RoundingMode.RNE) st.fcsr |= FFlag.NX;
      else finishDouble(st, rd, remainder > 0, false, rm);
      return;
    }
  }
  if (root !== root) return nanDouble(st, rd, a === a, rs1, -1, -1); // NaN, or a < 0
  if (a === 0 || a === Infinity) {
    f[rd] = root;
    return;
  }
  // Tiny radicands, and the largest, whose square overflows the error-free product.
  const { value, sticky } = exactSquareRoot(exactOfDouble(a));
  f[rd] = roundExact(st, value, sticky, BINARY64, rm);
}

/**
 * The fused multiply-adds, with one rounding (negations as fmaSingle). With p + pe = a*b and
 * t + te = c + p exactly, x = t + te + pe; two more TwoSums give x = d + de + se with d = RN(t + s),
 * and d is RN(x) when se = 0 (then x = t + s), or when |de + se| is below half the gap to d's
 * neighbour on that side.
 */
export function fmaDouble(
  st: FloatState,
  rd: number,
  rs1: number,
  rs2: number,
  rs3: number,
  rm: RoundingMode,
  negateProduct: boolean,
  negateAddend: boolean,
): void {
  const f = st.f;
  const a = negateProduct ? -f[rs1] : f[rs1];
  const b = f[rs2];
  const c = negateAddend ? -f[rs3] : f[rs3];
  const p = a * b;
  const mp = Math.abs(p);
  if (mp > FINISH_MIN && mp < Infinity) {
    const pe = productError(a, b, p);
    const t = c + p;
    const te = sumError(c, p, t);
    const s = te + pe;
    const se = sumError(te, pe, s);
    const d = t + s;
    const de = sumError(t, s, d);
    const w = de + se; // NaN when an operand is not finite or the split overflowed
    if (w === 0) {
      if (d - d === 0 && (d !== 0 || rm !== RoundingMode.RDN)) {
        f[rd] = d; // exact
        return;
      }
    } else {
      const md = Math.abs(d);
      const mw = Math.abs(w);
      // With se = 0, x = t + s exactly and d = RN(t + s) = RN(x), ties included; de is exact.
      let nearest = se === 0 || mw < md * QUARTER_ULP_SCALE;
      if (!nearest && md > FINISH_MIN && md < Infinity) {
        // Half the gap to d's neighbour on w's side: 2^(e-53), halved below a power of two.
        SCRATCH[0] = d;
        const hi = SCRATCH_WORDS[1];
        const powerOfTwo = (hi & 0xfffff) === 0 && SCRATCH_WORDS[0] === 0;
        SCRATCH_WORDS[1] = (hi & 0x7ff00000) - (53 << 20);
        SCRATCH_WORDS[0] = 0;
        nearest = mw < (powerOfTwo && w > 0 !== d > 0 ? SCRATCH[0] / 2 : SCRATCH[0]);
      }
      if (md > FINISH_MIN && md < Infinity && nearest) {
        f[rd] = d;
        if (rm === RoundingMode.RNE) st.fcsr |= FFlag.NX;
        else finishDouble(st, rd, w > 0, rm === RoundingMode.RMM && se === 0 && halfwayOut(d, de), rm);
        return;
      }
    }
  }
  fmaDoubleSlow(st, rd, rs1, rs2, rs3, rm, a, b, c);
}

/** The special operands and the exact path of fmaDouble. */
function fmaDoubleSlow(
  st: FloatState,
  rd: number,
  rs1: number,
  rs2: number,
  rs3: number,
  rm: RoundingMode,
  a: number,
  b: number,
  c: number,
): void {
  const f = st.f;
  const p = a * b; // may overflow: only an infinite operand makes the product infinite
  const infiniteProduct = a - a !== 0 || b - b !== 0;
  if (a !== a || b !== b || c !== c || (infiniteProduct && (p !== p || p + c !== p + c))) {
    // inf * 0 is invalid even when the addend is a quiet NaN; so is inf - inf.
    const invalid = (a === 0 && b - b !== 0 && b === b) || (b === 0 && a - a !== 0 && a === a) || (p === p && c === c);
    return nanDouble(st, rd, invalid, rs1, rs2, rs3);
  }
  if (infiniteProduct) {
    f[rd] = p; // (c is finite or the same infinity)
    return;
  }
  if (c - c !== 0) {
    f[rd] = c; // an infinite addend with a finite product
    return;
  }
  if (a === 0 || b === 0) {
    // An exact zero product: the result is c, or a zero whose sign follows the sum rule.
    f[rd] = c === 0 ? exactZeroSum(p, c, rm === RoundingMode.RDN) : c;
    return;
  }
  const x = exactSum(exactProduct(exactOfDouble(a), exactOfDouble(b)), exactOfDouble(c));
  f[rd] = x === null ? exactZeroSum(p, c, rm === RoundingMode.RDN) : roundExact(st, x, false, BINARY64, rm);
}
