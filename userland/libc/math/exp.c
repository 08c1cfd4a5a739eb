/* exp.c: exp, exp2 and expm1 on the dd core (exp_core.c); the results are rounded once, from about
 * 2^-96 relative error, so they are within a hair of 0.5 ulp. Exact cases: exp(0) = 1, exp2(n) = 2^n. */
#include "internal.h"

/* e^x. Overflow above ln(DBL_MAX) ~ 709.78; underflow (to subnormals, then 0) below -708.4. */
double exp(double x) {
  if (x != x) return x + x;
  if (x == INFINITY) return x;
  if (x == -INFINITY) return 0.0;
  if (x > 709.8) return __math_overflow(0);
  if (x < -745.2) return __math_underflow(0);
  if (fabs(x) < 0x1p-54) return 1.0 + x;
  int k;
  dd u = __expm1_core(dd_make(x, 0.0), &k);
  return __math_finish(dd_add_d(u, 1.0), k);
}

/* 2^x: x = n + f with n the nearest integer, 2^f = e^(f ln2) with f ln2 in dd; exact when x is an integer. */
double exp2(double x) {
  if (x != x) return x + x;
  if (x == INFINITY) return x;
  if (x == -INFINITY) return 0.0;
  if (x >= 1024.0) return __math_overflow(0);
  if (x <= -1075.0) return __math_underflow(0);
  double n = floor(x + 0.5);
  double f = x - n;
  if (f == 0.0) return __math_finish(dd_make(1.0, 0.0), (int)n);
  int k;
  dd u = __expm1_core(dd_mul_d(dd_make(LN2_HI, LN2_LO), f), &k);
  return __math_finish(dd_add_d(u, 1.0), k + (int)n);
}

/* e^x - 1, accurate for tiny x (the core's u is e^x - 1 when k == 0). */
double expm1(double x) {
  if (x != x) return x + x;
  if (x == INFINITY) return x;
  if (x == -INFINITY) return -1.0;
  if (x > 709.8) return __math_overflow(0);
  if (x < -40.0) return -1.0 + 0x1p-100;
  if (fabs(x) < 0x1p-54) return x == 0.0 ? x : __math_check(fma(x, x * 0.5, x));
  int k;
  dd u = __expm1_core(dd_make(x, 0.0), &k);
  if (k == 0) return u.hi + u.lo;
  if (k > 60) return __math_finish(dd_add_d(u, 1.0), k);
  dd v = dd_add_d(dd_scale(dd_add_d(u, 1.0), k), -1.0);
  return v.hi + v.lo;
}
