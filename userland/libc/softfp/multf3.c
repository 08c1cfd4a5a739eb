/* __multf3: binary128 multiplication (libgcc's name). The 256-bit product of the two significands is
 * exact; its top 128 bits, normalized, go to __fp_pack with the rest as the sticky bit. */
#include "tf.h"

struct tf __multf3(struct tf a, struct tf b) {
  struct tfparts pa, pb;
  struct tf r;
  uint32_t prod[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  uint32_t top[4];
  int sign, i, j, sticky, e;
  __tf_unpack(&a, &pa);
  __tf_unpack(&b, &pb);
  sign = pa.sign ^ pb.sign;
  if (pa.cls >= TF_QNAN || pb.cls >= TF_QNAN) {
    __fp_default_nan(&__fp_binary128, pa.cls == TF_SNAN || pb.cls == TF_SNAN, r.w);
    return r;
  }
  if (pa.cls == TF_INF || pb.cls == TF_INF) {
    if (pa.cls == TF_ZERO || pb.cls == TF_ZERO) {
      __fp_default_nan(&__fp_binary128, 1, r.w); /* 0 × inf is invalid */
      return r;
    }
    r.w[0] = r.w[1] = r.w[2] = 0;
    r.w[3] = 0x7fff0000u | ((uint32_t)sign << 31);
    return r;
  }
  if (pa.cls == TF_ZERO || pb.cls == TF_ZERO) {
    r.w[0] = r.w[1] = r.w[2] = 0;
    r.w[3] = (uint32_t)sign << 31;
    return r;
  }
  for (i = 0; i < 4; i++) {
    uint32_t carry = 0;
    for (j = 0; j < 4; j++) {
      uint64_t t = (uint64_t)pa.sig[i] * pb.sig[j] + prod[i + j] + carry;
      prod[i + j] = (uint32_t)t;
      carry = (uint32_t)(t >> 32);
    }
    prod[i + 4] = carry;
  }
  /* (sa/2^127)(sb/2^127) = prod/2^254, in [1, 4): the leading one is at bit 254 or 255 */
  e = pa.e + pb.e;
  if (!(prod[7] & 0x80000000u)) {
    uint32_t carry = 0;
    for (i = 0; i < 8; i++) { /* shift left one bit */
      uint32_t v = prod[i];
      prod[i] = (v << 1) | carry;
      carry = v >> 31;
    }
  } else {
    e += 1;
  }
  for (i = 0; i < 4; i++) top[i] = prod[i + 4];
  sticky = (prod[0] | prod[1] | prod[2] | prod[3]) != 0;
  __fp_pack(&__fp_binary128, sign, e, top, sticky, r.w);
  return r;
}
