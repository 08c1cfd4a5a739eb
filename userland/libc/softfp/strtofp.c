/* __strtofp: the text-to-binary conversion behind strtod, strtof, strtold and scanf's %f, correctly
 * rounded for every input in the current rounding mode.
 *
 * The text denotes a rational A/B × 2^e: a decimal D × 10^q is D×10^q / 1 (q >= 0) or D / 10^-q, a hex
 * float is its hex digits × 2^(p - 4 × fraction digits). Long digit strings are cut after the format's
 * limit with one sticky digit standing for the rest: a halfway point or a representable value has fewer
 * significant digits than the limit (767 for binary64, 11563 for binary128), so the cut text rounds
 * exactly as the whole one. The significand's bits then come from long division of A by B, one bit per
 * step, and the remainder tells how the dropped part compares with half an ulp.
 * Results follow glibc: overflow gives ±inf (or the largest finite value when the mode rounds toward
 * it) with ERANGE; a result that is tiny after rounding and inexact gives ERANGE too. */
#include "fpformat.h"
#include "bigint.h"
#include <ctype.h>
#include <errno.h>
#include <stddef.h>

struct limits {
  int max_digits; /* significant digits kept before the sticky digit */
  int max10;      /* a value >= 10^max10 overflows */
  int min10;      /* a value < 10^min10 rounds to zero (or the least subnormal) */
};

static struct limits limits_of(const struct fpformat *f) {
  struct limits l;
  if (f->precision == 24) {
    l.max_digits = 150; l.max10 = 39; l.min10 = -46;
  } else if (f->precision == 53) {
    l.max_digits = 800; l.max10 = 309; l.min10 = -325;
  } else {
    l.max_digits = 11600; l.max10 = 4933; l.min10 = -4967;
  }
  return l;
}

/* Sets bits (f->words words) to the encoding: the sign, the biased exponent field and the fraction
 * given as a 128-bit number frac (already without the hidden bit, or with it added into the field). */
static void encode(const struct fpformat *f, int sign, const uint32_t frac[4], uint32_t *bits) {
  int i;
  for (i = 0; i < f->words; i++) bits[i] = frac[i];
  if (sign) bits[f->words - 1] |= 0x80000000u;
}

/* The encoding of the field value `field` (exponent) with a zero fraction, or the all-ones fraction. */
static void encode_field(const struct fpformat *f, int sign, uint32_t field, int ones, uint32_t *bits) {
  uint32_t w[4] = {0, 0, 0, 0};
  int fracbits = f->precision - 1, i;
  int top = f->words - 1, shift = fracbits - 32 * top;
  if (ones) {
    for (i = 0; i < top; i++) w[i] = 0xffffffffu;
    w[top] = (1u << shift) - 1;
  }
  w[top] |= field << shift;
  encode(f, sign, w, bits);
}

/* Overflow: ±inf, or ±the largest finite value when the mode rounds toward zero from this side. */
static int overflow(const struct fpformat *f, int sign, int mode, uint32_t *bits) {
  uint32_t emax = (1u << f->expbits) - 1;
  int to_inf = mode == RND_NEAREST_EVEN || mode == RND_NEAREST_AWAY || (mode == RND_UP && !sign) ||
               (mode == RND_DOWN && sign);
  if (to_inf) encode_field(f, sign, emax, 0, bits);
  else encode_field(f, sign, emax - 1, 1, bits);
  return ERANGE;
}

/* Underflow below half the least subnormal: ±0, or the least subnormal when rounding away. */
static int underflow(const struct fpformat *f, int sign, int mode, uint32_t *bits) {
  uint32_t w[4] = {0, 0, 0, 0};
  if (__fp_round_up(mode, sign, 0, -1, 1)) w[0] = 1;
  encode(f, sign, w, bits);
  return ERANGE;
}

/* Adds v into the 128-bit number w at bit 0. */
static void add128(uint32_t w[4], uint32_t v) {
  int i;
  for (i = 0; i < 4 && v; i++) {
    w[i] += v;
    v = w[i] < v;
  }
}

static void shl128(uint32_t w[4]) {
  int i;
  for (i = 3; i > 0; i--) w[i] = (w[i] << 1) | (w[i - 1] >> 31);
  w[0] <<= 1;
}

