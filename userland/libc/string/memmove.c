/* memmove: copies forward when dst is below src (or the ranges are apart), backward otherwise. */
#include <string.h>

void *memmove(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if (d == s || n == 0) return dst;
  if (d < s || d >= s + n) return memcpy(dst, src, n);
  while (n) {
    n--;
    d[n] = s[n];
  }
  return dst;
}
