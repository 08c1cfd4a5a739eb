/* __format_float: printf's floating conversions %f %F %e %E %g %G %a %A for binary64 and binary128
 * values given as bit patterns, as glibc prints them: exact decimal digits (softfp/decimal.c) rounded
 * once at the requested place in the current rounding mode, so any precision is correctly rounded;
 * "inf"/"nan" with the sign of the value (glibc prints "-nan" for a NaN whose sign bit is set), the
 * 0 flag ignored for them; %a with a normalized leading 1 (0 for subnormals, at the minimum exponent),
 * trailing zeros dropped when no precision is given, rounding that may carry the leading digit to 2. */
#include "stdio_impl.h"
#include "../softfp/fpformat.h"
#include <string.h>

/* The decimal digits of a finite value and where its point is (value = 0.d1..dn × 10^point). */
struct digits {
  char d[__DECIMAL_MAX_DIGITS];
  int n;
  int point;
};

static void emit(struct sink *s, const char *p, size_t n) {
  if (n) s->put(s, p, n);
  s->count += n;
}

static void repeat(struct sink *s, char c, int n) {
  char block[32];
  memset(block, c, sizeof block);
  while (n > 0) {
    int k = n < 32 ? n : 32;
    emit(s, block, (size_t)k);
    n -= k;
  }
}

/* Emits the digits at positions [from, from + count) of d (zeros outside the significant ones). */
static void emit_digits(struct sink *s, const struct digits *g, int from, int count) {
  if (count <= 0) return;
  if (from < 0) {
    int z = -from < count ? -from : count;
    repeat(s, '0', z);
    from += z;
    count -= z;
  }
  if (from < g->n && count > 0) {
    int k = g->n - from < count ? g->n - from : count;
    emit(s, g->d + from, (size_t)k);
    count -= k;
  }
  repeat(s, '0', count);
}

/* Rounds g to its first `keep` digits (keep may be <= 0: everything is dropped) in mode. */
static void round_digits(struct digits *g, int keep, int sign, int mode) {
  int half, up, i;
  if (keep >= g->n) return;
  if (keep < 0) half = -1; /* the first dropped digit is a leading zero */
  else if (g->d[keep] != '5') half = g->d[keep] > '5' ? 1 : -1;
  else half = g->n > keep + 1 ? 1 : 0; /* digits are stripped of trailing zeros */
  up = __fp_round_up(mode, sign, keep > 0 && ((g->d[keep - 1] - '0') & 1), half, 1);
  if (keep <= 0) {
    if (up) {
      g->d[0] = '1';
      g->n = 1;
      g->point = g->point - keep + 1;
    } else {
      g->n = 0;
    }
    return;
  }
  g->n = keep;
  if (up) {
    for (i = keep - 1; i >= 0 && g->d[i] == '9'; i--) g->n = i; /* 9s carry and become trailing zeros */
    if (i < 0) {
      g->d[0] = '1';
      g->n = 1;
      g->point++;
    } else {
      g->d[i]++;
    }
  }
  while (g->n > 0 && g->d[g->n - 1] == '0') g->n--;
}

/* Writes the field: sign prefix, padding by the flags, then body() for `len` bytes. */
struct body {
  char style;      /* 'f' or 'e' */
  int precision;   /* digits after the point */
  int alt;         /* # : always a point */
  int upper;
  struct digits *g;
};

static int exponent_of(const struct body *b) {
  return b->g->n ? b->g->point - 1 : 0;
}

static int body_length(const struct body *b) {
  int point = b->precision > 0 || b->alt;
  if (b->style == 'f') {
    int intlen = b->g->n && b->g->point > 0 ? b->g->point : 1;
    return intlen + point + b->precision;
  } else {
    int x = exponent_of(b), xlen = 2;
    int ax = x < 0 ? -x : x;
    while (ax >= 100) { /* binary128 exponents reach 4 digits */
      xlen++;
      ax /= 10;
    }
    return 1 + point + b->precision + 2 + xlen;
  }
}

