/* strcpy, stpcpy, strncpy (pads with NULs, may leave dst unterminated), strlcpy (BSD). */
#include <string.h>

char *stpcpy(char *dst, const char *src) {
  while ((*dst = *src) != 0) {
    dst++;
    src++;
  }
  return dst;
}

char *strcpy(char *dst, const char *src) {
  stpcpy(dst, src);
  return dst;
}

char *strncpy(char *dst, const char *src, size_t n) {
  size_t i = 0;
  for (; i < n && src[i]; i++) dst[i] = src[i];
  for (; i < n; i++) dst[i] = 0;
  return dst;
}

size_t strlcpy(char *dst, const char *src, size_t size) {
  size_t len = strlen(src);
  if (size) {
    size_t n = len < size - 1 ? len : size - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
  }
  return len;
}
