/* memcpy: eight-word blocks then words when both pointers share 4-byte alignment, bytes
 * otherwise (realloc's copies are most of its cost). */
#include <string.h>

void *memcpy(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if ((((size_t)d ^ (size_t)s) & 3) == 0) {
    while (n && ((size_t)d & 3)) {
      *d++ = *s++;
      n--;
    }
    while (n >= 32) {
      unsigned *dw = (unsigned *)d;
      const unsigned *sw = (const unsigned *)s;
      unsigned a = sw[0], b = sw[1], c = sw[2], e = sw[3], f = sw[4], g = sw[5], h = sw[6], i = sw[7];
      dw[0] = a;
      dw[1] = b;
      dw[2] = c;
      dw[3] = e;
      dw[4] = f;
      dw[5] = g;
      dw[6] = h;
      dw[7] = i;
      d += 32;
      s += 32;
      n -= 32;
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
