/* power.c: pow, cbrt and hypot. pow is e^(y ln|x|) with ln|x| and the product in dd (the product's
 * absolute error, about 2^-90, is the relative error of the result), rounded once; exact powers come out
 * exact. The special cases are C99 F.9.4.4's. cbrt is e^(ln|x| / 3) the same way; hypot is the dd root of
 * the dd sum of squares, scaled so that nothing overflows or underflows. */
#include "internal.h"

/* 2 when y is an odd integer, 1 when an even integer, 0 when not an integer. */
static int integer_kind(double y) {
  if (fabs(y) >= 0x1p53) return 1;
  if (trunc(y) != y) return 0;
  return (long long)y & 1 ? 2 : 1;
}

double pow(double x, double y) {
  if (y == 0 || x == 1) return 1.0;
  if (x != x || y != y) return x + y;
  int yint = integer_kind(y);
  int negative = x < 0 || (x == 0 && __signbit(x));
  int odd = negative && yint == 2;
  double ax = fabs(x);
  if (fabs(y) == INFINITY) {
    if (ax == 1) return 1.0;
    return (ax < 1) == (y < 0) ? INFINITY : 0.0;
  }
  if (x == 0) {
    if (y < 0) return __math_divzero(odd);
    return odd ? -0.0 : 0.0;
  }
  if (ax == INFINITY) {
    double r = y < 0 ? 0.0 : INFINITY;
    return odd ? -r : r;
  }
  if (x < 0 && !yint) return __math_invalid(x);
  dd l = __log_core(dd_make(ax, 0.0));
  double estimate = l.hi * y; /* decides overflow before the dd product, which would overflow to NaN */
  if (estimate > 709.8) return __math_overflow(odd);
  if (estimate < -745.2) return __math_underflow(odd);
  dd t = dd_mul_d(l, y);
  int k;
  dd u = __expm1_core(t, &k);
  double r = __math_finish(dd_add_d(u, 1.0), k);
  return odd ? -r : r;
}

double cbrt(double x) {
  if (x != x || x == 0 || fabs(x) == INFINITY) return x + x;
  dd t = dd_div_d(__log_core(dd_make(fabs(x), 0.0)), 3.0);
  int k;
  dd u = __expm1_core(t, &k);
  return copysign(__math_finish(dd_add_d(u, 1.0), k), x);
}

double hypot(double x, double y) {
  double ax = fabs(x), ay = fabs(y);
  if (ax == INFINITY || ay == INFINITY) return INFINITY;
  if (ax != ax || ay != ay) return ax + ay;
  if (ax < ay) {
    double t = ax;
    ax = ay;
    ay = t;
  }
  if (ay == 0) return ax;
  int e = ilogb(ax);
  if (e - ilogb(ay) > 60) return ax + ay;
  ax = scalbn(ax, -e);
  ay = scalbn(ay, -e);
  dd s = dd_sqrt(dd_add(two_prod(ax, ax), two_prod(ay, ay)));
  return __math_finish(s, e);
}
