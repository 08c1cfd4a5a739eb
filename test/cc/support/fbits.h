/* fbits.h: print floating values by their IEEE bits (no printf %f needed), for the float conformance tests.
 * Uses test.h's output. P32(x) prints a float's 8 hex digits, P64(x) a double's 16, PI(x) an integer. */
#ifndef PAGODA_FBITS_H
#define PAGODA_FBITS_H
#include "test.h"
static void t_hex(unsigned long long v, int digits) {
  char buf[17];
  for (int i = digits - 1; i >= 0; i--) {
    buf[i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  }
  buf[digits] = 0;
  t_puts(buf);
}
static void t_p32(float f) {
  union { float f; unsigned u; } x;
  x.f = f;
  t_hex(x.u, 8);
  t_puts(" ");
}
static void t_p64(double d) {
  union { double d; unsigned long long u; } x;
  x.d = d;
  t_hex(x.u, 16);
  t_puts(" ");
}
static void t_pi(long long v) {
  t_putll(v);
  t_puts(" ");
}
#define P32(x) t_p32(x)
#define P64(x) t_p64(x)
#define PI(x) t_pi(x)
#define NL() t_puts("\n")
#endif
