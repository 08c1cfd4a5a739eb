/* __scan: the scanf engine shared by scanf, fscanf, sscanf and their v-forms, with glibc's rules.
 * Directives: white space matches any amount of input white space (none included); an ordinary character
 * must match itself; %[*][width][hh|h|l|ll|j|z|t|L|q]conv with conversions d i u o x X p n c s [ f e g a
 * (and their capitals) and %%. Every conversion but %c, %[ and %n first skips white space.
 * The return value counts the assignments; it is EOF when the input ends (or fails) before the first
 * assignment, where a conversion's input should start. A conversion that reads characters and then
 * cannot finish is a matching failure: scanning stops and the count so far is returned.
 * Reading looks one character ahead and pushes it back (ungetc on a stream), so like glibc it keeps
 * what it has consumed: "1e" read by %f gives 1 with both characters consumed, "0x" by %x gives 0.
 * Floating text goes to __strtofp (softfp/strtofp.c), so %f is correctly rounded at any length. */
#include "stdio_impl.h"
#include "../softfp/fpformat.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum scan_len { SL_HH, SL_H, SL_NONE, SL_L, SL_LL, SL_LD };

static int in_get(struct scan_in *in) {
  int c;
  if (in->file) c = fgetc(in->file);
  else c = *in->str ? (unsigned char)*in->str++ : EOF;
  if (c != EOF) in->count++;
  return c;
}

static void in_unget(struct scan_in *in, int c) {
  if (c == EOF) return;
  in->count--;
  if (in->file) ungetc(c, in->file);
  else in->str--;
}

/* Skips white space; returns the next character (pushed back), or EOF. */
static int skip_space(struct scan_in *in) {
  int c;
  do c = in_get(in);
  while (c != EOF && isspace(c));
  in_unget(in, c);
  return c;
}

/* A growable text buffer for the characters of one conversion. */
struct text {
  char *p;
  size_t len, cap;
  char small[128];
};

static void text_init(struct text *t) {
  t->p = t->small;
  t->len = 0;
  t->cap = sizeof t->small;
}

/* Appends c; returns 0, or -1 when memory ran out. */
static int text_add(struct text *t, int c) {
  if (t->len + 1 >= t->cap) {
    size_t cap = t->cap * 2;
    char *grown = t->p == t->small ? malloc(cap) : realloc(t->p, cap);
    if (!grown) return -1;
    if (t->p == t->small) memcpy(grown, t->small, t->len);
    t->p = grown;
    t->cap = cap;
  }
  t->p[t->len++] = (char)c;
  t->p[t->len] = 0;
  return 0;
}

static void text_free(struct text *t) {
  if (t->p != t->small) free(t->p);
}

/* Reads characters while they fit the width (remaining in *left); the lookahead protocol: *c holds
 * the current character, which is appended and replaced by the next one. */
static int take(struct scan_in *in, struct text *t, int *c, int *left) {
  if (text_add(t, *c) < 0) return -1;
  (*left)--;
  *c = *left > 0 ? in_get(in) : EOF;
  return 0;
}

static int digit_in_base(int c, int base) {
  int v;
  if (c >= '0' && c <= '9') v = c - '0';
  else if ((c | 32) >= 'a' && (c | 32) <= 'f') v = (c | 32) - 'a' + 10;
  else return 0;
  return v < base;
}

/* Reads an integer's text in base (0: by prefix, as %i); returns 1 when digits were read, else 0. */
static int scan_integer_text(struct scan_in *in, struct text *t, int width, int *base) {
  int left = width, c = in_get(in), digits = 0;
  if ((c == '+' || c == '-') && left > 0) take(in, t, &c, &left);
  if (c == '0' && left > 0 && (*base == 0 || *base == 16)) {
    take(in, t, &c, &left);
    digits = 1;
    if ((c | 32) == 'x' && left > 0) {
      take(in, t, &c, &left);
      *base = 16;
    } else if (*base == 0) {
      *base = 8;
    }
  }
  if (*base == 0) *base = 10;
  while (left > 0 && c != EOF && digit_in_base(c, *base)) {
    take(in, t, &c, &left);
    digits = 1;
  }
  in_unget(in, c);
  return digits;
}

/* Matches a word case-insensitively after its first letter was taken; 0 when it does not. */
static int take_word(struct scan_in *in, struct text *t, int *c, int *left, const char *rest) {
  for (; *rest; rest++) {
    if (*left <= 0 || *c == EOF || tolower(*c) != *rest) return 0;
    take(in, t, c, left);
  }
  return 1;
}

