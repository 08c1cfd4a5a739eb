/* __decimal_expand: the exact decimal digits of a binary value mant × 2^e2 (fpformat.h).
 * Every binary fraction is a finite decimal (2^-k has k digits after the point), so the expansion is
 * exact: the value is kept as base-10^9 limbs, most significant first, in one array whose middle is
 * the decimal point. Multiplying by 2^k (k <= 29) carries out at the front; dividing by 2^k (k <= 9)
 * is exact in 32-bit arithmetic because 2^9 divides 10^9, and adds at most one limb at the back.
 * printf rounds these digits itself, so its output is correctly rounded at any precision. */
#include "fpformat.h"

#define BILLION 1000000000u
/* limbs: integer part up to 2^16384 (4933 digits, 549 limbs), fraction down to 2^-16494 (16494
 * digits, 1833 limbs), plus the significand's own limbs */
#define INT_LIMBS 560
#define FRAC_LIMBS 1840

/* Divides the 4-word number w by 10^9 in place; returns the remainder. */
static uint32_t div_billion(uint32_t w[4]) {
  uint64_t rem = 0;
  int i;
  for (i = 3; i >= 0; i--) {
    uint64_t cur = (rem << 32) | w[i];
    w[i] = (uint32_t)(cur / BILLION);
    rem = cur % BILLION;
  }
  return (uint32_t)rem;
}

/* Writes v as exactly 9 digits (zero-padded) to out. */
static void nine_digits(uint32_t v, char *out) {
  int i;
  for (i = 8; i >= 0; i--) {
    out[i] = (char)('0' + v % 10);
    v /= 10;
  }
}

int __decimal_expand(const uint32_t mant[4], int e2, char *digits, int *point) {
  uint32_t limb[INT_LIMBS + FRAC_LIMBS];
  uint32_t w[4];
  int mid = INT_LIMBS; /* limbs [lo, mid) are the integer part, [mid, hi) the fraction */
  int lo = mid, hi = mid;
  int i, n, first;
  char head[9];
  for (i = 0; i < 4; i++) w[i] = mant[i];
  while (w[0] | w[1] | w[2] | w[3]) limb[--lo] = div_billion(w);
  if (lo == hi) {
    *point = 1;
    return 0;
  }
  while (e2 > 0) { /* × 2^k: carries grow the integer part at the front */
    int k = e2 < 29 ? e2 : 29;
    uint32_t carry = 0;
    for (i = hi - 1; i >= lo; i--) {
      uint64_t t = ((uint64_t)limb[i] << k) + carry;
      carry = (uint32_t)(t / BILLION);
      limb[i] = (uint32_t)(t - (uint64_t)carry * BILLION);
    }
    if (carry) limb[--lo] = carry;
    e2 -= k;
  }
  while (e2 < 0) { /* ÷ 2^k: the remainder becomes one more fraction limb, exactly */
    int k = -e2 < 9 ? -e2 : 9;
    uint32_t unit = BILLION >> k; /* what one unit of remainder is worth in the next limb */
    uint32_t rem = 0;
    for (i = lo; i < hi; i++) {
      uint32_t v = limb[i];
      limb[i] = (v >> k) + rem * unit;
      rem = v & ((1u << k) - 1);
    }
    if (rem) limb[hi++] = rem * unit;
    while (lo < hi - 1 && limb[lo] == 0) lo++; /* leading zeros: the point stays known through mid */
    e2 += k;
  }
  /* the digits: the first limb without its leading zeros, the others as 9 digits each */
  while (limb[lo] == 0) lo++; /* the value is nonzero, so some limb is */
  nine_digits(limb[lo], head);
  for (first = 0; head[first] == '0'; first++) {}
  n = 0;
  for (i = first; i < 9; i++) digits[n++] = head[i];
  for (i = lo + 1; i < hi; i++, n += 9) nine_digits(limb[i], digits + n);
  while (digits[n - 1] == '0') n--;
  *point = (mid - lo - 1) * 9 + (9 - first);
  return n;
}
