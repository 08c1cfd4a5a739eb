/* memset: aligned word stores in the middle, bytes at the ends. */
#include <string.h>

void *memset(void *dst, int c, size_t n) {
  unsigned char *d = dst;
  unsigned char b = (unsigned char)c;
  unsigned w = b * 0x01010101u;
  while (n && ((size_t)d & 3)) {
    *d++ = b;
    n--;
  }
  while (n >= 16) {
    unsigned *dw = (unsigned *)d;
    dw[0] = w;
    dw[1] = w;
    dw[2] = w;
    dw[3] = w;
    d += 16;
    n -= 16;
  }
  while (n >= 4) {
    *(unsigned *)d = w;
    d += 4;
    n -= 4;
  }
  while (n) {
    *d++ = b;
    n--;
  }
  return dst;
}
