// Error-free transformations (Knuth's TwoSum, Dekker's TwoProduct with Veltkamp's split): the exact
// rounding error of a binary64 sum or product, as a binary64. JS has no fused multiply-add, so these
// are how the machine knows whether a result is exact, which side of it the true value lies on, and
// what a*b+c is before its single rounding.

/** 2^27 + 1: splits a binary64 into two halves of at most 26 significant bits. */
const SPLITTER = 134217729;

/** The exact error a + b - s of s = a + b (RN). Exact whenever s is finite (TwoSum, 6 operations). */
export function sumError(a: number, b: number, s: number): number {
  const bv = s - a;
  return a - (s - bv) + (b - bv);
}

/**
 * The exact error a * b - p of p = a * b (RN), when |p| > 2^-968 (so the error is representable).
 * When a split or a partial product overflows (|a| or |b| near 2^996 or more, or |p| within a hair
 * of the largest double) the result is infinite or NaN, never a wrong finite number: callers test
 * `err - err === 0`.
 */
export function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}
