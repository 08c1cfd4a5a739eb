/* __format: the printf engine shared by every printf-family function.
 * Conversion spec: %[flags][width][.precision][length]conv with flags - + space # 0, width and
 * precision as digits or *, lengths hh h l ll z t j (L: long double), conversions
 * d i u o x X c s p % and the floating f F e E g G a A (format_float.c). Like musl: %p is %#.8x-style
 * ("0x" + at least 8 hex digits, and no prefix for NULL), %s of NULL prints "(null)". %n is not
 * supported: its spec is printed as written. */
#include "stdio_impl.h"
#include "../softfp/fpformat.h"
#include <string.h>

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL };

struct spec {
  int flags;
  int width;
  int precision; /* -1 when absent */
  enum length len;
  int long_double; /* L: the floating argument is a long double (binary128) */
  char conv;
};

static void emit(struct sink *s, const char *p, size_t n) {
  if (n) s->put(s, p, n);
  s->count += n;
}

static void pad(struct sink *s, char c, int n) {
  char block[16];
  int i;
  for (i = 0; i < 16; i++) block[i] = c;
  while (n > 0) {
    int k = n < 16 ? n : 16;
    emit(s, block, (size_t)k);
    n -= k;
  }
}

/* Writes the digits of v in base (8, 10, 16) backward ending at end; returns the first digit. */
static char *digits_of(unsigned long long v, unsigned base, int upper, char *end) {
  const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  unsigned small;
  while (v > 0xffffffffULL) {
    *--end = set[(unsigned)(v % base)];
    v /= base;
  }
  small = (unsigned)v; /* the rest in 32-bit arithmetic: no 64-bit division per digit */
  while (small) {
    *--end = set[small % base];
    small /= base;
  }
  return end;
}

/* Pads and writes prefix + zeros + body (numbers) or body (strings) according to the spec. */
static void emit_field(struct sink *s, const struct spec *sp, const char *prefix, int zeros,
                       const char *body, int len) {
  int plen = (int)strlen(prefix);
  int total = plen + zeros + len;
  int fill = sp->width > total ? sp->width - total : 0;
  if (!(sp->flags & FL_LEFT) && !(sp->flags & FL_ZERO)) pad(s, ' ', fill);
  emit(s, prefix, (size_t)plen);
  if (!(sp->flags & FL_LEFT) && (sp->flags & FL_ZERO)) pad(s, '0', fill);
  pad(s, '0', zeros);
  emit(s, body, (size_t)len);
  if (sp->flags & FL_LEFT) pad(s, ' ', fill);
}

static void format_integer(struct sink *s, struct spec *sp, unsigned long long v, int negative) {
  char buf[24];
  char *end = buf + sizeof buf;
  char *first;
  const char *prefix = "";
  unsigned base = 10;
  int len, zeros = 0;
  if (sp->conv == 'o') base = 8;
  if (sp->conv == 'x' || sp->conv == 'X' || sp->conv == 'p') base = 16;
  first = digits_of(v, base, sp->conv == 'X', end);
  len = (int)(end - first);
  if (sp->precision >= 0) {
    sp->flags &= ~FL_ZERO;
    if (sp->precision > len) zeros = sp->precision - len;
  } else if (v == 0) {
    zeros = 1; /* a plain zero still prints one digit */
  }
  if (sp->conv == 'd' || sp->conv == 'i') {
    if (negative) prefix = "-";
    else if (sp->flags & FL_PLUS) prefix = "+";
    else if (sp->flags & FL_SPACE) prefix = " ";
  } else if ((sp->flags & FL_ALT) && v != 0 && base == 16) {
    prefix = sp->conv == 'X' ? "0X" : "0x";
  } else if ((sp->flags & FL_ALT) && base == 8 && zeros == 0 && (len == 0 || *first != '0')) {
    zeros = 1;
  }
  emit_field(s, sp, prefix, zeros, first, len);
}

static void format_string(struct sink *s, struct spec *sp, const char *str) {
  size_t len;
  if (!str) str = "(null)";
  len = sp->precision >= 0 ? strnlen(str, (size_t)sp->precision) : strlen(str);
  sp->flags &= ~FL_ZERO;
  emit_field(s, sp, "", 0, str, (int)len);
}

/* Reads the signed argument for d/i with the spec's length. */
static long long signed_arg(enum length len, va_list *ap) {
  switch (len) {
  case LEN_HH: return (signed char)va_arg(*ap, int);
  case LEN_H: return (short)va_arg(*ap, int);
  case LEN_LL: return va_arg(*ap, long long);
  case LEN_L: return va_arg(*ap, long);
  default: return va_arg(*ap, int);
  }
}

static unsigned long long unsigned_arg(enum length len, va_list *ap) {
  switch (len) {
  case LEN_HH: return (unsigned char)va_arg(*ap, unsigned);
  case LEN_H: return (unsigned short)va_arg(*ap, unsigned);
  case LEN_LL: return va_arg(*ap, unsigned long long);
  case LEN_L: return va_arg(*ap, unsigned long);
  default: return va_arg(*ap, unsigned);
  }
}

