#include "test.h"
#include <stdarg.h>
/* A small printf-style formatter: va_arg over int, unsigned, long long, char *, char and pointers,
 * with varargs forwarded through a va_list, and the result checked by content. */
static int put(char *buf, int n, char c) { buf[n] = c; return n + 1; }
static int putu(char *buf, int n, unsigned long long v, int base) {
  char tmp[24];
  int k = 0;
  do { tmp[k++] = "0123456789abcdef"[v % base]; v /= base; } while (v);
  while (k) n = put(buf, n, tmp[--k]);
  return n;
}
static int vformat(char *buf, const char *fmt, va_list ap) {
  int n = 0;
  for (; *fmt; fmt++) {
    if (*fmt != '%') { n = put(buf, n, *fmt); continue; }
    switch (*++fmt) {
    case 'd': { int v = va_arg(ap, int); if (v < 0) { n = put(buf, n, '-'); v = -v; } n = putu(buf, n, v, 10); break; }
    case 'u': n = putu(buf, n, va_arg(ap, unsigned), 10); break;
    case 'x': n = putu(buf, n, va_arg(ap, unsigned), 16); break;
    case 'L': { long long v = va_arg(ap, long long); if (v < 0) { n = put(buf, n, '-'); v = -v; } n = putu(buf, n, v, 10); break; }
    case 's': for (const char *s = va_arg(ap, const char *); *s; s++) n = put(buf, n, *s); break;
    case 'c': n = put(buf, n, (char)va_arg(ap, int)); break;
    case 'p': n = putu(buf, n, (unsigned)(unsigned long)va_arg(ap, void *), 16); break;
    default: n = put(buf, n, *fmt);
    }
  }
  buf[n] = 0;
  return n;
}
static int format(char *buf, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vformat(buf, fmt, ap);
  va_end(ap);
  return n;
}
static int streq(const char *a, const char *b) { while (*a && *a == *b) { a++; b++; } return *a == *b; }
int main(void) {
  char buf[128];
  ASSERT(5, format(buf, "%d", -1234));
  ASSERT(1, streq(buf, "-1234"));
  format(buf, "%s=%d, %u%%", "x", 42, 4000000000u);
  ASSERT(1, streq(buf, "x=42, 4000000000%"));
  format(buf, "%c%c%c", 'a', 'b', 'c');
  ASSERT(1, streq(buf, "abc"));
  format(buf, "%d %L %d", 1, -9000000000LL, 2);
  ASSERT(1, streq(buf, "1 -9000000000 2"));
  format(buf, "%L|%L|%L|%L", 1LL, 2LL, 0x100000000LL, -1LL);
  ASSERT(1, streq(buf, "1|2|4294967296|-1"));
  format(buf, "%x %p", 0xdeadbeef, (void *)0x1234);
  ASSERT(1, streq(buf, "deadbeef 1234"));
  format(buf, "%s %s %s %s %s %s %s %s %s", "a", "b", "c", "d", "e", "f", "g", "h", "i");
  ASSERT(1, streq(buf, "a b c d e f g h i"));
  format(buf, "%d %d %d %d %d %d %L", 1, 2, 3, 4, 5, 6, 77LL);
  ASSERT(1, streq(buf, "1 2 3 4 5 6 77"));
  ASSERT(0, format(buf, ""));
  return t_done("format");
}