/* Reads floating text as glibc's scanf does; returns 1 when it forms a number, 0 on a matching failure. */
static int scan_float_text(struct scan_in *in, struct text *t, int width) {
  int left = width, c = in_get(in), digits = 0, ok = 1, hex = 0;
  if ((c == '+' || c == '-') && left > 0) take(in, t, &c, &left);
  if (left > 0 && (c | 32) == 'i') {
    take(in, t, &c, &left);
    ok = take_word(in, t, &c, &left, "nf");
    if (ok && left > 0 && (c | 32) == 'i') {
      take(in, t, &c, &left);
      ok = take_word(in, t, &c, &left, "nity");
    }
    in_unget(in, c);
    return ok;
  }
  if (left > 0 && (c | 32) == 'n') {
    take(in, t, &c, &left);
    ok = take_word(in, t, &c, &left, "an");
    in_unget(in, c);
    return ok;
  }
  if (left > 0 && c == '0') {
    take(in, t, &c, &left);
    digits = 1;
    if (left > 0 && (c | 32) == 'x') {
      take(in, t, &c, &left);
      hex = 1;
      if (!(left > 0 && (c == '.' || digit_in_base(c, 16)))) {
        in_unget(in, c);
        return 0; /* glibc refuses a bare "0x" */
      }
    }
  }
  while (left > 0 && c != EOF && digit_in_base(c, hex ? 16 : 10)) {
    take(in, t, &c, &left);
    digits = 1;
  }
  if (left > 0 && c == '.') {
    take(in, t, &c, &left);
    while (left > 0 && c != EOF && digit_in_base(c, hex ? 16 : 10)) {
      take(in, t, &c, &left);
      digits = 1;
    }
  }
  if (digits && left > 0 && (c | 32) == (hex ? 'p' : 'e')) {
    take(in, t, &c, &left);
    if (left > 0 && (c == '+' || c == '-')) take(in, t, &c, &left);
    while (left > 0 && c >= '0' && c <= '9') take(in, t, &c, &left);
  }
  in_unget(in, c);
  return digits;
}

static void store_integer(va_list *ap, enum scan_len len, unsigned long long v) {
  switch (len) {
  case SL_HH: *va_arg(*ap, signed char *) = (signed char)v; break;
  case SL_H: *va_arg(*ap, short *) = (short)v; break;
  case SL_L: *va_arg(*ap, long *) = (long)v; break;
  case SL_LL: *va_arg(*ap, long long *) = (long long)v; break;
  default: *va_arg(*ap, int *) = (int)v; break;
  }
}

/* Parses a %[ set after the '['; fills in[256]; returns the pointer to its closing ']' (or the end). */
static const char *parse_set(const char *p, unsigned char in[256]) {
  int negate = 0, i;
  if (*p == '^') {
    negate = 1;
    p++;
  }
  memset(in, 0, 256);
  if (*p == ']') in[(unsigned char)*p++] = 1; /* a ']' first is a member */
  for (; *p && *p != ']'; p++) {
    if (p[1] == '-' && p[2] && p[2] != ']' && (unsigned char)p[2] >= (unsigned char)p[0]) {
      for (i = (unsigned char)p[0]; i <= (unsigned char)p[2]; i++) in[i] = 1;
      p += 2;
    } else {
      in[(unsigned char)*p] = 1;
    }
  }
  if (negate) {
    for (i = 0; i < 256; i++) in[i] = !in[i];
  }
  return p;
}

/* Outcome of one conversion. */
enum step { STEP_OK, STEP_INPUT_FAILURE, STEP_MATCH_FAILURE };

struct conv {
  int suppress;
  int width; /* 0: none given */
  enum scan_len len;
  char c;
  const char *set_start;
};

static enum step scan_chars(struct scan_in *in, const struct conv *cv, va_list *ap, int *done) {
  char *dst = cv->suppress ? 0 : va_arg(*ap, char *);
  int n = cv->width ? cv->width : 1, got = 0, c = EOF;
  while (got < n && (c = in_get(in)) != EOF) {
    if (dst) dst[got] = (char)c;
    got++;
  }
  if (got == 0) return STEP_INPUT_FAILURE;
  if (dst) (*done)++;
  return STEP_OK;
}

/* %s and %[: characters while member(c), up to the width; stores them with a NUL. */
static enum step scan_string(struct scan_in *in, const struct conv *cv, const unsigned char *set,
                             va_list *ap, int *done) {
  char *dst = cv->suppress ? 0 : va_arg(*ap, char *);
  int left = cv->width ? cv->width : -1, got = 0, c;
  while (left != 0 && (c = in_get(in)) != EOF) {
    if (set ? !set[c] : isspace(c)) {
      in_unget(in, c);
      break;
    }
    if (dst) dst[got] = (char)c;
    got++;
    if (left > 0) left--;
  }
  if (got == 0) return c == EOF ? STEP_INPUT_FAILURE : STEP_MATCH_FAILURE;
  if (dst) {
    dst[got] = 0;
    (*done)++;
  }
  return STEP_OK;
}

