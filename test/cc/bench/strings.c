#include "test.h"
/* Benchmark: byte loops (strlen, hashing, copying, comparison). */
static char buf[4096];
static int slen(const char *s) { const char *p = s; while (*p) p++; return p - s; }
static unsigned hash(const char *s) { unsigned h = 5381; while (*s) h = h * 33 ^ (unsigned char)*s++; return h; }
static void scopy(char *d, const char *s) { while ((*d++ = *s++)); }
static int scmp(const char *a, const char *b) { while (*a && *a == *b) { a++; b++; } return (unsigned char)*a - (unsigned char)*b; }
int main(void) {
  for (int i = 0; i < 4095; i++) buf[i] = 'a' + i % 26;
  buf[4095] = 0;
  unsigned h = 0;
  for (int r = 0; r < 20; r++) h += hash(buf) + slen(buf);
  static char copy[4096];
  scopy(copy, buf);
  ASSERT(0, scmp(copy, buf));
  ASSERT(4095, slen(copy));
  ASSERT(h, h);
  return t_done("strings");
}
