/* Big unsigned integers (bigint.h): schoolbook operations, each linear in the words used. */
#include "bigint.h"

static void trim(struct big *a) {
  while (a->n > 0 && a->w[a->n - 1] == 0) a->n--;
}

void __big_set(struct big *a, uint32_t v) {
  a->w[0] = v;
  a->n = v != 0;
}

void __big_mul_add(struct big *a, uint32_t mul, uint32_t add) {
  uint32_t carry = add;
  int i;
  for (i = 0; i < a->n; i++) {
    uint64_t t = (uint64_t)a->w[i] * mul + carry;
    a->w[i] = (uint32_t)t;
    carry = (uint32_t)(t >> 32);
  }
  if (carry) a->w[a->n++] = carry;
}

void __big_mul_pow10(struct big *a, int k) {
  static const uint32_t pow10[10] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
                                     1000000000};
  for (; k >= 9; k -= 9) __big_mul_add(a, pow10[9], 0);
  if (k > 0) __big_mul_add(a, pow10[k], 0);
}

void __big_shl(struct big *a, int k) {
  int words = k >> 5, bits = k & 31, i;
  if (a->n == 0) return;
  if (bits) {
    uint32_t carry = 0;
    for (i = 0; i < a->n; i++) {
      uint32_t v = a->w[i];
      a->w[i] = (v << bits) | carry;
      carry = v >> (32 - bits);
    }
    if (carry) a->w[a->n++] = carry;
  }
  if (words) {
    for (i = a->n - 1; i >= 0; i--) a->w[i + words] = a->w[i];
    for (i = 0; i < words; i++) a->w[i] = 0;
    a->n += words;
  }
}

void __big_sub(struct big *a, const struct big *b) {
  uint32_t borrow = 0;
  int i;
  for (i = 0; i < a->n; i++) {
    uint32_t bw = i < b->n ? b->w[i] : 0;
    uint32_t v = a->w[i];
    uint32_t d = v - bw - borrow;
    borrow = (v < bw) || (v - bw < borrow);
    a->w[i] = d;
    if (i >= b->n && !borrow) break;
  }
  trim(a);
}

int __big_cmp(const struct big *a, const struct big *b) {
  int i;
  if (a->n != b->n) return a->n < b->n ? -1 : 1;
  for (i = a->n - 1; i >= 0; i--) {
    if (a->w[i] != b->w[i]) return a->w[i] < b->w[i] ? -1 : 1;
  }
  return 0;
}

int __big_bits(const struct big *a) {
  uint32_t top;
  int bits;
  if (a->n == 0) return 0;
  top = a->w[a->n - 1];
  bits = 32 * (a->n - 1);
  while (top) {
    bits++;
    top >>= 1;
  }
  return bits;
}
