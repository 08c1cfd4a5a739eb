/* stpncpy: strncpy returning a pointer to the first NUL written into dst (dst + n when src filled it);
 * memccpy: copies up to and including the first byte c, returning the byte after it in dst, or NULL. */
#include <string.h>

char *stpncpy(char *dst, const char *src, size_t n) {
  size_t len = strnlen(src, n);
  memcpy(dst, src, len);
  memset(dst + len, 0, n - len);
  return dst + len;
}

void *memccpy(void *dst, const void *src, int c, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (n--) {
    if ((*d++ = *s++) == (unsigned char)c) return d;
  }
  return 0;
}