static void emit_body(struct sink *s, const struct body *b) {
  const struct digits *g = b->g;
  if (b->style == 'f') {
    if (g->n && g->point > 0) emit_digits(s, g, 0, g->point);
    else emit(s, "0", 1);
    if (b->precision > 0 || b->alt) emit(s, ".", 1);
    emit_digits(s, g, g->n ? g->point : 0, b->precision);
  } else {
    char xbuf[8];
    int x = exponent_of(b), i = 8;
    int ax = x < 0 ? -x : x;
    emit_digits(s, g, 0, 1);
    if (b->precision > 0 || b->alt) emit(s, ".", 1);
    emit_digits(s, g, 1, b->precision);
    do {
      xbuf[--i] = (char)('0' + ax % 10);
      ax /= 10;
    } while (ax || i > 6);
    xbuf[--i] = x < 0 ? '-' : '+';
    xbuf[--i] = b->upper ? 'E' : 'e';
    emit(s, xbuf + i, (size_t)(8 - i));
  }
}

static const char *sign_prefix(int flags, int sign) {
  if (sign) return "-";
  if (flags & FL_PLUS) return "+";
  if (flags & FL_SPACE) return " ";
  return "";
}

/* Pads around prefix and a body of len bytes; zero padding goes between them when allowed. */
static void field_open(struct sink *s, int flags, int width, const char *prefix, int len, int zero_ok) {
  int plen = (int)strlen(prefix);
  int fill = width > plen + len ? width - plen - len : 0;
  if (!(flags & FL_LEFT) && !(zero_ok && (flags & FL_ZERO))) repeat(s, ' ', fill);
  emit(s, prefix, (size_t)plen);
  if (!(flags & FL_LEFT) && zero_ok && (flags & FL_ZERO)) repeat(s, '0', fill);
}

static void field_close(struct sink *s, int flags, int width, const char *prefix, int len) {
  int plen = (int)strlen(prefix);
  if ((flags & FL_LEFT) && width > plen + len) repeat(s, ' ', width - plen - len);
}

static void format_special(struct sink *s, int flags, int width, const struct fpparts *v, int upper) {
  const char *prefix = sign_prefix(flags, v->sign);
  const char *word = v->kind == FP_INF ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan");
  field_open(s, flags, width, prefix, 3, 0);
  emit(s, word, 3);
  field_close(s, flags, width, prefix, 3);
}

static void format_decimal(struct sink *s, int flags, int width, int precision, char conv,
                           const struct fpparts *v) {
  struct digits g;
  struct body b;
  int mode = __fp_rounding_mode();
  const char *prefix = sign_prefix(flags, v->sign);
  int len;
  char lower = (char)(conv | 0x20);
  if (precision < 0) precision = 6;
  g.n = __decimal_expand(v->mant, v->e2, g.d, &g.point);
  b.alt = (flags & FL_ALT) != 0;
  b.upper = conv != lower;
  b.g = &g;
  if (lower == 'f') {
    round_digits(&g, g.point + precision, v->sign, mode);
    b.style = 'f';
    b.precision = precision;
  } else if (lower == 'e') {
    round_digits(&g, precision + 1, v->sign, mode);
    b.style = 'e';
    b.precision = precision;
  } else { /* g: the style follows the exponent after rounding to P significant digits */
    int p = precision ? precision : 1, x;
    round_digits(&g, p, v->sign, mode);
    x = g.n ? g.point - 1 : 0;
    if (p > x && x >= -4) {
      b.style = 'f';
      b.precision = p - 1 - x;
      if (!b.alt && b.precision > g.n - g.point) b.precision = g.n - g.point > 0 ? g.n - g.point : 0;
    } else {
      b.style = 'e';
      b.precision = p - 1;
      if (!b.alt && b.precision > g.n - 1) b.precision = g.n > 1 ? g.n - 1 : 0;
    }
  }
  len = body_length(&b);
  field_open(s, flags, width, prefix, len, 1);
  emit_body(s, &b);
  field_close(s, flags, width, prefix, len);
}

