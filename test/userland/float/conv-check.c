/* One program, built twice: natively against the host's glibc (the reference) and for RV32IMAFD/ILP32D
 * against Pagoda's libc (run under qemu-riscv32). It reads requests from stdin, one per line, and prints
 * one result line each, so the two outputs must be identical:
 *   p FORMAT HEX16     printf(FORMAT, the double with these bits) (FORMAT ends at the last space)
 *   s TEXT             strtod and strtof of TEXT: bits, characters used, ERANGE or not
 *   c FORMAT<tab>TEXT  sscanf(TEXT, FORMAT, ...) into up to three int/double/char[] targets, the return
 *                      value, the targets and %n (FORMAT's conversions pick the target types; see scan())
 *   S TEXT             sscanf(TEXT, "%lf%n") and "%f%n": what strtod's text becomes through scanf
 *   m MODE             sets the rounding mode: 0 nearest, 1 toward zero, 2 down, 3 up (prints "m")
 * Lines are at most 64 KiB. Built by a compiler without floating types (pagoda cc before ILP32D), doubles
 * are only their bits: printf reads a variadic double from the same slots as a long long, scanf stores
 * through a pointer; 'p', 'c' and 'S' then work alike and 's' is refused. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__pagoda_cc__) && defined(__riscv_float_abi_soft)
#define FLOATLESS 1
typedef unsigned long long dbl_t; /* the bits of a double */
typedef unsigned flt_t;
#else
typedef double dbl_t;
typedef float flt_t;
#endif

static char line[65536 + 16];

#if defined(__pagoda_cc__)
static void set_rounding(int mode) { /* no extended asm in pagoda cc: its runs never ask for a mode */
  (void)mode;
}
#elif defined(__riscv)
static void set_rounding(int mode) { /* RISC-V frm numbering is the request's */
  __asm__ volatile("csrw frm, %0" ::"r"(mode));
}
#else
#include <fenv.h>
static void set_rounding(int mode) {
  static const int modes[4] = {FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD};
  fesetround(modes[mode & 3]);
}
#endif

static unsigned long long hex64(const char *s) {
  unsigned long long v = 0;
  for (; *s; s++) {
    int c = *s, d = c <= '9' ? c - '0' : (c | 32) - 'a' + 10;
    if (d < 0 || d > 15) break;
    v = v * 16 + (unsigned)d;
  }
  return v;
}

static void print_one(char *rest) {
  char *sp = strrchr(rest, ' ');
  unsigned long long bits;
  dbl_t d;
  if (!sp) return;
  *sp = 0;
  bits = hex64(sp + 1);
  memcpy(&d, &bits, 8);
  printf(rest, d);
  putchar('\n');
}

#ifndef FLOATLESS
static void parse_one(const char *text) {
  char *end;
  double d;
  float f;
  unsigned long long b;
  unsigned fb;
  int e, ef;
  errno = 0;
  d = strtod(text, &end);
  e = errno == ERANGE;
  memcpy(&b, &d, 8);
  printf("%016llx %d %d", b, (int)(end - text), e);
  errno = 0;
  f = strtof(text, &end);
  ef = errno == ERANGE;
  memcpy(&fb, &f, 4);
  printf(" %08x %d %d\n", fb, (int)(end - text), ef);
}
#endif

static void scan_float_text(const char *text) {
  dbl_t d;
  flt_t f;
  unsigned long long b = 0;
  unsigned fb = 0;
  int n = -1, r;
  memset(&d, 0, sizeof d);
  memset(&f, 0, sizeof f);
  r = sscanf(text, "%lf%n", &d, &n);
  memcpy(&b, &d, 8);
  printf("%d %016llx %d", r, b, n);
  n = -1;
  r = sscanf(text, "%f%n", &f, &n);
  memcpy(&fb, &f, 4);
  printf(" %d %08x %d\n", r, fb, n);
}

/* The targets follow the format's conversions in order: %d %i %u %x %o %hhd.. into ints (hh/h into
 * their own width), %lf %le %lg %la into doubles, %f %e %g %a into floats, %s %c %[ into 32-byte
 * buffers (cleared to '?'), %n into an int; at most four targets. */
static void scan_one(char *rest) {
  char *sp = strchr(rest, '\t');
  const char *fmt = rest, *p;
  union { int i; dbl_t d; flt_t f; char s[32]; signed char hh; short h; long long ll; } t[4];
  char kind[4];
  int n = 0, r, k;
  if (!sp) return;
  *sp = 0;
  for (k = 0; k < 4; k++) memset(&t[k], '?', sizeof t[k]);
  for (p = fmt; *p && n < 4; p++) {
    int len = 0;
    if (*p != '%') continue;
    p++;
    if (*p == '%') continue;
    if (*p == '*') { while (*p && !strchr("diuxXofeEgGaAscn[", *p)) p++; if (*p == '[') p = strchr(p + 2, ']'); if (!p) break; continue; }
    while (*p >= '0' && *p <= '9') p++;
    while (*p == 'h' || *p == 'l' || *p == 'L' || *p == 'j' || *p == 'z') len = len * 4 + (*p == 'h' ? 1 : *p == 'l' ? 2 : 3), p++;
    if (strchr("diuxXo", *p)) kind[n++] = len == 5 ? 'b' : len == 1 ? 'h' : len == 10 ? 'q' : 'i';
    else if (strchr("feEgGaA", *p)) kind[n++] = len == 2 ? 'd' : 'f';
    else if (*p == 'n') kind[n++] = 'i';
    else if (*p == 's' || *p == 'c') kind[n++] = 's';
    else if (*p == '[') { kind[n++] = 's'; p = strchr(p + 2, ']'); if (!p) break; }
  }
  r = sscanf(sp + 1, fmt, &t[0], &t[1], &t[2], &t[3]);
  printf("%d", r);
  for (k = 0; k < n; k++) {
    switch (kind[k]) {
    case 'i': printf(" i%d", t[k].i); break;
    case 'b': printf(" b%d", t[k].hh); break;
    case 'h': printf(" h%d", t[k].h); break;
    case 'q': printf(" q%lld", t[k].ll); break;
    case 'd': { unsigned long long b; memcpy(&b, &t[k].d, 8); printf(" d%016llx", b); break; }
    case 'f': { unsigned b; memcpy(&b, &t[k].f, 4); printf(" f%08x", b); break; }
    default: printf(" s%.31s", t[k].s); break;
    }
  }
  putchar('\n');
}

int main(void) {
  while (fgets(line, sizeof line, stdin)) {
    size_t len = strlen(line);
    if (len && line[len - 1] == '\n') line[--len] = 0;
    if (line[0] == 'p' && line[1] == ' ') print_one(line + 2);
#ifndef FLOATLESS
    else if (line[0] == 's' && line[1] == ' ') parse_one(line + 2);
#endif
    else if (line[0] == 'S' && line[1] == ' ') scan_float_text(line + 2);
    else if (line[0] == 'm' && line[1] == ' ') {
      set_rounding(line[2] - '0');
      printf("m\n");
    }
    else if (line[0] == 'c' && line[1] == ' ') scan_one(line + 2);
    else printf("?\n");
  }
  return 0;
}
