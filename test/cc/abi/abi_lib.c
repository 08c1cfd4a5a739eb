#include <stdarg.h>
#include "abi.h"
/* Callees for the ABI test (built by one compiler, called from code built by the other). */
int take_sc(signed char c) { return c; }
int take_uc(unsigned char c) { return c; }
int take_ss(short s) { return s; }
int take_us(unsigned short s) { return s; }
int take_bool(_Bool b) { return b; }
signed char ret_sc(int x) { return x; }
unsigned char ret_uc(int x) { return x; }
short ret_ss(int x) { return x; }
unsigned short ret_us(int x) { return x; }
_Bool ret_bool(int x) { return x; }
long long ret_ll(long long a, long long b) { return a * b - 1; }
unsigned long long ret_ull(unsigned a, unsigned b) { return (unsigned long long)a * b; }
long long ll_pair(int a, long long b, int c, long long d) { return a + b * 2 + c * 3 + d * 4; }
long long ll_split(int a, int b, int c, int d, int e, int f, int g, long long h, int i) { return h + a + g + i * 1000; }
long long ll_stack(int a, int b, int c, int d, int e, int f, int g, int h, int i, long long j, int k, long long l) {
  return a + h + i * 10 + j + k * 100 + l;
}
int many(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, char k, short l, long long m) {
  return a + b + c + d + e + f + g + h + i * 2 + j * 3 + k * 4 + l * 5 + (int)(m >> 32) * 7 + (int)m;
}
int s1(struct S1 s) { return s.a; }
int s2(struct S2 s) { return s.a; }
int s3(struct S3 s) { return s.a * 10000 + s.b * 100 + s.c; }
int s4(struct S4 s) { return s.a; }
int s5(struct S5 s) { return s.a[0] + s.a[4] * 100; }
int s6(struct S6 s) { return s.a + s.b * 10 + s.c * 100; }
int s8(struct S8 s) { return s.a - s.b; }
long long sll(struct SLL s) { return s.v + 1; }
int sci(struct SCI s) { return s.c * 1000 + s.i; }
int s12(struct S12 s) { s.a = 0; return s.b + s.c * 10; }
int s16(struct S16 s, int k) { return s.a + s.b + s.c + s.d + k; }
int s20(struct S20 s) { return s.name[0] + s.name[16] + s.n; }
int s8_split(int a, int b, int c, int d, int e, int f, int g, struct S8 s) { return a + g + s.a * 10 + s.b * 100; }
int s12_stack(int a, int b, int c, int d, int e, int f, int g, int h, struct S12 s, struct S4 t) { return h + s.a + s.c * 10 + t.a * 100; }
struct S1 r1(int x) { struct S1 s = {x}; return s; }
struct S3 r3(int x) { struct S3 s = {x, x + 1, x + 2}; return s; }
struct S4 r4(int x) { struct S4 s = {x}; return s; }
struct S5 r5(int x) { struct S5 s = {{x, 0, 0, 0, x + 4}}; return s; }
struct S6 r6(int x) { struct S6 s = {x, -x, x * 2}; return s; }
struct S8 r8(int x) { struct S8 s = {x, x * 3}; return s; }
struct SLL rll(long long x) { struct SLL s = {x << 4}; return s; }
struct SCI rci(int x) { struct SCI s = {x, x * 7}; return s; }
struct S12 r12(int x) { struct S12 s = {x, x + 1, x + 2}; return s; }
struct S16 r16(int x) { struct S16 s = {x, x, x, x * 2}; return s; }
struct S20 r20(int x) { struct S20 s = {{x}, x * 3}; s.name[16] = 9; return s; }
int vsum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int s = 0;
  while (n--) s += va_arg(ap, int);
  va_end(ap);
  return s;
}
long long vll(int n, ...) {
  va_list ap;
  va_start(ap, n);
  long long s = 0;
  while (n--) s += va_arg(ap, long long);
  va_end(ap);
  return s;
}
int vstruct(int n, ...) {
  va_list ap;
  va_start(ap, n);
  struct S8 a = va_arg(ap, struct S8);
  struct S12 b = va_arg(ap, struct S12);
  struct S3 c = va_arg(ap, struct S3);
  int k = va_arg(ap, int);
  va_end(ap);
  return n + a.a + a.b * 10 + b.c * 100 + c.c * 1000 + k * 10000;
}
long long vmixed(int a, int b, int c, int d, int e, int f, int g, ...) {
  va_list ap;
  va_start(ap, g);
  long long x = va_arg(ap, long long);
  int y = va_arg(ap, int);
  long long z = va_arg(ap, long long);
  va_end(ap);
  return a + g + x + y * 10 + z;
}
int callback(int (*f)(int, long long, struct S8), int x) {
  struct S8 s = {x, x + 1};
  return f(x, (long long)x << 33, s) + 1;
}