/* Rounds A/B × 2^e2 (A > 0; A and B are consumed) to format f; returns 0 or ERANGE. */
static int round_quotient(struct big *a, struct big *b, long e2, const struct fpformat *f, int sign,
                          int mode, uint32_t *bits) {
  int p = f->precision;
  int bias = (1 << (f->expbits - 1)) - 1, emin = 1 - bias;
  int shift = __big_bits(a) - __big_bits(b);
  long t;
  int m, i, guard = 0, half, nonzero, up, rem_vs_half, range = 0;
  uint32_t mant[4] = {0, 0, 0, 0};
  if (shift >= 0) __big_shl(b, shift);
  else __big_shl(a, -shift);
  t = e2 + shift;
  if (__big_cmp(a, b) < 0) {
    __big_shl(a, 1);
    t--;
  }
  /* now 1 <= A/B < 2: the value is 1.xxx × 2^t */
  if (t > bias) return overflow(f, sign, mode, bits);
  m = t >= emin ? p : p - (int)(emin - t); /* significant bits the result keeps */
  if (m < 0) return underflow(f, sign, mode, bits);
  /* m bits, then a guard bit; the remainder A (< B) is what lies below */
  for (i = 0; i <= m; i++) {
    int bit;
    if (i > 0) __big_shl(a, 1);
    bit = __big_cmp(a, b) >= 0;
    if (bit) __big_sub(a, b);
    if (i < m) {
      shl128(mant);
      mant[0] |= (uint32_t)bit;
    } else {
      guard = bit;
    }
  }
  nonzero = guard || a->n != 0;
  half = guard ? (a->n != 0 ? 1 : 0) : -1;
  up = __fp_round_up(mode, sign, (int)(mant[0] & 1), half, nonzero);
  if (t < emin && nonzero) {
    /* tiny after rounding unless rounding the value to full precision reaches 2^emin */
    int tiny = 1;
    if (m == p - 1) {
      int ones = 1;
      uint32_t want = 0;
      /* the p-bit rounding carries only when the m kept bits and the guard are all ones */
      for (i = 0; i < 4; i++) {
        int bitsin = m - 32 * i;
        want = bitsin >= 32 ? 0xffffffffu : (bitsin > 0 ? (1u << bitsin) - 1 : 0);
        if (mant[i] != want) ones = 0;
      }
      __big_shl(a, 1);
      rem_vs_half = __big_cmp(a, b);
      if (ones && guard && __fp_round_up(mode, sign, 1, rem_vs_half, a->n != 0)) tiny = 0;
    }
    if (tiny) range = ERANGE;
  }
  if (up) add128(mant, 1);
  if (t >= emin) {
    /* normal: the hidden bit (bit p-1 of mant) adds one to the field, so field + mant encodes it
     * and a carry out of the significand moves into the exponent by itself */
    uint32_t field = (uint32_t)(t + bias - 1);
    int top = f->words - 1, fshift = p - 1 - 32 * top;
    uint32_t old = mant[top];
    mant[top] += field << fshift;
    if (((mant[top] >> fshift) & ((1u << f->expbits) - 1)) == (1u << f->expbits) - 1 ||
        mant[top] < old)
      return overflow(f, sign, mode, bits);
  }
  encode(f, sign, mant, bits);
  return range;
}

static int match_word(const char *s, const char *word) {
  int i;
  for (i = 0; word[i]; i++) {
    if (tolower((unsigned char)s[i]) != word[i]) return 0;
  }
  return 1;
}

