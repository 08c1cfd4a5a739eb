/* classify.c: the functions behind fpclassify and signbit, by the bits of each format (binary32,
 * binary64, and binary128 for long double), so classifying never raises an exception. */
#include "internal.h"

static int classify(unsigned exponent, unsigned max_exponent, int fraction_nonzero) {
  if (exponent == max_exponent) return fraction_nonzero ? FP_NAN : FP_INFINITE;
  if (exponent == 0) return fraction_nonzero ? FP_SUBNORMAL : FP_ZERO;
  return FP_NORMAL;
}

int __fpclassify(double x) {
  u64 b = bits_of(x);
  return classify((unsigned)(b >> 52) & 0x7ff, 0x7ff, (b << 12) != 0);
}

int __fpclassifyf(float x) {
  union { float f; unsigned u; } v;
  v.f = x;
  return classify((v.u >> 23) & 0xff, 0xff, (v.u << 9) != 0);
}

/* binary128, little-endian: w[3] holds the sign, the 15-bit exponent and the top 16 fraction bits. */
int __fpclassifyl(long double x) {
  union { long double f; unsigned w[4]; } v;
  v.f = x;
  return classify((v.w[3] >> 16) & 0x7fff, 0x7fff, ((v.w[3] & 0xffff) | v.w[2] | v.w[1] | v.w[0]) != 0);
}

int __signbit(double x) { return (int)(bits_of(x) >> 63); }

int __signbitf(float x) {
  union { float f; unsigned u; } v;
  v.f = x;
  return (int)(v.u >> 31);
}

int __signbitl(long double x) {
  union { long double f; unsigned w[4]; } v;
  v.f = x;
  return (int)(v.w[3] >> 31);
}
