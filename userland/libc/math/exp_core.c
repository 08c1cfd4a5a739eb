/* exp_core.c: e^x in double-double, the core of exp, exp2, expm1, pow and the hyperbolic functions.
 *
 * Reduction: x = k ln2 + r with k the integer nearest x / ln2, so |r| <= ln2/2 (+ rounding); r is
 * computed in dd with ln2 in dd, an absolute error near 2^-96 for |k| <= 1100, which is the relative error
 * it gives e^x. Then e^r = (e^(r/256))^256: with s = r/256, |s| < 0.00136, the Taylor series
 * e^s - 1 = s (1 + s/2 (1 + s/3 (... (1 + s/9)))) stops with a remainder below s^10/10! < 2^-116 |s|.
 * The 8 squarings keep the form u = e^t - 1 (u' = 2u + u^2), so no digit of a small result is lost in
 * a subtraction of 1: when k == 0, u is e^x - 1 itself to about 2^-100 relative, which expm1 uses. */
#include "internal.h"

dd __expm1_core(dd x, int *k) {
  double t = x.hi * INV_LN2_HI;
  int n = (int)(t < 0 ? t - 0.5 : t + 0.5);
  dd r = dd_sub(x, dd_mul_d(dd_make(LN2_HI, LN2_LO), (double)n));
  dd s = dd_make(r.hi * 0x1p-8, r.lo * 0x1p-8);
  dd p = dd_make(1.0, 0.0);
  for (int i = 9; i >= 2; i--) p = dd_add_d(dd_div_d(dd_mul(s, p), (double)i), 1.0);
  dd u = dd_mul(s, p);
  for (int i = 0; i < 8; i++) u = dd_add(dd_make(2.0 * u.hi, 2.0 * u.lo), dd_mul(u, u));
  *k = n;
  return u;
}
