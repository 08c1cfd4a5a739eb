/* hyperbolic.c: sinh, cosh, tanh from the dd e^x core (exp_core.c), and asinh, acosh, atanh from the dd
 * log core (log_core.c); each is rounded once. The forms avoid cancellation: with u = e^|x| - 1 (dd),
 * sinh = (u + u/(1 + u)) / 2 and tanh = u' / (u' + 2) for u' = e^(2|x|) - 1. */
#include "internal.h"

/* e^a = (1 + u) 2^k for a >= 0 (a < 1100): u and k from the core. */
static dd expm1_of(double a, int *k) { return __expm1_core(dd_make(a, 0.0), k); }

double sinh(double x) {
  if (x != x || fabs(x) == INFINITY) return x + x;
  double a = fabs(x);
  if (a < 0x1p-27) return x;
  if (a > 710.5) return __math_overflow(x < 0);
  int k;
  dd u = expm1_of(a, &k);
  dd v;
  if (k == 0) { /* (u + u/(1 + u)) / 2 */
    v = dd_add(u, dd_div(u, dd_add_d(u, 1.0)));
    v = dd_make(v.hi * 0.5, v.lo * 0.5);
    return copysign(v.hi + v.lo, x);
  }
  dd e = dd_add_d(u, 1.0);
  if (k > 60) return copysign(__math_finish(e, k - 1), x); /* e^-a / 2 is below 2^-120 of the result */
  e = dd_scale(e, k);
  v = dd_sub(e, dd_div(dd_make(1.0, 0.0), e));
  return copysign((v.hi + v.lo) * 0.5, x);
}

double cosh(double x) {
  if (x != x) return x + x;
  double a = fabs(x);
  if (a == INFINITY) return a;
  if (a < 0x1p-27) return 1.0;
  if (a > 710.5) return __math_overflow(0);
  int k;
  dd e = dd_add_d(expm1_of(a, &k), 1.0);
  if (k > 60) return __math_finish(e, k - 1);
  e = dd_scale(e, k);
  dd v = dd_add(e, dd_div(dd_make(1.0, 0.0), e));
  return (v.hi + v.lo) * 0.5;
}

double tanh(double x) {
  if (x != x) return x + x;
  double a = fabs(x);
  if (a < 0x1p-27) return x;
  if (a > 22) return copysign(1.0 - 0x1p-100, x); /* 1 - 2e^-2a rounds to 1 (inexact) */
  int k;
  dd u = expm1_of(2 * a, &k);
  if (k != 0) u = dd_add_d(dd_scale(dd_add_d(u, 1.0), k), -1.0);
  dd v = dd_div(u, dd_add_d(u, 2.0));
  return copysign(v.hi + v.lo, x);
}

/* asinh x = ln(|x| + sqrt(x^2 + 1)); for |x| > 2^28, ln 2|x| (the 1 is below 2^-56 of x^2). */
double asinh(double x) {
  if (x != x || fabs(x) == INFINITY) return x + x;
  double a = fabs(x);
  if (a < 0x1p-27) return x;
  dd l;
  if (a > 0x1p28) l = dd_add(__log_core(dd_make(a, 0.0)), dd_make(LN2_HI, LN2_LO));
  else l = __log_core(dd_add_d(dd_sqrt(dd_add_d(two_prod(a, a), 1.0)), a));
  return copysign(l.hi + l.lo, x);
}

/* acosh x = ln(x + sqrt((x - 1)(x + 1))) for x >= 1. */
double acosh(double x) {
  if (x != x) return x + x;
  if (x < 1) return __math_invalid(x);
  if (x == INFINITY) return x;
  if (x == 1) return 0.0;
  dd l;
  if (x > 0x1p28) l = dd_add(__log_core(dd_make(x, 0.0)), dd_make(LN2_HI, LN2_LO));
  else l = __log_core(dd_add_d(dd_sqrt(dd_mul(two_sum(x, -1.0), two_sum(x, 1.0))), x));
  return l.hi + l.lo;
}

/* atanh x = ln((1 + |x|)/(1 - |x|)) / 2; +-1 gives +-inf (ERANGE, divide-by-zero), beyond is EDOM. */
double atanh(double x) {
  if (x != x) return x + x;
  double a = fabs(x);
  if (a > 1) return __math_invalid(x);
  if (a == 1) return __math_divzero(x < 0);
  if (a < 0x1p-27) return x;
  dd l = __log_core(dd_div(two_sum(1.0, a), two_sum(1.0, -a)));
  return copysign((l.hi + l.lo) * 0.5, x);
}
