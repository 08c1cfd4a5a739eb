/* __pagoda_udivmod64: the division core behind __udivdi3, __umoddi3, __divdi3, __moddi3.
 * Fast paths: both operands in 32 bits (one divu), divisor in 16 bits (four 32-bit divisions on
 * 16-bit digits); otherwise shift-and-subtract from the dividend's highest set bit. */
#include "dword.h"

static void divide_by_u16(dword n, unsigned d, dword *q, dword *r) {
  unsigned digits[4], i, rem = 0, qd[4];
  digits[0] = n.w.hi >> 16;
  digits[1] = n.w.hi & 0xffff;
  digits[2] = n.w.lo >> 16;
  digits[3] = n.w.lo & 0xffff;
  for (i = 0; i < 4; i++) {
    unsigned cur = (rem << 16) | digits[i]; /* rem < d <= 0xffff, so no overflow */
    qd[i] = cur / d;
    rem = cur % d;
  }
  q->w.hi = (qd[0] << 16) | qd[1];
  q->w.lo = (qd[2] << 16) | qd[3];
  r->w.hi = 0;
  r->w.lo = rem;
}

static int highest_bit(dword n) {
  int b = 63;
  unsigned word = n.w.hi;
  if (!word) {
    word = n.w.lo;
    b = 31;
  }
  while (b >= 0 && !(word & 0x80000000u)) {
    word <<= 1;
    b--;
  }
  return b;
}

void __pagoda_udivmod64(dword n, dword d, dword *q, dword *r) {
  dword quot, rem;
  int i;
  if (d.w.hi == 0 && n.w.hi == 0) {
    q->w.hi = 0;
    q->w.lo = n.w.lo / d.w.lo;
    r->w.hi = 0;
    r->w.lo = d.w.lo ? n.w.lo % d.w.lo : n.w.lo;
    return;
  }
  if (d.w.hi == 0 && d.w.lo != 0 && d.w.lo <= 0xffff) {
    divide_by_u16(n, d.w.lo, q, r);
    return;
  }
  if (d.w.hi == 0 && d.w.lo == 0) {
    q->w.hi = q->w.lo = 0xffffffffu;
    *r = n;
    return;
  }
  quot.w.hi = quot.w.lo = 0;
  rem.w.hi = rem.w.lo = 0;
  for (i = highest_bit(n); i >= 0; i--) {
    unsigned bit = i >= 32 ? (n.w.hi >> (i - 32)) & 1 : (n.w.lo >> i) & 1;
    unsigned carry = rem.w.hi >> 31; /* the shifted remainder would pass 2^64: surely >= d */
    rem.w.hi = (rem.w.hi << 1) | (rem.w.lo >> 31);
    rem.w.lo = (rem.w.lo << 1) | bit;
    if (carry || rem.w.hi > d.w.hi || (rem.w.hi == d.w.hi && rem.w.lo >= d.w.lo)) {
      unsigned borrow = rem.w.lo < d.w.lo;
      rem.w.lo -= d.w.lo;
      rem.w.hi -= d.w.hi + borrow;
      if (i >= 32) quot.w.hi |= 1u << (i - 32);
      else quot.w.lo |= 1u << i;
    }
  }
  *q = quot;
  *r = rem;
}
