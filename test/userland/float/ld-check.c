/* long double (binary128) printf and strtold, built twice: for RV32IMAFD/ILP32D against Pagoda's libc
 * (run under qemu-riscv32), and natively with -DUSE_QUADMATH against libquadmath, whose __float128 is
 * the same format and whose quadmath_snprintf/strtoflt128 use glibc's conversion code (the reference).
 * Requests on stdin, one result line each:
 *   p FORMAT HEX32   the value with these bits (most significant first), FORMAT with L (Q on the host)
 *   s TEXT           strtold(TEXT): bits and characters used */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef USE_QUADMATH
#include <quadmath.h>
typedef __float128 quad;
#define STRTOQ strtoflt128
#else
typedef long double quad;
#define STRTOQ strtold
#endif

static char line[65536 + 16], out[70000];

static void bits_of(const char *hex, unsigned w[4]) {
  int i, k;
  for (i = 3; i >= 0; i--) {
    unsigned v = 0;
    for (k = 0; k < 8; k++) {
      int c = *hex++;
      v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 32) - 'a' + 10);
    }
    w[i] = v;
  }
}

int main(void) {
  while (fgets(line, sizeof line, stdin)) {
    size_t len = strlen(line);
    unsigned w[4];
    quad q;
    if (len && line[len - 1] == '\n') line[--len] = 0;
    if (line[0] == 'p') {
      char *fmt = line + 2, *sp = strrchr(fmt, ' ');
      if (!sp) continue;
      *sp = 0;
      bits_of(sp + 1, w);
      memcpy(&q, w, 16);
#ifdef USE_QUADMATH
      { char *l = strchr(fmt, 'L'); if (l) *l = 'Q'; }
      quadmath_snprintf(out, sizeof out, fmt, q);
#else
      snprintf(out, sizeof out, fmt, q);
#endif
      puts(out);
    } else if (line[0] == 's') {
      char *end;
      q = STRTOQ(line + 2, &end);
      memcpy(w, &q, 16);
      printf("%08x%08x%08x%08x %d\n", w[3], w[2], w[1], w[0], (int)(end - (line + 2)));
    }
  }
  return 0;
}
