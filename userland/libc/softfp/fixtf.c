/* __fixtfsi __fixunstfsi __fixtfdi __fixunstfdi: binary128 to integers, truncating toward zero.
 * A dropped fraction raises NX. Out of range (NaN and infinities included) raises NV and saturates as
 * libgcc does: signed results go to the limit on the value's side, unsigned ones to 0 for negatives
 * and to the maximum otherwise (a NaN by its sign bit, like an infinity); a negative value above -1 is 0
 * for an unsigned result (inexact only). */
#include "tf.h"

/* The magnitude truncated to an integer when it is below 2^bits; *big set when it is not (or NaN/inf). */
static uint64_t truncate(const struct tf *a, int bits, int *big, int *inexact, int *neg) {
  struct tfparts p;
  uint32_t w[4];
  int i;
  __tf_unpack(a, &p);
  *neg = p.sign;
  *big = 0;
  *inexact = 0;
  if (p.cls == TF_ZERO) return 0;
  if (p.cls != TF_NORMAL) {
    *big = 1;
    return 0;
  }
  if (p.e >= bits) {
    *big = 1;
    return 0;
  }
  if (p.e < 0) {
    *inexact = 1;
    return 0;
  }
  for (i = 0; i < 4; i++) w[i] = p.sig[i];
  *inexact = __u128_shr_sticky(w, 127 - p.e);
  return ((uint64_t)w[1] << 32) | w[0];
}

/* Converts to a signed or unsigned integer of `bits` bits, returned in 64 bits. */
static uint64_t to_int(const struct tf *a, int bits, int is_signed) {
  int big, inexact, neg;
  uint64_t m = truncate(a, bits, &big, &inexact, &neg);
  uint64_t limit = is_signed ? (uint64_t)1 << (bits - 1) : 0; /* |INT_MIN| */
  if (is_signed) {
    if (!big && (neg ? m <= limit : m < limit)) {
      if (inexact) __fp_raise_flags(FPX_NX);
      return neg ? 0 - m : m;
    }
    __fp_raise_flags(FPX_NV);
    return neg ? 0 - limit : limit - 1;
  }
  if (neg) {
    if (!big && m == 0) { /* in (-1, 0]: truncates to 0 */
      if (inexact) __fp_raise_flags(FPX_NX);
      return 0;
    }
    __fp_raise_flags(FPX_NV);
    return 0;
  }
  if (big) {
    __fp_raise_flags(FPX_NV);
    return bits == 64 ? ~(uint64_t)0 : (((uint64_t)1 << bits) - 1);
  }
  if (inexact) __fp_raise_flags(FPX_NX);
  return m;
}

int __fixtfsi(struct tf a) {
  return (int)to_int(&a, 32, 1);
}

unsigned __fixunstfsi(struct tf a) {
  return (unsigned)to_int(&a, 32, 0);
}

long long __fixtfdi(struct tf a) {
  return (long long)to_int(&a, 64, 1);
}

unsigned long long __fixunstfdi(struct tf a) {
  return to_int(&a, 64, 0);
}
