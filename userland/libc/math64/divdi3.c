/* __divdi3, __moddi3: signed 64-bit division truncating toward zero; the remainder takes the
 * dividend's sign. Negation is done on the words (two's complement) to stay in 32-bit code. */
#include "dword.h"

static dword negate(dword x) {
  dword r;
  r.w.lo = ~x.w.lo + 1;
  r.w.hi = ~x.w.hi + (r.w.lo == 0);
  return r;
}

long long __divdi3(long long a, long long b) {
  dword n, d, q, r;
  int neg;
  n.s = a;
  d.s = b;
  neg = (int)((n.w.hi ^ d.w.hi) >> 31);
  if (n.w.hi >> 31) n = negate(n);
  if (d.w.hi >> 31) d = negate(d);
  __pagoda_udivmod64(n, d, &q, &r);
  if (neg) q = negate(q);
  return q.s;
}

long long __moddi3(long long a, long long b) {
  dword n, d, q, r;
  int neg;
  n.s = a;
  d.s = b;
  neg = (int)(n.w.hi >> 31);
  if (neg) n = negate(n);
  if (d.w.hi >> 31) d = negate(d);
  __pagoda_udivmod64(n, d, &q, &r);
  if (neg) r = negate(r);
  return r.s;
}
