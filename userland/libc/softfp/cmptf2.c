/* __eqtf2 __netf2 __lttf2 __letf2 __gttf2 __getf2 __unordtf2: binary128 comparisons with libgcc's
 * results: eq/ne give 0 when equal, else 1 (1 when unordered too); lt/le give -1, 0 or 1 and 2 when
 * unordered; gt/ge the same with -2 when unordered, so that each caller's test (< 0, <= 0, > 0, >= 0)
 * is false for a NaN. eq, ne and unord are quiet (NV only for a signaling NaN); the ordering ones
 * signal NV for any NaN, as IEEE's < and <= do. */
#include "tf.h"

static int is_nan(const struct tf *a) {
  return (a->w[3] & 0x7fff0000u) == 0x7fff0000u && ((a->w[3] & 0xffffu) | a->w[2] | a->w[1] | a->w[0]);
}

static int is_snan(const struct tf *a) {
  return is_nan(a) && !(a->w[3] & 0x8000u);
}

/* -1, 0, 1 for ordered a, b (+0 equals -0). */
static int order(const struct tf *a, const struct tf *b) {
  int sa = (int)(a->w[3] >> 31), sb = (int)(b->w[3] >> 31), i, mag = 0;
  uint32_t ma[4], mb[4];
  for (i = 0; i < 4; i++) {
    ma[i] = a->w[i];
    mb[i] = b->w[i];
  }
  ma[3] &= 0x7fffffffu;
  mb[3] &= 0x7fffffffu;
  if (!(ma[0] | ma[1] | ma[2] | ma[3]) && !(mb[0] | mb[1] | mb[2] | mb[3])) return 0;
  if (sa != sb) return sa ? -1 : 1;
  mag = __u128_cmp(ma, mb);
  return sa ? -mag : mag;
}

/* Unordered: raises NV (for any NaN when signaling, else only for a signaling NaN) and returns 1. */
static int unordered(const struct tf *a, const struct tf *b, int signaling) {
  if (!is_nan(a) && !is_nan(b)) return 0;
  if (signaling || is_snan(a) || is_snan(b)) __fp_raise_flags(FPX_NV);
  return 1;
}

int __eqtf2(struct tf a, struct tf b) {
  if (unordered(&a, &b, 0)) return 1;
  return order(&a, &b) != 0;
}

int __netf2(struct tf a, struct tf b) {
  return __eqtf2(a, b);
}

int __lttf2(struct tf a, struct tf b) {
  if (unordered(&a, &b, 1)) return 2;
  return order(&a, &b);
}

int __letf2(struct tf a, struct tf b) {
  return __lttf2(a, b);
}

int __gttf2(struct tf a, struct tf b) {
  if (unordered(&a, &b, 1)) return -2;
  return order(&a, &b);
}

int __getf2(struct tf a, struct tf b) {
  return __gttf2(a, b);
}

int __unordtf2(struct tf a, struct tf b) {
  return unordered(&a, &b, 0);
}
