/* sh: allocation that cannot fail quietly, and a growable string. */
#include "sh.h"

void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) {
    write(2, "sh: out of memory\n", 18);
    _exit(2);
  }
  return p;
}

char *xstrdup(const char *s) {
  size_t n = strlen(s);
  char *p = xmalloc(n + 1);
  memcpy(p, s, n + 1);
  return p;
}

static void str_grow(struct str *b, int need) {
  if (b->len + need + 1 <= b->cap) return;
  int cap = b->cap ? b->cap : 32;
  while (cap < b->len + need + 1) cap *= 2;
  char *p = realloc(b->s, cap);
  if (!p) {
    write(2, "sh: out of memory\n", 18);
    _exit(2);
  }
  b->s = p;
  b->cap = cap;
}

void str_addc(struct str *b, char c) {
  str_grow(b, 1);
  b->s[b->len++] = c;
}

void str_addn(struct str *b, const char *s, int n) {
  str_grow(b, n);
  memcpy(b->s + b->len, s, n);
  b->len += n;
}

void str_adds(struct str *b, const char *s) { str_addn(b, s, (int)strlen(s)); }

char *str_take(struct str *b) {
  str_grow(b, 0);
  b->s[b->len] = 0;
  char *s = b->s;
  b->s = 0;
  b->len = b->cap = 0;
  return s;
}
