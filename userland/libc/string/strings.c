/* <strings.h>: ffs/ffsl/ffsll, bzero, bcmp, bcopy, index, rindex (strcasecmp is in strcasecmp.c). */
#include <strings.h>
#include <string.h>

int ffsll(long long i) {
  unsigned long long x = (unsigned long long)i;
  int n = 1;
  if (!x) return 0;
  while (!(x & 1)) {
    x >>= 1;
    n++;
  }
  return n;
}

int ffs(int i) { return ffsll((long long)(unsigned)i); }
int ffsl(long i) { return ffsll((long long)(unsigned long)i); }
void bzero(void *s, size_t n) { memset(s, 0, n); }
int bcmp(const void *a, const void *b, size_t n) { return memcmp(a, b, n); }
void bcopy(const void *src, void *dst, size_t n) { memmove(dst, src, n); }
char *index(const char *s, int c) { return strchr(s, c); }
char *rindex(const char *s, int c) { return strrchr(s, c); }
