/* trig.c: sin, cos and tan: Payne-Hanek reduction to r in [-pi/4, pi/4] and quadrant q (rem_pio2.c), then
 * the dd series (sincos_core.c), rounded once. sin(+-0) = +-0, tan(+-0) = +-0; an infinite argument is a
 * domain error (NaN, EDOM, FE_INVALID). */
#include "internal.h"

double sin(double x) {
  if (x != x) return x + x;
  if (fabs(x) == INFINITY) return __math_invalid(x);
  if (fabs(x) < 0x1p-27) return x;
  dd r;
  int q = __rem_pio2(x, &r);
  dd v = q & 1 ? __cos_core(r) : __sin_core(r);
  if (q & 2) v = dd_neg(v);
  return v.hi + v.lo;
}

double cos(double x) {
  if (x != x) return x + x;
  if (fabs(x) == INFINITY) return __math_invalid(x);
  if (fabs(x) < 0x1p-28) return 1.0;
  dd r;
  int q = __rem_pio2(x, &r);
  dd v = q & 1 ? __sin_core(r) : __cos_core(r);
  if (q == 1 || q == 2) v = dd_neg(v);
  return v.hi + v.lo;
}

double tan(double x) {
  if (x != x) return x + x;
  if (fabs(x) == INFINITY) return __math_invalid(x);
  if (fabs(x) < 0x1p-27) return x;
  dd r;
  int q = __rem_pio2(x, &r);
  dd s = __sin_core(r), c = __cos_core(r);
  dd v = q & 1 ? dd_neg(dd_div(c, s)) : dd_div(s, c);
  return v.hi + v.lo;
}
