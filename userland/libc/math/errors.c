/* errors.c: the libm's error paths (see internal.h). The operands are volatile so that the compiler cannot
 * fold the operation away: the operation itself is what raises the exception flag in fcsr. */
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

double __math_finish(dd v, int k) {
  double y = v.hi + v.lo;
  return __math_check(scalbn(y, k));
}
