/* The three IEEE formats the libc converts, and taking an encoding apart (fpformat.h). */
#include "fpformat.h"

const struct fpformat __fp_binary32 = {24, 8, 1};
const struct fpformat __fp_binary64 = {53, 11, 2};
const struct fpformat __fp_binary128 = {113, 15, 4};

void __fp_unpack(const struct fpformat *f, const uint32_t *bits, struct fpparts *out) {
  int fracbits = f->precision - 1;
  int top = f->words - 1;
  int expshift = fracbits - 32 * top; /* where the exponent field starts in the top word */
  uint32_t emax = (1u << f->expbits) - 1;
  uint32_t biased = (bits[top] >> expshift) & emax;
  int bias = (int)(emax >> 1);
  int nonzero = 0;
  int i;
  for (i = 0; i < 4; i++) out->mant[i] = i < f->words ? bits[i] : 0;
  out->mant[top] &= (1u << expshift) - 1; /* expshift < 32 in every format */
  for (i = 0; i < f->words; i++) nonzero |= out->mant[i] != 0;
  out->sign = (int)(bits[top] >> 31);
  if (biased == emax) {
    out->kind = nonzero ? FP_NAN : FP_INF;
    out->e2 = 0;
    return;
  }
  out->kind = FP_FINITE;
  if (biased == 0) {
    out->e2 = 1 - bias - fracbits; /* subnormal or zero: no hidden bit */
  } else {
    out->mant[top] |= 1u << expshift;
    out->e2 = (int)biased - bias - fracbits;
  }
}

int __fp_round_up(int mode, int sign, int lsb, int half_cmp, int dropped_nonzero) {
  if (!dropped_nonzero) return 0;
  switch (mode) {
  case RND_ZERO: return 0;
  case RND_DOWN: return sign;
  case RND_UP: return !sign;
  case RND_NEAREST_AWAY: return half_cmp >= 0;
  default: return half_cmp > 0 || (half_cmp == 0 && lsb);
  }
}
