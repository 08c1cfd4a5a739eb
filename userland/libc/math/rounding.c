/* rounding.c: the rounding functions of C99 7.12.9, all exact: floor, ceil, trunc and round by masking the
 * fraction bits; rint, nearbyint, lrint and llrint in the current rounding mode (fcsr's frm) by adding and
 * subtracting 2^52, which makes the FPU round at the units place. */
#include <fenv.h>
#include "internal.h"

/* The fraction bits of x (exponent e = unbiased, 0 <= e < 52) cleared: x rounded toward zero. */
static double chop(double x, int e) { return from_bits(bits_of(x) & ~(0x000fffffffffffffull >> e)); }

double trunc(double x) {
  int e = exponent_field(x) - 0x3ff;
  if (e >= 52) return x == x ? x : x + x;
  if (e < 0) return copysign(0.0, x);
  return chop(x, e);
}

double floor(double x) {
  double t = trunc(x);
  return x < t ? t - 1.0 : t;
}

double ceil(double x) {
  double t = trunc(x);
  return x > t ? t + 1.0 : t;
}

/* Halfway cases away from zero. */
double round(double x) {
  double t = trunc(x);
  if (fabs(x - t) >= 0.5) return t + copysign(1.0, x);
  return t;
}

long lround(double x) { return (long)round(x); }
long long llround(double x) { return (long long)round(x); }

double rint(double x) {
  if (!(fabs(x) < 0x1p52)) return x == x ? x : x + x;
  double r = x >= 0 ? (x + 0x1p52) - 0x1p52 : (x - 0x1p52) + 0x1p52;
  return copysign(r, x);
}

/* rint without the inexact flag (C99 7.12.9.3). */
double nearbyint(double x) {
  fexcept_t saved;
  fegetexceptflag(&saved, FE_INEXACT);
  double r = rint(x);
  fesetexceptflag(&saved, FE_INEXACT);
  return r;
}

long lrint(double x) { return (long)rint(x); }
long long llrint(double x) { return (long long)rint(x); }
