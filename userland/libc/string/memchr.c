/* memchr, memrchr: first/last byte equal to (unsigned char)c in s[0..n). */
#include <string.h>

void *memchr(const void *s, int c, size_t n) {
  const unsigned char *p = s;
  unsigned char b = (unsigned char)c;
  for (; n; n--, p++)
    if (*p == b) return (void *)p;
  return 0;
}

void *memrchr(const void *s, int c, size_t n) {
  const unsigned char *p = s;
  unsigned char b = (unsigned char)c;
  while (n) {
    n--;
    if (p[n] == b) return (void *)(p + n);
  }
  return 0;
}
