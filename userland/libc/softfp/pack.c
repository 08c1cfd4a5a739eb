/* Unpacking binary128 operands and rounding results into binary32/64/128 (tf.h): the one place where
 * the binary128 helpers round, so every operation rounds alike in the current mode, with IEEE flags.
 * Tininess is detected after rounding, as RISC-V specifies. */
#include "tf.h"

void __tf_unpack(const struct tf *a, struct tfparts *out) {
  struct fpparts p;
  int i;
  __fp_unpack(&__fp_binary128, a->w, &p);
  out->sign = p.sign;
  for (i = 0; i < 4; i++) out->sig[i] = p.mant[i];
  if (p.kind == FP_INF) {
    out->cls = TF_INF;
  } else if (p.kind == FP_NAN) {
    out->cls = (a->w[3] >> 15) & 1 ? TF_QNAN : TF_SNAN;
  } else if ((p.mant[0] | p.mant[1] | p.mant[2] | p.mant[3]) == 0) {
    out->cls = TF_ZERO;
  } else {
    int z = __u128_clz(out->sig);
    out->cls = TF_NORMAL;
    __u128_shl(out->sig, z);
    out->e = p.e2 + 127 - z; /* mant × 2^e2 = (sig / 2^127) × 2^(e2 + 127 - z) */
  }
}

void __fp_default_nan(const struct fpformat *f, int signaling, uint32_t *out) {
  int i, fracbits = f->precision - 1, top = f->words - 1;
  uint32_t emax = (1u << f->expbits) - 1;
  for (i = 0; i < f->words; i++) out[i] = 0;
  out[top] = emax << (fracbits - 32 * top);
  out[(fracbits - 1) >> 5] |= 1u << ((fracbits - 1) & 31);
  if (signaling) __fp_raise_flags(FPX_NV);
}

/* Adds field × 2^(p-1) into out (the biased exponent above the fraction). */
static void add_field(const struct fpformat *f, uint32_t *out, uint32_t field) {
  int top = f->words - 1;
  out[top] += field << (f->precision - 1 - 32 * top);
}

static void encode_overflow(const struct fpformat *f, int sign, int mode, uint32_t *out) {
  int i, top = f->words - 1, fracshift = f->precision - 1 - 32 * top;
  uint32_t emax = (1u << f->expbits) - 1;
  int to_inf = mode == RND_NEAREST_EVEN || mode == RND_NEAREST_AWAY || (mode == RND_UP && !sign) ||
               (mode == RND_DOWN && sign);
  for (i = 0; i < f->words; i++) out[i] = to_inf ? 0 : 0xffffffffu;
  if (!to_inf) out[top] = (1u << fracshift) - 1;
  out[top] |= (to_inf ? emax : emax - 1) << fracshift;
  if (sign) out[top] |= 0x80000000u;
  __fp_raise_flags(FPX_OF | FPX_NX);
}

void __fp_pack(const struct fpformat *f, int sign, int e, const uint32_t sig[4], int sticky, uint32_t *out) {
  int p = f->precision, mode = __fp_rounding_mode();
  int bias = (1 << (f->expbits - 1)) - 1, emin = 1 - bias;
  int keep, half, nonzero, up, tiny = 0, i, flags = 0;
  uint32_t kept[4], low[4];
  if (e > bias) {
    encode_overflow(f, sign, mode, out);
    return;
  }
  keep = e >= emin ? p : p - (emin - e); /* bits of sig the result keeps */
  for (i = 0; i < 4; i++) kept[i] = low[i] = sig[i];
  if (keep <= 0) {
    /* all of sig is dropped: it is exactly half a unit when keep == 0 and nothing else is set */
    int rest = keep == 0 ? (sig[3] & 0x7fffffffu) || sig[2] || sig[1] || sig[0] || sticky : 1;
    half = keep == 0 ? (rest ? 1 : 0) : -1;
    for (i = 0; i < 4; i++) kept[i] = 0;
    nonzero = 1;
    tiny = 1;
  } else {
    int drop = 128 - keep, guard;
    __u128_shr_sticky(kept, drop); /* kept = the top `keep` bits */
    /* low = the dropped bits, shifted up to the top of the word array */
    __u128_shl(low, keep);
    guard = (int)(low[3] >> 31);
    low[3] &= 0x7fffffffu;
    nonzero = guard || low[0] || low[1] || low[2] || low[3] || sticky;
    half = guard ? ((low[0] | low[1] | low[2] | low[3]) || sticky ? 1 : 0) : -1;
    if (e < emin) {
      tiny = 1;
      if (keep == p - 1 && guard) {
        /* tiny after rounding unless rounding to p bits (the kept ones and the guard) reaches 2^emin */
        int all_ones = 1, g2, rest;
        for (i = 0; i < 4; i++) {
          int bitsin = keep - 32 * i;
          uint32_t want = bitsin >= 32 ? 0xffffffffu : (bitsin > 0 ? (1u << bitsin) - 1 : 0);
          if (kept[i] != want) all_ones = 0;
        }
        __u128_shl(low, 1); /* the bit after the guard now leads */
        g2 = (int)(low[3] >> 31);
        low[3] &= 0x7fffffffu;
        rest = (low[0] | low[1] | low[2] | low[3]) || sticky;
        if (all_ones && __fp_round_up(mode, sign, 1, g2 ? (rest ? 1 : 0) : -1, g2 || rest)) tiny = 0;
      }
    }
  }
  up = __fp_round_up(mode, sign, (int)(kept[0] & 1), half, nonzero);
  if (up) {
    for (i = 0; i < 4 && ++kept[i] == 0; i++) {}
  }
  for (i = 0; i < f->words; i++) out[i] = kept[i];
  if (e >= emin) {
    add_field(f, out, (uint32_t)(e + bias - 1)); /* the hidden bit adds the last one */
    if (((out[f->words - 1] >> (p - 1 - 32 * (f->words - 1))) & ((1u << f->expbits) - 1)) ==
        (1u << f->expbits) - 1) {
      encode_overflow(f, sign, mode, out);
      return;
    }
  }
  if (sign) out[f->words - 1] |= 0x80000000u;
  if (nonzero) flags |= FPX_NX;
  if (nonzero && tiny) flags |= FPX_UF;
  if (flags) __fp_raise_flags(flags);
}
