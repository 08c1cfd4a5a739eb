/* memcpy: word copies when both pointers share 4-byte alignment, bytes otherwise. */
#include <string.h>

void *memcpy(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if ((((size_t)d ^ (size_t)s) & 3) == 0) {
    while (n && ((size_t)d & 3)) {
      *d++ = *s++;
      n--;
    }
    while (n >= 16) {
      unsigned *dw = (unsigned *)d;
      const unsigned *sw = (const unsigned *)s;
      dw[0] = sw[0];
      dw[1] = sw[1];
      dw[2] = sw[2];
      dw[3] = sw[3];
      d += 16;
      s += 16;
      n -= 16;
    }
    while (n >= 4) {
      *(unsigned *)d = *(const unsigned *)s;
      d += 4;
      s += 4;
      n -= 4;
    }
  }
  while (n) {
    *d++ = *s++;
    n--;
  }
  return dst;
}