/* Parses flags, width, precision and length after '%'; returns the pointer to the conversion. */
static const char *parse_spec(const char *p, struct spec *sp, va_list *ap) {
  sp->flags = 0;
  sp->width = 0;
  sp->precision = -1;
  sp->len = LEN_NONE;
  sp->long_double = 0;
  for (;; p++) {
    if (*p == '-') sp->flags |= FL_LEFT;
    else if (*p == '+') sp->flags |= FL_PLUS;
    else if (*p == ' ') sp->flags |= FL_SPACE;
    else if (*p == '#') sp->flags |= FL_ALT;
    else if (*p == '0') sp->flags |= FL_ZERO;
    else break;
  }
  if (*p == '*') {
    sp->width = va_arg(*ap, int);
    if (sp->width < 0) {
      sp->flags |= FL_LEFT;
      sp->width = -sp->width;
    }
    p++;
  } else {
    while (*p >= '0' && *p <= '9') sp->width = sp->width * 10 + (*p++ - '0');
  }
  if (*p == '.') {
    p++;
    sp->precision = 0;
    if (*p == '*') {
      sp->precision = va_arg(*ap, int);
      if (sp->precision < 0) sp->precision = -1;
      p++;
    } else {
      while (*p >= '0' && *p <= '9') sp->precision = sp->precision * 10 + (*p++ - '0');
    }
  }
  if (sp->flags & FL_LEFT) sp->flags &= ~FL_ZERO;
  for (;; p++) {
    if (*p == 'h') sp->len = sp->len == LEN_H ? LEN_HH : LEN_H;
    else if (*p == 'l') sp->len = sp->len == LEN_L ? LEN_LL : LEN_L;
    else if (*p == 'j' || *p == 'q') sp->len = LEN_LL;
    else if (*p == 'z' || *p == 't') sp->len = LEN_L; /* size_t and ptrdiff_t are 32-bit */
    else if (*p == 'L') sp->long_double = 1;
    else break;
  }
  sp->conv = *p;
  return p;
}

/* The floating conversions take their argument as bits: a variadic double travels in an aligned pair of
 * integer registers or stack slots exactly as a long long does (ILP32 and ILP32D alike), and a long
 * double (16 bytes) is passed by reference, as every argument wider than two registers is. */
static void format_floating(struct sink *s, struct spec *sp, va_list *ap) {
  uint32_t bits[4];
  if (sp->long_double) {
    memcpy(bits, va_arg(*ap, const uint32_t *), sizeof bits);
    __format_float(s, sp->flags, sp->width, sp->precision, sp->conv, &__fp_binary128, bits);
  } else {
    unsigned long long v = va_arg(*ap, unsigned long long);
    bits[0] = (uint32_t)v;
    bits[1] = (uint32_t)(v >> 32);
    __format_float(s, sp->flags, sp->width, sp->precision, sp->conv, &__fp_binary64, bits);
  }
}

/* Handles one conversion; returns 0, or -1 when the spec is not supported (printed as is). */
static int convert(struct sink *s, struct spec *sp, va_list *ap) {
  long long sv;
  char c;
  switch (sp->conv) {
  case 'd':
  case 'i':
    sv = signed_arg(sp->len, ap);
    format_integer(s, sp, sv < 0 ? 0 - (unsigned long long)sv : (unsigned long long)sv, sv < 0);
    return 0;
  case 'u':
  case 'o':
  case 'x':
  case 'X':
    format_integer(s, sp, unsigned_arg(sp->len, ap), 0);
    return 0;
  case 'p':
    sp->flags |= FL_ALT;
    if (sp->precision < 8) sp->precision = 8;
    format_integer(s, sp, (unsigned long)va_arg(*ap, void *), 0);
    return 0;
  case 'c':
    c = (char)va_arg(*ap, int);
    sp->flags &= ~FL_ZERO;
    emit_field(s, sp, "", 0, &c, 1);
    return 0;
  case 's':
    format_string(s, sp, va_arg(*ap, const char *));
    return 0;
  case '%':
    emit(s, "%", 1);
    return 0;
  case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
    format_floating(s, sp, ap);
    return 0;
  default:
    return -1;
  }
}

int __format(struct sink *s, const char *fmt, va_list ap) {
  va_list args;
  const char *p = fmt;
  va_copy(args, ap);
  while (*p) {
    const char *start = p;
    struct spec sp;
    while (*p && *p != '%') p++;
    emit(s, start, (size_t)(p - start));
    if (!*p) break;
    start = p;
    p = parse_spec(p + 1, &sp, &args);
    if (!*p) {
      emit(s, start, (size_t)(p - start));
      break;
    }
    if (convert(s, &sp, &args) < 0) emit(s, start, (size_t)(p + 1 - start));
    p++;
  }
  va_end(args);
  if (s->failed) return -1;
  return (int)s->count;
}
