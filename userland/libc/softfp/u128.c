/* 128-bit unsigned helpers for the binary128 code (tf.h): four words, least significant first. */
#include "tf.h"

int __u128_clz(const uint32_t w[4]) {
  int i, n = 0;
  for (i = 3; i >= 0; i--) {
    uint32_t v = w[i];
    if (v == 0) {
      n += 32;
      continue;
    }
    while (!(v & 0x80000000u)) {
      v <<= 1;
      n++;
    }
    return n;
  }
  return n;
}

void __u128_shl(uint32_t w[4], int k) {
  int words = k >> 5, bits = k & 31, i;
  for (i = 3; i >= 0; i--) {
    uint32_t hi = i - words >= 0 ? w[i - words] : 0;
    uint32_t lo = i - words - 1 >= 0 ? w[i - words - 1] : 0;
    w[i] = bits ? (hi << bits) | (lo >> (32 - bits)) : hi;
  }
}

int __u128_shr_sticky(uint32_t w[4], int k) {
  int words, bits, i, sticky = 0;
  if (k <= 0) return 0;
  if (k >= 128) {
    sticky = (w[0] | w[1] | w[2] | w[3]) != 0;
    w[0] = w[1] = w[2] = w[3] = 0;
    return sticky;
  }
  words = k >> 5;
  bits = k & 31;
  for (i = 0; i < words; i++) sticky |= w[i] != 0;
  if (bits) sticky |= (w[words] & ((1u << bits) - 1)) != 0;
  for (i = 0; i < 4; i++) {
    uint32_t lo = i + words < 4 ? w[i + words] : 0;
    uint32_t hi = i + words + 1 < 4 ? w[i + words + 1] : 0;
    w[i] = bits ? (lo >> bits) | (hi << (32 - bits)) : lo;
  }
  return sticky;
}

int __u128_add(uint32_t r[4], const uint32_t a[4], const uint32_t b[4]) {
  uint32_t carry = 0;
  int i;
  for (i = 0; i < 4; i++) {
    uint32_t s = a[i] + b[i];
    uint32_t c1 = s < a[i];
    r[i] = s + carry;
    carry = c1 | (r[i] < s);
  }
  return (int)carry;
}

void __u128_sub(uint32_t r[4], const uint32_t a[4], const uint32_t b[4]) {
  uint32_t borrow = 0;
  int i;
  for (i = 0; i < 4; i++) {
    uint32_t d = a[i] - b[i];
    uint32_t b1 = a[i] < b[i];
    r[i] = d - borrow;
    borrow = b1 | (d < borrow);
  }
}

int __u128_cmp(const uint32_t a[4], const uint32_t b[4]) {
  int i;
  for (i = 3; i >= 0; i--) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}
