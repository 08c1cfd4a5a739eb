/* erf.c: erf and erfc in double-double, rounded once.
 *
 * For |x| < 4, the series without cancellation erf x = 2/sqrt(pi) e^(-x^2) sum 2^n x^(2n+1) / (2n+1)!!
 * (all terms positive; each is the previous times 2x^2/(2n+1), summed until a term is below 2^-110 of the
 * sum: at most about 110 terms at x = 4). erfc x = 1 - erf x loses at most 26 of dd's 106 bits there.
 * For x >= 4, the continued fraction erfc x = e^(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
 * evaluated backwards from 60 levels: at x = 4 it is within 2^-104 of its limit (checked with exact
 * rationals against 2000 levels), and closer for larger x. e^(-x^2) takes x^2 exactly in dd. */
#include "internal.h"

/* e^(-a^2) = v 2^k. */
static dd exp_minus_square(double a, int *k) {
  return dd_add_d(__expm1_core(dd_neg(two_prod(a, a)), k), 1.0);
}

/* erf a for 0 <= a < 4. */
static dd erf_series(double a) {
  dd a2 = two_prod(a, a);
  dd term = dd_make(a, 0.0), sum = term;
  for (int n = 1; term.hi > 0x1p-110 * sum.hi; n++) {
    term = dd_div_d(dd_mul(term, dd_make(2.0 * a2.hi, 2.0 * a2.lo)), 2 * n + 1);
    sum = dd_add(sum, term);
  }
  int k;
  dd e = exp_minus_square(a, &k);
  return dd_scale(dd_mul(dd_mul(sum, e), dd_make(TWO_OVER_SQRTPI_HI, TWO_OVER_SQRTPI_LO)), k);
}

/* erfc a = v 2^k for a >= 4. */
static dd erfc_fraction(double a, int *k) {
  dd f = dd_make(a, 0.0);
  for (int n = 60; n >= 1; n--) f = dd_add_d(dd_div(dd_make(0.5 * n, 0.0), f), a);
  dd e = exp_minus_square(a, k);
  dd q = dd_div(e, f);
  return dd_mul(q, dd_make(TWO_OVER_SQRTPI_HI * 0.5, TWO_OVER_SQRTPI_LO * 0.5));
}

double erf(double x) {
  if (x != x) return x + x;
  double a = fabs(x);
  if (a == INFINITY) return copysign(1.0, x);
  if (a < 0x1p-28) {
    if (x == 0) return x;
    /* erf x = 2/sqrt(pi) x (1 - x^2/3 + ...), the cubic term below 2^-57 relative but kept for the rounding;
     * scaled by 2^64 so that the product's low part cannot underflow, then rounded once */
    dd v = dd_mul_d(dd_make(TWO_OVER_SQRTPI_HI, TWO_OVER_SQRTPI_LO), x * 0x1p64);
    v = dd_add_d(v, -v.hi * (x * x) / 3);
    return __math_finish(v, -64);
  }
  dd v;
  if (a < 4) v = erf_series(a);
  else if (a < 6) {
    int k;
    v = dd_add_d(dd_neg(dd_scale(erfc_fraction(a, &k), k)), 1.0);
  } else return copysign(1.0 - 0x1p-100, x);
  return copysign(v.hi + v.lo, x);
}

double erfc(double x) {
  if (x != x) return x + x;
  if (x == INFINITY) return 0.0;
  if (x == -INFINITY) return 2.0;
  double a = fabs(x);
  int k;
  dd v;
  if (x < -6) return 2.0 - 0x1p-100;
  if (x < -4) v = dd_add_d(dd_neg(dd_scale(erfc_fraction(a, &k), k)), 2.0);
  else if (x < 4) {
    dd e = erf_series(a);
    v = dd_add_d(x < 0 ? e : dd_neg(e), 1.0);
  } else if (x < 27.3) return __math_finish(erfc_fraction(a, &k), k);
  else return __math_underflow(0);
  return v.hi + v.lo;
}
