/* __ashldi3, __ashrdi3, __lshrdi3: 64-bit shifts by 0..63 on the two words. */
#include "dword.h"

long long __ashldi3(long long a, int b) {
  dword x, r;
  x.s = a;
  if (b == 0) return a;
  if (b >= 32) {
    r.w.hi = x.w.lo << (b - 32);
    r.w.lo = 0;
  } else {
    r.w.hi = (x.w.hi << b) | (x.w.lo >> (32 - b));
    r.w.lo = x.w.lo << b;
  }
  return r.s;
}

long long __lshrdi3(long long a, int b) {
  dword x, r;
  x.s = a;
  if (b == 0) return a;
  if (b >= 32) {
    r.w.lo = x.w.hi >> (b - 32);
    r.w.hi = 0;
  } else {
    r.w.lo = (x.w.lo >> b) | (x.w.hi << (32 - b));
    r.w.hi = x.w.hi >> b;
  }
  return r.s;
}

long long __ashrdi3(long long a, int b) {
  dword x, r;
  unsigned sign;
  x.s = a;
  if (b == 0) return a;
  sign = (unsigned)-(int)(x.w.hi >> 31); /* all ones when negative */
  if (b >= 32) {
    r.w.lo = (unsigned)((int)x.w.hi >> (b - 32));
    r.w.hi = sign;
  } else {
    r.w.lo = (x.w.lo >> b) | (x.w.hi << (32 - b));
    r.w.hi = (unsigned)((int)x.w.hi >> b);
  }
  return r.s;
}