static enum step scan_number(struct scan_in *in, const struct conv *cv, va_list *ap, int *done) {
  struct text t;
  int width = cv->width ? cv->width : 0x7fffffff, ok;
  char lower = (char)(cv->c | 32);
  text_init(&t);
  if (lower == 'f' || lower == 'e' || lower == 'g' || lower == 'a') {
    ok = scan_float_text(in, &t, width);
    if (ok && !cv->suppress) {
      uint32_t bits[4];
      const struct fpformat *f = cv->len == SL_LD ? &__fp_binary128
                                 : cv->len == SL_L ? &__fp_binary64 : &__fp_binary32;
      __strtofp(t.p, 0, f, bits);
      memcpy(va_arg(*ap, void *), bits, (size_t)f->words * 4);
      (*done)++;
    }
  } else {
    int base = cv->c == 'd' || cv->c == 'u' ? 10 : cv->c == 'o' ? 8 : cv->c == 'i' ? 0 : 16;
    ok = scan_integer_text(in, &t, width, &base);
    if (ok && !cv->suppress) {
      unsigned long long v = cv->c == 'd' || cv->c == 'i' ? (unsigned long long)strtoll(t.p, 0, base)
                                                           : strtoull(t.p, 0, base);
      if (cv->c == 'p') *va_arg(*ap, void **) = (void *)(unsigned long)v;
      else store_integer(ap, cv->len, v);
      (*done)++;
    }
  }
  text_free(&t);
  return ok ? STEP_OK : STEP_MATCH_FAILURE;
}

/* Parses the conversion spec after '%'; returns the pointer to its conversion character. */
static const char *parse_conv(const char *p, struct conv *cv) {
  cv->suppress = 0;
  cv->width = 0;
  cv->len = SL_NONE;
  if (*p == '*') {
    cv->suppress = 1;
    p++;
  }
  while (*p >= '0' && *p <= '9') cv->width = cv->width * 10 + (*p++ - '0');
  for (;; p++) {
    if (*p == 'h') cv->len = cv->len == SL_H ? SL_HH : SL_H;
    else if (*p == 'l') cv->len = cv->len == SL_L ? SL_LL : SL_L;
    else if (*p == 'j' || *p == 'q') cv->len = SL_LL;
    else if (*p == 'z' || *p == 't') cv->len = SL_L; /* size_t and ptrdiff_t are 32-bit */
    else if (*p == 'L') cv->len = SL_LD;
    else break;
  }
  cv->c = *p;
  return p;
}

int __scan(struct scan_in *in, const char *fmt, va_list ap) {
  va_list args;
  const char *p;
  int done = 0;
  enum step st = STEP_OK;
  va_copy(args, ap);
  for (p = fmt; *p && st == STEP_OK; p++) {
    struct conv cv;
    unsigned char set[256];
    if (isspace((unsigned char)*p)) {
      skip_space(in);
      continue;
    }
    if (*p != '%' || p[1] == '%') {
      int c;
      if (*p == '%') {
        p++;
        skip_space(in); /* glibc lets %% skip white space */
      }
      c = in_get(in);
      if (c == EOF) st = STEP_INPUT_FAILURE;
      else if (c != (unsigned char)*p) {
        in_unget(in, c);
        st = STEP_MATCH_FAILURE;
      }
      continue;
    }
    p = parse_conv(p + 1, &cv);
    if (cv.c == 0) break;
    if (cv.c == 'n') {
      if (!cv.suppress) store_integer(&args, cv.len == SL_LD ? SL_LL : cv.len, in->count);
      continue;
    }
    if (cv.c == '[') {
      p = parse_set(p + 1, set);
      if (!*p) break;
    }
    if (cv.c != 'c' && cv.c != '[' && skip_space(in) == EOF) {
      st = STEP_INPUT_FAILURE;
      continue;
    }
    switch (cv.c) {
    case 'c': st = scan_chars(in, &cv, &args, &done); break;
    case 's': st = scan_string(in, &cv, 0, &args, &done); break;
    case '[': st = scan_string(in, &cv, set, &args, &done); break;
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'p':
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
      st = scan_number(in, &cv, &args, &done);
      break;
    default: st = STEP_MATCH_FAILURE; break;
    }
  }
  va_end(args);
  if (st == STEP_INPUT_FAILURE && done == 0) return EOF;
  return done;
}
