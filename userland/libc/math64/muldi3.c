/* __muldi3: the low 64 bits of a 64x64 product, from 16-bit partial products of the low words
 * (so no 64-bit multiply, and no mulhu, is needed) plus the two cross terms modulo 2^32. */
#include "dword.h"

static unsigned mul_high(unsigned a, unsigned b) {
  unsigned a0 = a & 0xffff, a1 = a >> 16, b0 = b & 0xffff, b1 = b >> 16;
  unsigned p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  unsigned mid = (p00 >> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return p11 + (p01 >> 16) + (p10 >> 16) + (mid >> 16);
}

long long __muldi3(long long a, long long b) {
  dword x, y, r;
  x.s = a;
  y.s = b;
  r.w.lo = x.w.lo * y.w.lo;
  r.w.hi = mul_high(x.w.lo, y.w.lo) + x.w.lo * y.w.hi + x.w.hi * y.w.lo;
  return r.s;
}
