/* ieee.c: the functions C99 specifies exactly in terms of the binary64 format: scaling by powers of 2,
 * splitting into fraction and exponent or integer and fraction parts, neighbours, nan and fdim. */
#include <limits.h>
#include <stdlib.h>
#include "internal.h"

/* x * 2^n, rounded once (the result is exact unless it overflows or is subnormal). The factor 2^n is
 * applied in at most three steps of exact powers of 2; on the way down the intermediate stays normal
 * (2^-969 = 2^-1022 * 2^53) so that only the last multiplication rounds. */
double scalbn(double x, int n) {
  if (n > 1023) {
    x *= 0x1p1023;
    n -= 1023;
    if (n > 1023) {
      x *= 0x1p1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    x *= 0x1p-969;
    n += 969;
    if (n < -1022) {
      x *= 0x1p-969;
      n += 969;
      if (n < -1022) n = -1022;
    }
  }
  double y = x * from_bits((u64)(0x3ff + n) << 52);
  if (x == x && fabs(x) != INFINITY && x != 0.0 && (fabs(y) == INFINITY || fabs(y) < 0x1p-1022)) errno = ERANGE;
  return y;
}

double scalbln(double x, long n) {
  if (n > INT_MAX) n = INT_MAX;
  if (n < INT_MIN) n = INT_MIN;
  return scalbn(x, (int)n);
}

double ldexp(double x, int n) { return scalbn(x, n); }

/* x = m * 2^e with 0.5 <= |m| < 1; zeros, inf and NaN are returned with *e = 0. */
double frexp(double x, int *e) {
  int f = exponent_field(x);
  *e = 0;
  if (f == 0x7ff || x == 0.0) return x;
  if (f == 0) {
    x *= 0x1p64;
    *e = -64;
    f = exponent_field(x);
  }
  *e += f - 0x3fe;
  return from_bits((bits_of(x) & 0x800fffffffffffffull) | 0x3fe0000000000000ull);
}

/* The integral part of x in *ip, the fraction (with x's sign) returned. */
double modf(double x, double *ip) {
  int e = exponent_field(x) - 0x3ff;
  if (e >= 52) {
    *ip = x;
    if (x != x) return x;
    return copysign(0.0, x);
  }
  if (e < 0) {
    *ip = copysign(0.0, x);
    return x;
  }
  u64 mask = 0x000fffffffffffffull >> e;
  u64 b = bits_of(x);
  *ip = from_bits(b & ~mask);
  if ((b & mask) == 0) return copysign(0.0, x);
  return x - *ip;
}

/* The unbiased exponent of x: floor(log2 |x|) for finite nonzero x (subnormals included). */
int ilogb(double x) {
  int f = exponent_field(x);
  if (f == 0x7ff) {
    __math_invalid(0.0);
    return x != x ? FP_ILOGBNAN : INT_MAX;
  }
  if (x == 0.0) {
    __math_invalid(0.0);
    return FP_ILOGB0;
  }
  if (f == 0) return exponent_field(x * 0x1p64) - 0x3ff - 64;
  return f - 0x3ff;
}

double logb(double x) {
  if (x != x) return x + x;
  if (fabs(x) == INFINITY) return INFINITY;
  if (x == 0.0) return __math_divzero(1);
  return (double)ilogb(x);
}

/* The next binary64 after x in the direction of y (y itself when x == y). */
double nextafter(double x, double y) {
  if (x != x || y != y) return x + y;
  if (x == y) return y;
  u64 b = bits_of(x);
  if (x == 0.0) b = (bits_of(y) & 0x8000000000000000ull) | 1;
  else if ((x < y) == (x > 0)) b++;
  else b--;
  double r = from_bits(b);
  if (fabs(r) == INFINITY) return __math_overflow(r < 0);
  if (fabs(r) < 0x1p-1022) {
    volatile double t = r * r; /* raises underflow and inexact, as Annex F asks */
    (void)t;
    errno = ERANGE;
  }
  return r;
}

/* A quiet NaN; the tag string (C99's implementation-defined payload) is parsed as an integer payload. */
double nan(const char *tag) {
  u64 payload = 0;
  if (tag && *tag) payload = (u64)strtoull(tag, 0, 0) & 0x7ffffffffffffull;
  return from_bits(0x7ff8000000000000ull | payload);
}

/* The positive difference: x - y when x > y, else +0 (NaN if either is). */
double fdim(double x, double y) {
  if (x != x || y != y) return x + y;
  if (x <= y) return 0.0;
  double d = x - y;
  if (fabs(d) == INFINITY) errno = ERANGE;
  return d;
}
