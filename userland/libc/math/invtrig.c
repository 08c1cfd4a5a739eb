/* invtrig.c: atan, atan2, asin and acos on the dd atan core (atan_core.c), rounded once, with the special
 * values of C99 F.9.1 (atan2 of signed zeros and infinities, asin/acos outside [-1, 1]: NaN and EDOM). */
#include "internal.h"

double atan(double x) {
  if (x != x) return x + x;
  if (fabs(x) < 0x1p-27) return x;
  if (fabs(x) > 0x1p60) return copysign(PI_2_HI, x);
  dd a = __atan_core(dd_make(fabs(x), 0.0));
  return copysign(a.hi + a.lo, x);
}

double atan2(double y, double x) {
  if (x != x || y != y) return x + y;
  double ay = fabs(y), ax = fabs(x);
  double pi = x < 0 || (x == 0 && __signbit(x)) ? PI_HI : 0.0; /* the angle when y is +-0 */
  if (y == 0) return copysign(pi, y);
  if (ax == INFINITY) {
    if (ay == INFINITY) return copysign(x > 0 ? PI_2_HI / 2 : 3 * PI_2_HI / 2, y);
    return copysign(pi, y);
  }
  if (ay == INFINITY || x == 0) return copysign(PI_2_HI, y);
  int ey = ilogb(ay), ex = ilogb(ax);
  double a;
  if (ey - ex > 60) a = PI_2_HI;                      /* |y/x| > 2^60: pi/2 to within 2^-60 */
  else if (ex - ey > 60 && x > 0) a = __math_check(ay / ax); /* atan t = t (1 - t^2/3) rounds to t */
  else {
    int s = -(ex > ey ? ex : ey);                     /* same scale for both: no overflow, no underflow */
    dd v = __atan2_core(dd_make(scalbn(ay, s), 0.0), dd_make(scalbn(x, s), 0.0));
    a = v.hi + v.lo;
  }
  return copysign(a, y);
}

/* asin x = atan2(x, sqrt((1 - x)(1 + x))), the factors formed in dd. */
double asin(double x) {
  if (x != x) return x + x;
  double ax = fabs(x);
  if (ax > 1) return __math_invalid(x);
  if (ax < 0x1p-27) return x;
  if (ax == 1) return copysign(PI_2_HI, x);
  dd c = dd_sqrt(dd_mul(two_sum(1.0, -ax), two_sum(1.0, ax)));
  dd a = __atan2_core(dd_make(ax, 0.0), c);
  return copysign(a.hi + a.lo, x);
}

double acos(double x) {
  if (x != x) return x + x;
  double ax = fabs(x);
  if (ax > 1) return __math_invalid(x);
  if (x == 1) return 0.0;
  if (x == -1) return PI_HI;
  if (ax < 0x1p-57) return PI_2_HI;
  dd s = dd_sqrt(dd_mul(two_sum(1.0, -ax), two_sum(1.0, ax)));
  dd a = __atan2_core(s, dd_make(x, 0.0));
  return a.hi + a.lo;
}