/* Shifts the 4-word number w right by k bits (k < 128). */
static void shift_right(uint32_t w[4], int k) {
  int i;
  while (k >= 32) {
    for (i = 0; i < 3; i++) w[i] = w[i + 1];
    w[3] = 0;
    k -= 32;
  }
  if (k == 0) return;
  for (i = 0; i < 3; i++) w[i] = (w[i] >> k) | (w[i + 1] << (32 - k));
  w[3] >>= k;
}

static int bit_at(const uint32_t w[4], int i) {
  return (int)(w[i >> 5] >> (i & 31)) & 1;
}

/* %a: hex digits of the significand; fracbits is 52 or 112 (a whole number of hex digits). */
static void format_hex(struct sink *s, int flags, int width, int precision, char conv,
                       const struct fpparts *v, int fracbits) {
  const char *set = conv == 'A' ? "0123456789ABCDEF" : "0123456789abcdef";
  uint32_t m[4];
  char buf[48], xbuf[8];
  char prefix[4];
  int ndig = fracbits / 4, nd, i, len, x, ax, xi = 8, zeros = 0, lead;
  int zero = !(v->mant[0] | v->mant[1] | v->mant[2] | v->mant[3]);
  const char *sp = sign_prefix(flags, v->sign);
  for (i = 0; i < 4; i++) m[i] = v->mant[i];
  x = zero ? 0 : v->e2 + fracbits;
  if (precision >= 0 && precision < ndig) { /* round the significand at hex digit `precision` */
    int drop = (ndig - precision) * 4, nonzero = 0, half;
    for (i = 0; i < drop - 1; i++) nonzero |= bit_at(m, i);
    half = bit_at(m, drop - 1) ? (nonzero ? 1 : 0) : -1;
    nonzero |= bit_at(m, drop - 1);
    shift_right(m, drop);
    if (__fp_round_up(__fp_rounding_mode(), v->sign, (int)(m[0] & 1), half, nonzero)) {
      for (i = 0; i < 4 && ++m[i] == 0; i++) {}
    }
    nd = precision;
  } else {
    nd = ndig;
  }
  { /* the lead digit is what lies above the nd fraction digits */
    uint32_t t[4];
    for (i = 0; i < 4; i++) t[i] = m[i];
    shift_right(t, nd * 4);
    lead = (int)t[0];
  }
  for (i = nd - 1; i >= 0; i--) {
    buf[i] = set[m[0] & 15];
    shift_right(m, 4);
  }
  if (precision < 0) { /* shortest exact form: no trailing zeros */
    while (nd > 0 && buf[nd - 1] == '0') nd--;
  } else if (precision > nd) {
    zeros = precision - nd;
  }
  ax = x < 0 ? -x : x;
  do {
    xbuf[--xi] = (char)('0' + ax % 10);
    ax /= 10;
  } while (ax);
  xbuf[--xi] = x < 0 ? '-' : '+';
  xbuf[--xi] = conv == 'A' ? 'P' : 'p';
  len = 1 + (nd + zeros > 0 || (flags & FL_ALT) ? 1 : 0) + nd + zeros + (8 - xi);
  strcpy(prefix, sp);
  strcat(prefix, conv == 'A' ? "0X" : "0x");
  field_open(s, flags, width, prefix, len, 1);
  {
    char c = set[lead];
    emit(s, &c, 1);
  }
  if (nd + zeros > 0 || (flags & FL_ALT)) emit(s, ".", 1);
  emit(s, buf, (size_t)nd);
  repeat(s, '0', zeros);
  emit(s, xbuf + xi, (size_t)(8 - xi));
  field_close(s, flags, width, prefix, len);
}

void __format_float(struct sink *s, int flags, int width, int precision, char conv,
                    const struct fpformat *f, const uint32_t *bits) {
  struct fpparts v;
  char lower = (char)(conv | 0x20);
  __fp_unpack(f, bits, &v);
  if (flags & FL_LEFT) flags &= ~FL_ZERO;
  if (v.kind != FP_FINITE) format_special(s, flags, width, &v, conv != lower);
  else if (lower == 'a') format_hex(s, flags, width, precision, conv, &v, f->precision - 1);
  else format_decimal(s, flags, width, precision, conv, &v);
}
