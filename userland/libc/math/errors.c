/* errors.c: the libm's error paths (see internal.h). The operands are volatile so that the compiler cannot
 * fold the operation away: the operation itself is what raises the exception flag in fcsr. */
#include <fenv.h>
#include "internal.h"

static volatile double zero = 0.0;
static volatile double huge = 0x1p1023;
static volatile double tiny = 0x1p-1022;

double __math_divzero(int negative) {
  errno = ERANGE;
  return (negative ? -1.0 : 1.0) / zero;
}

double __math_invalid(double x) {
  volatile double v = x;
  errno = EDOM;
  return (v - v) / (v - v);
}

double __math_overflow(int negative) {
  errno = ERANGE;
  return (negative ? -huge : huge) * huge;
}

double __math_underflow(int negative) {
  errno = ERANGE;
  return (negative ? -tiny : tiny) * tiny;
}

double __math_check(double y) {
  double a = fabs(y);
  if (a == INFINITY || a < 0x1p-1022) errno = ERANGE;
  return y;
}

float __math_checkf(float y, double v) {
  float a = fabsf(y);
  if (v == v && (a == INFINITY && fabs(v) != INFINITY)) errno = ERANGE;
  else if (v != 0 && a < 0x1p-126f && fabs(v) < 0x1p-126) errno = ERANGE;
  return y;
}

/* A subnormal result is rounded once, on the grid of 2^-1074: u = v 2^(k + 1074) counts that grid's units
 * (u.hi and u.lo stay exact, u.hi < 2^53), n is the integer nearest u.hi, and the fraction u - n decides
 * the final step, ties to even. Rounding hi + lo to 53 bits first and then to the subnormal grid could
 * round twice. */
static double finish_subnormal(dd v, int k) {
  double uh = scalbn(v.hi, k + 1074), ul = scalbn(v.lo, k + 1074);
  double n = rint(uh);
  double d = (uh - n) + ul;
  if (d > 0.5 || (d == 0.5 && fmod(n, 2.0) != 0)) n += 1;
  else if (d < -0.5 || (d == -0.5 && fmod(n, 2.0) != 0)) n -= 1;
  if (d != 0) feraiseexcept(FE_UNDERFLOW | FE_INEXACT);
  errno = ERANGE;
  return scalbn(n, -1074);
}

double __math_finish(dd v, int k) {
  if (v.hi != 0 && ilogb(v.hi) + k < -1022 && ilogb(v.hi) + k > -1100) return finish_subnormal(v, k);
  double y = v.hi + v.lo;
  return __math_check(scalbn(y, k));
}
