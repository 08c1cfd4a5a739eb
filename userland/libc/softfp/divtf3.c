/* __divtf3: binary128 division (libgcc's name) by restoring long division: 128 quotient bits, the
 * remainder's being nonzero as the sticky bit, then one rounding in __fp_pack. */
#include "tf.h"

struct tf __divtf3(struct tf a, struct tf b) {
  struct tfparts pa, pb;
  struct tf r;
  uint32_t rem[4], q[4] = {0, 0, 0, 0};
  int sign, i, e, overflow_bit;
  __tf_unpack(&a, &pa);
  __tf_unpack(&b, &pb);
  sign = pa.sign ^ pb.sign;
  if (pa.cls >= TF_QNAN || pb.cls >= TF_QNAN) {
    __fp_default_nan(&__fp_binary128, pa.cls == TF_SNAN || pb.cls == TF_SNAN, r.w);
    return r;
  }
  if ((pa.cls == TF_INF && pb.cls == TF_INF) || (pa.cls == TF_ZERO && pb.cls == TF_ZERO)) {
    __fp_default_nan(&__fp_binary128, 1, r.w); /* inf/inf and 0/0 are invalid */
    return r;
  }
  r.w[0] = r.w[1] = r.w[2] = 0;
  if (pa.cls == TF_INF || pb.cls == TF_ZERO) {
    if (pa.cls != TF_INF) __fp_raise_flags(FPX_DZ); /* finite / 0; inf / 0 is exact */
    r.w[3] = 0x7fff0000u | ((uint32_t)sign << 31);
    return r;
  }
  if (pa.cls == TF_ZERO || pb.cls == TF_INF) {
    r.w[3] = (uint32_t)sign << 31;
    return r;
  }
  /* sa/sb in (1/2, 2): start so the first quotient bit is 1 */
  e = pa.e - pb.e;
  for (i = 0; i < 4; i++) rem[i] = pa.sig[i];
  overflow_bit = 0;
  if (__u128_cmp(rem, pb.sig) < 0) {
    /* rem = 2 × sa: its top bit goes to overflow_bit (the 129th bit) */
    overflow_bit = (int)(rem[3] >> 31);
    __u128_shl(rem, 1);
    e -= 1;
  }
  for (i = 0; i < 128; i++) {
    if (i > 0) {
      overflow_bit = (int)(rem[3] >> 31);
      __u128_shl(rem, 1);
    }
    __u128_shl(q, 1);
    if (overflow_bit || __u128_cmp(rem, pb.sig) >= 0) {
      __u128_sub(rem, rem, pb.sig); /* wraps correctly when the 129th bit was set */
      q[0] |= 1;
    }
  }
  __fp_pack(&__fp_binary128, sign, e, q, (rem[0] | rem[1] | rem[2] | rem[3]) != 0, r.w);
  return r;
}
