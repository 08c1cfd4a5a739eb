/* __cmpdi2, __ucmpdi2: 0 when a < b, 1 when equal, 2 when a > b (libgcc's convention). */
#include "dword.h"

int __cmpdi2(long long a, long long b) {
  dword x, y;
  x.s = a;
  y.s = b;
  if ((int)x.w.hi != (int)y.w.hi) return (int)x.w.hi < (int)y.w.hi ? 0 : 2;
  if (x.w.lo != y.w.lo) return x.w.lo < y.w.lo ? 0 : 2;
  return 1;
}

int __ucmpdi2(unsigned long long a, unsigned long long b) {
  dword x, y;
  x.u = a;
  y.u = b;
  if (x.w.hi != y.w.hi) return x.w.hi < y.w.hi ? 0 : 2;
  if (x.w.lo != y.w.lo) return x.w.lo < y.w.lo ? 0 : 2;
  return 1;
}
