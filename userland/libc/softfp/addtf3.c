/* __addtf3, __subtf3, __negtf2: binary128 addition, subtraction and negation (libgcc's names).
 * The smaller operand is aligned to the larger with its shifted-out bits kept as a sticky bit; the
 * significands sit 3 bits below the top of 128 so that a carry has room, and a cancellation of more than
 * one bit only happens when the shift was at most one bit (nothing went into the sticky bit), so the
 * normalized result is exact before __fp_pack rounds it once. */
#include "tf.h"

static struct tf special_nan(const struct tfparts *a, const struct tfparts *b) {
  struct tf r;
  __fp_default_nan(&__fp_binary128, a->cls == TF_SNAN || b->cls == TF_SNAN, r.w);
  return r;
}

static struct tf add_parts(struct tfparts *a, struct tfparts *b, int bsign) {
  struct tf r;
  uint32_t sum[4];
  int sticky, e, z;
  b->sign = bsign;
  if (a->cls >= TF_QNAN || b->cls >= TF_QNAN) return special_nan(a, b);
  if (a->cls == TF_INF || b->cls == TF_INF) {
    if (a->cls == TF_INF && b->cls == TF_INF && a->sign != b->sign) {
      __fp_default_nan(&__fp_binary128, 1, r.w); /* inf - inf is invalid */
      return r;
    }
    r.w[0] = r.w[1] = r.w[2] = 0;
    r.w[3] = 0x7fff0000u | ((uint32_t)(a->cls == TF_INF ? a->sign : b->sign) << 31);
    return r;
  }
  if (a->cls == TF_ZERO && b->cls == TF_ZERO) {
    int s = a->sign == b->sign ? a->sign : __fp_rounding_mode() == RND_DOWN;
    r.w[0] = r.w[1] = r.w[2] = 0;
    r.w[3] = (uint32_t)s << 31;
    return r;
  }
  if (b->cls == TF_ZERO || (a->cls != TF_ZERO && a->e > b->e) ||
      (a->cls != TF_ZERO && a->e == b->e && __u128_cmp(a->sig, b->sig) >= 0)) {
    /* a has the larger magnitude */
  } else {
    struct tfparts t = *a;
    *a = *b;
    *b = t;
  }
  if (b->cls == TF_ZERO) {
    /* exact: a itself, packed (it cannot round) */
    __fp_pack(&__fp_binary128, a->sign, a->e, a->sig, 0, r.w);
    return r;
  }
  __u128_shr_sticky(a->sig, 3);
  sticky = __u128_shr_sticky(b->sig, 3 + (a->e - b->e));
  e = a->e;
  if (a->sign == b->sign) {
    __u128_add(sum, a->sig, b->sig);
  } else {
    __u128_sub(sum, a->sig, b->sig);
    if (sticky) { /* the true b was a little larger: borrow one unit and keep the sticky bit set */
      uint32_t one[4] = {1, 0, 0, 0};
      __u128_sub(sum, sum, one);
    }
    if ((sum[0] | sum[1] | sum[2] | sum[3]) == 0) { /* x - x: +0, or -0 when rounding down */
      r.w[0] = r.w[1] = r.w[2] = 0;
      r.w[3] = (uint32_t)(__fp_rounding_mode() == RND_DOWN) << 31;
      return r;
    }
  }
  z = __u128_clz(sum);
  /* the leading one was at bit 124 (+1 with a carry); move it to bit 127 */
  __u128_shl(sum, z);
  e += 3 - z;
  __fp_pack(&__fp_binary128, a->sign, e, sum, sticky, r.w);
  return r;
}

struct tf __addtf3(struct tf a, struct tf b) {
  struct tfparts pa, pb;
  __tf_unpack(&a, &pa);
  __tf_unpack(&b, &pb);
  return add_parts(&pa, &pb, pb.sign);
}

struct tf __subtf3(struct tf a, struct tf b) {
  struct tfparts pa, pb;
  __tf_unpack(&a, &pa);
  __tf_unpack(&b, &pb);
  return add_parts(&pa, &pb, !pb.sign);
}

struct tf __negtf2(struct tf a) {
  a.w[3] ^= 0x80000000u;
  return a;
}
