/* log.c: log, log2, log10 and log1p on the dd core (log_core.c), rounded once. Exact cases: log(1) = +0,
 * log2(2^n) = n; log(0) = -inf with ERANGE and FE_DIVBYZERO, log of a negative number NaN with EDOM. */
#include "internal.h"

/* NaN, inf, zero and negative arguments, common to the logarithms (lim: the smallest valid argument, 0 for
 * log, -1 for log1p); returns 1 and sets *result when x is one of them. */
static int log_special(double x, double lim, double *result) {
  if (x != x) *result = x + x;
  else if (x == INFINITY) *result = x;
  else if (x == lim) *result = __math_divzero(1);
  else if (x < lim) *result = __math_invalid(x);
  else return 0;
  return 1;
}

double log(double x) {
  double r;
  if (log_special(x, 0.0, &r)) return r;
  dd l = __log_core(dd_make(x, 0.0));
  return l.hi + l.lo;
}

double log2(double x) {
  double r;
  if (log_special(x, 0.0, &r)) return r;
  if ((bits_of(x) << 12) == 0 && exponent_field(x) != 0) return (double)(exponent_field(x) - 0x3ff);
  dd l = dd_mul(__log_core(dd_make(x, 0.0)), dd_make(INV_LN2_HI, INV_LN2_LO));
  return l.hi + l.lo;
}

double log10(double x) {
  double r;
  if (log_special(x, 0.0, &r)) return r;
  dd l = dd_mul(__log_core(dd_make(x, 0.0)), dd_make(INV_LN10_HI, INV_LN10_LO));
  return l.hi + l.lo;
}

/* ln(1 + x): 1 + x is formed exactly in dd, so no digit of a small x is lost. */
double log1p(double x) {
  double r;
  if (log_special(x, -1.0, &r)) return r;
  if (fabs(x) < 0x1p-54) return x == 0.0 ? x : fma(x, -0.5 * x, x);
  dd l = __log_core(two_sum(1.0, x));
  return l.hi + l.lo;
}
