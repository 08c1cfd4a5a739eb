/* rem_pio2.c: x mod pi/2 for every finite binary64 x (Payne-Hanek reduction).
 *
 * x = M 2^E with M a 53-bit integer. Then x (2/pi) = M 2^E sum w[i] 2^-32(i+1), with w the 32-bit words of
 * 2/pi's fraction (constants.h). A word whose product lands wholly above 2^1 only adds a multiple of 4
 * quarter-turns to the quotient, which cannot change sin or cos, so it is skipped: the product starts at
 * word i0 = max(0, (E - 2) / 32). Seven words (224 bits) times M, in exact integer arithmetic, give the
 * quotient's two low integer bits (the quadrant) and at least 190 fraction bits. The closest a binary64
 * comes to a multiple of pi/2 leaves 61 leading zero bits in the fraction, so at least 129 significant bits
 * remain: the fraction f (in [-1/2, 1/2] after rounding the quotient to nearest) is exact to dd precision,
 * and r = f pi/2 is multiplied in dd. One algorithm for all |x| > pi/4: no Cody-Waite range to prove. */
#include "internal.h"

#define LIMBS 9 /* the product M (2 limbs) x 7 words, least significant limb first */

/* Shifts the LIMBS-limb number n left by s bits (0 <= s < 32 * LIMBS). */
static void shift_left(unsigned *n, int s) {
  int words = s / 32, bits = s % 32;
  for (int i = LIMBS - 1; i >= 0; i--) {
    unsigned hi = i - words >= 0 ? n[i - words] : 0;
    unsigned lo = i - words - 1 >= 0 ? n[i - words - 1] : 0;
    n[i] = bits ? (hi << bits) | (lo >> (32 - bits)) : hi;
  }
}

int __rem_pio2(double x, dd *r) {
  if (fabs(x) <= 0.7853981633974483) {
    *r = dd_make(x, 0.0);
    return 0;
  }
  u64 b = bits_of(x);
  int E = exponent_field(x) - 1075;
  u64 M = (b & 0x000fffffffffffffull) | 0x0010000000000000ull;
  int i0 = E - 2 > 0 ? (E - 2) / 32 : 0;
  unsigned m[2] = { (unsigned)M, (unsigned)(M >> 32) };
  unsigned n[LIMBS] = { 0 };
  for (int j = 0; j < 2; j++) {
    u64 carry = 0;
    for (int k = 0; k < 7; k++) {
      u64 t = (u64)two_over_pi_bits[i0 + 6 - k] * m[j] + n[k + j] + carry;
      n[k + j] = (unsigned)t;
      carry = t >> 32;
    }
    n[7 + j] = (unsigned)carry;
  }
  /* The binary point is F bits from the bottom; move the two quadrant bits to the top of the number. */
  int F = 32 * (i0 + 7) - E;
  shift_left(n, 32 * LIMBS - F - 2);
  int q = (int)(n[LIMBS - 1] >> 30);
  n[LIMBS - 1] &= 0x3fffffff;
  int negative = 0;
  if (n[LIMBS - 1] & 0x20000000) { /* fraction >= 1/2: round the quotient up, keep 1 - fraction */
    q++;
    negative = 1;
    unsigned carry = 1;
    for (int i = 0; i < LIMBS; i++) {
      unsigned v = ~n[i] + carry;
      carry = carry && v == 0;
      n[i] = v;
    }
    n[LIMBS - 1] &= 0x3fffffff;
  }
  /* fraction = n[8] 2^-30 + n[7] 2^-62 + ...: sum the first five limbs from the first nonzero one. */
  int top = LIMBS - 1;
  while (top > 0 && n[top] == 0) top--;
  dd f = dd_make(0.0, 0.0);
  for (int i = top - 4 < 0 ? 0 : top - 4; i <= top; i++)
    f = dd_add_d(f, scalbn((double)n[i], -30 - 32 * (LIMBS - 1 - i)));
  dd y = dd_mul(f, dd_make(PI_2_HI, PI_2_LO));
  if (negative) y = dd_neg(y);
  if (x < 0) {
    y = dd_neg(y);
    q = -q;
  }
  *r = y;
  return q & 3;
}
