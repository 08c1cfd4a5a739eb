/* single.c: the float functions. Each computes the double function on the exactly widened argument and
 * rounds its result to float once. The double result is within a hair of 0.5 double-ulp of the exact value,
 * 2^-29 of a float ulp, so the float result is the correctly rounded one except when the exact value lies
 * within 2^-29 ulp of a float halfway point: the error stays below 0.5 + 2^-29 float ulp. The exactly
 * specified functions stay exact (a float's floor, fmod, remainder... is a float, computed exactly in double).
 * ERANGE is added where the float, but not the double, overflows or underflows (__math_checkf).
 * sqrtf, fabsf, copysignf, fminf, fmaxf and fmaf are single instructions (arch/riscv32/fp.s). */
#include "internal.h"

#define UNARY(name, dname) \
  float name(float x) { double v = dname((double)x); return __math_checkf((float)v, v); }
#define BINARY(name, dname) \
  float name(float x, float y) { double v = dname((double)x, (double)y); return __math_checkf((float)v, v); }

UNARY(acosf, acos)
UNARY(asinf, asin)
UNARY(atanf, atan)
BINARY(atan2f, atan2)
UNARY(cosf, cos)
UNARY(sinf, sin)
UNARY(tanf, tan)
UNARY(acoshf, acosh)
UNARY(asinhf, asinh)
UNARY(atanhf, atanh)
UNARY(coshf, cosh)
UNARY(sinhf, sinh)
UNARY(tanhf, tanh)
UNARY(expf, exp)
UNARY(exp2f, exp2)
UNARY(expm1f, expm1)
UNARY(logf, log)
UNARY(log10f, log10)
UNARY(log1pf, log1p)
UNARY(log2f, log2)
UNARY(logbf, logb)
UNARY(cbrtf, cbrt)
BINARY(hypotf, hypot)
BINARY(powf, pow)
UNARY(erff, erf)
UNARY(erfcf, erfc)
UNARY(lgammaf, lgamma)
UNARY(tgammaf, tgamma)
UNARY(ceilf, ceil)
UNARY(floorf, floor)
UNARY(nearbyintf, nearbyint)
UNARY(rintf, rint)
UNARY(roundf, round)
UNARY(truncf, trunc)
BINARY(fmodf, fmod)
BINARY(remainderf, remainder)
BINARY(fdimf, fdim)

long lrintf(float x) { return lrint((double)x); }
long long llrintf(float x) { return llrint((double)x); }
long lroundf(float x) { return lround((double)x); }
long long llroundf(float x) { return llround((double)x); }
int ilogbf(float x) { return ilogb((double)x); }
float frexpf(float x, int *e) { return (float)frexp((double)x, e); }

float ldexpf(float x, int n) {
  double v = scalbn((double)x, n < -2000 ? -2000 : n > 2000 ? 2000 : n);
  return __math_checkf((float)v, v);
}
float scalbnf(float x, int n) { return ldexpf(x, n); }
float scalblnf(float x, long n) { return ldexpf(x, n < -2000 ? -2000 : n > 2000 ? 2000 : (int)n); }

float modff(float x, float *ip) {
  double i;
  double f = modf((double)x, &i);
  *ip = (float)i;
  return (float)f;
}

float remquof(float x, float y, int *quo) { return (float)remquo((double)x, (double)y, quo); }
float nanf(const char *tag) { return (float)nan(tag); }

/* The next float after x toward y, by the binary32 bits. */
float nextafterf(float x, float y) {
  if (x != x || y != y) return x + y;
  if (x == y) return y;
  union { float f; unsigned u; } v, w;
  v.f = x;
  w.f = y;
  if (x == 0) v.u = (w.u & 0x80000000u) | 1;
  else if ((x < y) == (x > 0)) v.u++;
  else v.u--;
  float a = fabsf(v.f);
  if (a == INFINITY || a < 0x1p-126f) {
    volatile float t = v.f * v.f; /* raises overflow or underflow, with inexact */
    (void)t;
    errno = ERANGE;
  }
  return v.f;
}
