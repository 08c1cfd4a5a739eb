/* __udivdi3, __umoddi3: unsigned 64-bit quotient and remainder (called by compiled code). */
#include "dword.h"

unsigned long long __udivdi3(unsigned long long a, unsigned long long b) {
  dword n, d, q, r;
  n.u = a;
  d.u = b;
  __pagoda_udivmod64(n, d, &q, &r);
  return q.u;
}

unsigned long long __umoddi3(unsigned long long a, unsigned long long b) {
  dword n, d, q, r;
  n.u = a;
  d.u = b;
  __pagoda_udivmod64(n, d, &q, &r);
  return r.u;
}
