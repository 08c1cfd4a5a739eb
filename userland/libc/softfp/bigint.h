/* bigint.h: unsigned big integers for exact decimal-to-binary conversion (strtofp.c): little-endian
 * 32-bit words, sized for binary128's extremes (10^16600 and 11600 significant digits, shifted). */
#ifndef _PAGODA_BIGINT_H
#define _PAGODA_BIGINT_H
#include <stdint.h>

#define BIG_WORDS 1800

struct big {
  int n; /* words in use; w[n-1] != 0 unless n == 0 (zero) */
  uint32_t w[BIG_WORDS];
};

/* a = v */
void __big_set(struct big *a, uint32_t v);
/* a = a × mul + add (mul, add < 2^32) */
void __big_mul_add(struct big *a, uint32_t mul, uint32_t add);
/* a = a × 10^k */
void __big_mul_pow10(struct big *a, int k);
/* a <<= k bits */
void __big_shl(struct big *a, int k);
/* a -= b; requires a >= b */
void __big_sub(struct big *a, const struct big *b);
/* -1, 0 or 1 as a <, ==, > b */
int __big_cmp(const struct big *a, const struct big *b);
/* the number of significant bits of a (0 for zero) */
int __big_bits(const struct big *a);

#endif
