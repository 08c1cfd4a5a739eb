/* internal.h: what the libm's files share: bit access, the error paths that set errno and raise the
 * Annex F exceptions, and the double-double cores (exp, log, pi/2 reduction, sin/cos, atan). */
#ifndef _MATH_INTERNAL_H
#define _MATH_INTERNAL_H

#include <errno.h>
#include <math.h>
#include "dd.h"
#include "constants.h"

typedef unsigned long long u64;

static inline u64 bits_of(double x) { union { double d; u64 u; } v; v.d = x; return v.u; }
static inline double from_bits(u64 u) { union { double d; u64 u; } v; v.u = u; return v.d; }
/* The sign, exponent and top 20 fraction bits: enough to classify most arguments. */
static inline unsigned high_word(double x) { return (unsigned)(bits_of(x) >> 32); }
/* The biased exponent field (0 for zeros and subnormals, 0x7ff for inf and NaN). */
static inline int exponent_field(double x) { return (int)((bits_of(x) >> 52) & 0x7ff); }

/* Error paths. Each sets errno as C99 7.12.1 asks and computes its result with a real operation, so the
 * Annex F exception (divide-by-zero, invalid, overflow, underflow) is raised in fcsr too. */
double __math_divzero(int negative);   /* -> +-inf, ERANGE, FE_DIVBYZERO */
double __math_invalid(double x);       /* -> NaN, EDOM, FE_INVALID (x: the offending finite or inf argument) */
double __math_overflow(int negative);  /* -> +-inf, ERANGE, FE_OVERFLOW */
double __math_underflow(int negative); /* -> +-0, ERANGE, FE_UNDERFLOW */
/* The finite result y of a computation whose exact value v was not 0: ERANGE if y overflowed to inf or
 * fell below DBL_MIN (C99 lets underflow set ERANGE; glibc does so for subnormal results). */
double __math_check(double y);
/* float's form: y is the float result of the exact value v, a double: ERANGE on float overflow/underflow. */
float __math_checkf(float y, double v);
/* Rounds (v.hi + v.lo) * 2^k to binary64 once where the result is normal, then __math_check. */
double __math_finish(dd v, int k);

/* e^x = (1 + u) * 2^k with |u| < 0.42; when k == 0, u is e^x - 1 to full relative precision (expm1).
 * Requires |x.hi| < 1100. */
dd __expm1_core(dd x, int *k);
/* ln x for a positive finite dd x. Exact (0) at x == 1. */
dd __log_core(dd x);
/* x = (4n + q) pi/2 + r with |r| <= pi/4 (plus rounding): returns q in 0..3 and r. x finite. */
int __rem_pio2(double x, dd *r);
/* sin r and cos r for |r| <= pi/4 + tiny. */
dd __sin_core(dd r);
dd __cos_core(dd r);
/* atan t for finite t >= 0; atan2 for y >= 0 and x not both 0, in [0, pi]. */
dd __atan_core(dd t);
dd __atan2_core(dd y, dd x);

#endif
