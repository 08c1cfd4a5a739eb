/* tf.h: binary128 (long double) arithmetic in integer C, under libgcc's names (addtf3.c ...).
 * A long double is 16 bytes, so the RISC-V psABI passes it by reference and returns it through a hidden
 * pointer: a struct of four words travels the same way, so the helpers take and return struct tf. */
#ifndef _PAGODA_TF_H
#define _PAGODA_TF_H
#include "fpformat.h"

struct tf {
  uint32_t w[4]; /* least significant word first, as in memory */
};

/* A binary128 operand taken apart for arithmetic: class, sign, unbiased exponent and the significand
 * normalized with its leading one at bit 127 of sig (zero and specials aside). */
enum tfclass { TF_ZERO, TF_NORMAL, TF_INF, TF_QNAN, TF_SNAN };
struct tfparts {
  enum tfclass cls;
  int sign;
  int e;          /* value = sig / 2^127 × 2^e */
  uint32_t sig[4];
};

void __tf_unpack(const struct tf *a, struct tfparts *out);

/* Rounds sign × (sig / 2^127) × 2^e (sig's bit 127 set; sticky: nonzero bits below sig) to format f
 * in the current rounding mode; writes f->words words to out and raises the IEEE flags in fflags. */
void __fp_pack(const struct fpformat *f, int sign, int e, const uint32_t sig[4], int sticky, uint32_t *out);

/* The canonical quiet NaN of f (RISC-V: positive, only the quiet bit set), raising NV when the operand
 * was signaling. */
void __fp_default_nan(const struct fpformat *f, int signaling, uint32_t *out);

/* 128-bit helpers on 4-word numbers */
int __u128_clz(const uint32_t w[4]);            /* leading zeros, 128 for zero */
void __u128_shl(uint32_t w[4], int k);          /* w <<= k (k < 128) */
int __u128_shr_sticky(uint32_t w[4], int k);    /* w >>= k (any k >= 0); returns whether a one fell off */
int __u128_add(uint32_t r[4], const uint32_t a[4], const uint32_t b[4]); /* returns the carry out */
void __u128_sub(uint32_t r[4], const uint32_t a[4], const uint32_t b[4]); /* a >= b */
int __u128_cmp(const uint32_t a[4], const uint32_t b[4]);

#endif
