/* snprintf, vsnprintf, sprintf, vsprintf: __format into a string. snprintf stores at most n - 1
 * bytes and a NUL (nothing when n is 0) and returns the full length the output would have. */
#include "stdio_impl.h"
#include <string.h>

static void put_string(struct sink *s, const char *p, size_t n) {
  size_t room = s->cap > s->count + 1 ? s->cap - s->count - 1 : 0;
  if (s->cap == 0) return;
  if (n > room) n = room;
  memcpy(s->buf + s->count, p, n);
}

int vsnprintf(char *str, size_t n, const char *fmt, va_list ap) {
  struct sink s;
  int r;
  s.put = put_string;
  s.count = 0;
  s.failed = 0;
  s.buf = str;
  s.cap = n;
  r = __format(&s, fmt, ap);
  if (n) str[s.count < n ? s.count : n - 1] = 0;
  return r;
}

int snprintf(char *str, size_t n, const char *fmt, ...) {
  va_list ap;
  int r;
  va_start(ap, fmt);
  r = vsnprintf(str, n, fmt, ap);
  va_end(ap);
  return r;
}

int vsprintf(char *str, const char *fmt, va_list ap) {
  return vsnprintf(str, (size_t)-1 / 2, fmt, ap);
}

int sprintf(char *str, const char *fmt, ...) {
  va_list ap;
  int r;
  va_start(ap, fmt);
  r = vsprintf(str, fmt, ap);
  va_end(ap);
  return r;
}
