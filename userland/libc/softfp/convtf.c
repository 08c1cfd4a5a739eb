/* __extendsftf2 __extenddftf2 __trunctfsf2 __trunctfdf2: between binary128 and float/double. Widening is
 * exact and keeps a NaN's sign and payload (made quiet); narrowing rounds once (__fp_pack) and gives the
 * canonical NaN, as libgcc does; a signaling NaN raises NV either way. The float and double sides travel in f registers under ILP32D, so only these
 * thin entry points need the compiler's floating types; the work is on bits. */
#include "tf.h"
#include <string.h>

/* Widens the encoding bits of format f (binary32/64) to binary128. */
static struct tf widen(const struct fpformat *f, const uint32_t *bits) {
  struct fpparts p;
  struct tf r;
  int z;
  __fp_unpack(f, bits, &p);
  r.w[0] = r.w[1] = r.w[2] = 0;
  if (p.kind == FP_NAN) {
    /* keeps the sign and the payload, made quiet (as libgcc does) */
    int quiet_bit = f->precision - 2;
    if (!((bits[quiet_bit >> 5] >> (quiet_bit & 31)) & 1)) __fp_raise_flags(FPX_NV);
    __u128_shl(p.mant, 113 - f->precision);
    for (quiet_bit = 0; quiet_bit < 4; quiet_bit++) r.w[quiet_bit] = p.mant[quiet_bit];
    r.w[3] |= 0x7fff8000u | ((uint32_t)p.sign << 31);
    return r;
  }
  if (p.kind == FP_INF) {
    r.w[3] = 0x7fff0000u | ((uint32_t)p.sign << 31);
    return r;
  }
  if ((p.mant[0] | p.mant[1]) == 0) {
    r.w[3] = (uint32_t)p.sign << 31;
    return r;
  }
  z = __u128_clz(p.mant);
  __u128_shl(p.mant, z);
  __fp_pack(&__fp_binary128, p.sign, p.e2 + 127 - z, p.mant, 0, r.w);
  return r;
}

/* Narrows a to format f (binary32/64), writing f->words words to out. */
static void narrow(const struct tf *a, const struct fpformat *f, uint32_t *out) {
  struct tfparts p;
  int i;
  __tf_unpack(a, &p);
  for (i = 0; i < f->words; i++) out[i] = 0;
  if (p.cls == TF_QNAN || p.cls == TF_SNAN) {
    __fp_default_nan(f, p.cls == TF_SNAN, out);
  } else if (p.cls == TF_INF) {
    out[f->words - 1] = ((1u << f->expbits) - 1) << (f->precision - 1 - 32 * (f->words - 1));
    out[f->words - 1] |= (uint32_t)p.sign << 31;
  } else if (p.cls == TF_ZERO) {
    out[f->words - 1] = (uint32_t)p.sign << 31;
  } else {
    __fp_pack(f, p.sign, p.e, p.sig, 0, out);
  }
}

#if !(defined(__pagoda_cc__) && defined(__riscv_float_abi_soft))
struct tf __extendsftf2(float x) {
  uint32_t bits[1];
  memcpy(bits, &x, sizeof bits);
  return widen(&__fp_binary32, bits);
}

struct tf __extenddftf2(double x) {
  uint32_t bits[2];
  memcpy(bits, &x, sizeof bits);
  return widen(&__fp_binary64, bits);
}

float __trunctfsf2(struct tf a) {
  uint32_t bits[1];
  float x;
  narrow(&a, &__fp_binary32, bits);
  memcpy(&x, bits, sizeof x);
  return x;
}

double __trunctfdf2(struct tf a) {
  uint32_t bits[2];
  double x;
  narrow(&a, &__fp_binary64, bits);
  memcpy(&x, bits, sizeof x);
  return x;
}
#endif