static int hex_value(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  c |= 32;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/* inf, infinity, nan, nan(chars): returns the characters used, 0 when s is not one of them. */
static int parse_special(const char *s, const struct fpformat *f, int sign, uint32_t *bits) {
  uint32_t emax = (1u << f->expbits) - 1;
  if (match_word(s, "inf")) {
    encode_field(f, sign, emax, 0, bits);
    return match_word(s + 3, "inity") ? 8 : 3;
  }
  if (match_word(s, "nan")) {
    uint32_t payload[4] = {0, 0, 0, 0};
    int used = 3, fracbits = f->precision - 1, i;
    if (s[3] == '(') {
      const char *p = s + 4;
      while (isalnum((unsigned char)*p) || *p == '_') p++;
      if (*p == ')') {
        /* glibc reads the chars as an integer payload (base as in strtoull with base 0) */
        const char *q = s + 4;
        int base = 10, ok = q < p;
        if (*q == '0') {
          base = 8;
          if ((q[1] | 32) == 'x' && q + 2 < p) {
            base = 16;
            q += 2;
          }
        }
        for (; ok && q < p; q++) {
          int d = hex_value((unsigned char)*q);
          if (d < 0 || d >= base) ok = 0;
          else {
            { /* payload = payload × base + d over 128 bits */
              uint32_t carry = (uint32_t)d;
              for (i = 0; i < 4; i++) {
                uint64_t v = (uint64_t)payload[i] * (uint32_t)base + carry;
                payload[i] = (uint32_t)v;
                carry = (uint32_t)(v >> 32);
              }
            }
          }
        }
        if (!ok) for (i = 0; i < 4; i++) payload[i] = 0;
        used = (int)(p + 1 - s);
      }
    }
    encode_field(f, sign, emax, 0, bits);
    /* the payload fills the fraction below the quiet bit */
    for (i = 0; i < f->words; i++) {
      int bit0 = 32 * i;
      uint32_t mask = bit0 + 32 <= fracbits - 1 ? 0xffffffffu
                      : (bit0 < fracbits - 1 ? (1u << (fracbits - 1 - bit0)) - 1 : 0);
      bits[i] |= payload[i] & mask;
    }
    bits[(fracbits - 1) >> 5] |= 1u << ((fracbits - 1) & 31); /* quiet */
    return used;
  }
  return 0;
}

/* Reads a decimal exponent after e/p: returns the characters used (0 when there is no valid one)
 * and the value, saturated far beyond any format's range. */
static int parse_exponent(const char *s, long *out) {
  const char *p = s + 1;
  int neg = 0;
  long v = 0;
  if (*p == '+' || *p == '-') neg = *p++ == '-';
  if (!isdigit((unsigned char)*p)) return 0;
  while (isdigit((unsigned char)*p)) {
    if (v < 100000000) v = v * 10 + (*p - '0');
    p++;
  }
  *out = neg ? -v : v;
  return (int)(p - s);
}

static int convert_hex(const char *s, const char **end, const struct fpformat *f, int sign, int mode,
                       uint32_t *bits) {
  struct big a, b;
  const char *p = s;
  long e2 = 0;
  int ndig = 0, sticky = 0, seen = 0, point = 0;
  __big_set(&a, 0);
  for (;; p++) {
    int d = hex_value((unsigned char)*p);
    if (*p == '.' && !point) {
      point = 1;
      continue;
    }
    if (d < 0) break;
    seen = 1;
    if (ndig == 0 && d == 0) {
      if (point) e2 -= 4;
    } else if (ndig < 30) { /* 120 bits: more than binary128's 113 and a guard */
      __big_mul_add(&a, 16, (uint32_t)d);
      ndig++;
      if (point) e2 -= 4;
    } else {
      sticky |= d != 0;
      if (!point) e2 += 4;
    }
  }
  if (!seen) return -1;
  if (*p == 'p' || *p == 'P') {
    long x;
    int used = parse_exponent(p, &x);
    if (used) {
      e2 += x;
      p += used;
    }
  }
  *end = p;
  if (a.n == 0) {
    uint32_t zero[4] = {0, 0, 0, 0};
    encode(f, sign, zero, bits);
    return 0;
  }
  if (sticky) {
    __big_mul_add(&a, 2, 1);
    e2 -= 1;
  }
  __big_set(&b, 1);
  return round_quotient(&a, &b, e2, f, sign, mode, bits);
}

static int convert_decimal(const char *s, const char **end, const struct fpformat *f, int sign, int mode,
                           uint32_t *bits) {
  struct big a, b;
  struct limits lim = limits_of(f);
  const char *p = s;
  long q = 0;
  int nd = 0, sticky = 0, seen = 0, point = 0, chunk_digits = 0;
  uint32_t chunk = 0;
  __big_set(&a, 0);
  for (;; p++) {
    int d = *p - '0';
    if (*p == '.' && !point) {
      point = 1;
      continue;
    }
    if (d < 0 || d > 9) break;
    seen = 1;
    if (nd == 0 && d == 0) {
      if (point) q--;
    } else if (nd < lim.max_digits) {
      chunk = chunk * 10 + (uint32_t)d;
      if (++chunk_digits == 9) {
        __big_mul_add(&a, 1000000000u, chunk);
        chunk = 0;
        chunk_digits = 0;
      }
      nd++;
      if (point) q--;
    } else {
      sticky |= d != 0;
      if (!point) q++;
    }
  }
  if (!seen) return -1;
  if ((*p | 32) == 'e') {
    long x;
    int used = parse_exponent(p, &x);
    if (used) {
      q += x;
      p += used;
    }
  }
  *end = p;
  if (nd == 0) {
    uint32_t zero[4] = {0, 0, 0, 0};
    encode(f, sign, zero, bits);
    return 0;
  }
  if (chunk_digits) {
    static const uint32_t pow10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    __big_mul_add(&a, pow10[chunk_digits], chunk);
  }
  if (sticky) {
    __big_mul_add(&a, 10, 1);
    nd++;
    q--;
  }
  /* D has nd digits, so 10^(nd-1+q) <= value < 10^(nd+q) */
  if (nd - 1 + q >= lim.max10) return overflow(f, sign, mode, bits);
  if (nd + q <= lim.min10) return underflow(f, sign, mode, bits);
  __big_set(&b, 1);
  if (q >= 0) __big_mul_pow10(&a, (int)q);
  else __big_mul_pow10(&b, (int)-q);
  return round_quotient(&a, &b, 0, f, sign, mode, bits);
}

int __strtofp(const char *s, char **end, const struct fpformat *f, uint32_t *bits) {
  const char *p = s, *stop = s;
  int sign = 0, mode = __fp_rounding_mode(), used, r;
  uint32_t zero[4] = {0, 0, 0, 0};
  while (isspace((unsigned char)*p)) p++;
  if (*p == '+' || *p == '-') sign = *p++ == '-';
  encode(f, sign, zero, bits);
  r = 0;
  if ((used = parse_special(p, f, sign, bits)) > 0) {
    stop = p + used;
  } else if (p[0] == '0' && (p[1] | 32) == 'x' &&
             (hex_value((unsigned char)p[2]) >= 0 || (p[2] == '.' && hex_value((unsigned char)p[3]) >= 0))) {
    r = convert_hex(p + 2, &stop, f, sign, mode, bits);
  } else {
    r = convert_decimal(p, &stop, f, sign, mode, bits);
    if (r < 0) { /* no digits: nothing converted */
      r = 0;
      stop = s;
      encode(f, 0, zero, bits);
    }
  }
  if (end) *end = (char *)stop;
  return r;
}
