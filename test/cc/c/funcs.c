#include "test.h"
#include <stdarg.h>
/* Calls: recursion, many arguments (stack), narrow argument conversions, struct arguments and
 * results of several sizes, variadic functions with <stdarg.h>, function-pointer calls. */
struct S1 { char a; };
struct S3 { char a, b, c; };
struct S4 { int a; };
struct S8 { int a, b; };
struct S12 { int a, b, c; };
struct SLL { long long v; };
int many(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k) {
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j + 11 * k;
}
long long many_ll(int a, long long b, int c, long long d, long long e, int f, long long g) {
  return a + b + c + d + e + f + g;
}
int narrow(char c, short s, unsigned char uc, signed char sc) { return c + s + uc + sc; }
char ret_char(int x) { return x; }
signed char ret_schar(int x) { return x; }
short ret_short(int x) { return x; }
_Bool ret_bool(int x) { return x; }
int s1(struct S1 s) { return s.a; }
int s3(struct S3 s) { return s.a + s.b + s.c; }
int s8(struct S8 s) { return s.a - s.b; }
int s12(struct S12 s) { return s.a + s.b + s.c; }
long long sll(struct SLL s) { return s.v; }
struct S3 mk3(char a) { struct S3 s = {a, a + 1, a + 2}; return s; }
struct S8 mk8(int a) { struct S8 s = {a, -a}; return s; }
struct S12 mk12(int a) { struct S12 s = {a, a * 2, a * 3}; return s; }
int s_after_regs(int a, int b, int c, int d, int e, int f, int g, struct S8 s) { return a + g + s.a + s.b * 2; }
int split_s8(int a, int b, int c, int d, int e, int f, int g, struct S8 s, int h) { return s.a * 100 + s.b * 10 + h; }
int vsum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int s = 0;
  for (int i = 0; i < n; i++) s += va_arg(ap, int);
  va_end(ap);
  return s;
}
long long vmix(int n, ...) {
  va_list ap;
  va_start(ap, n);
  long long s = 0;
  for (int i = 0; i < n; i++) {
    int kind = va_arg(ap, int);
    if (kind == 1) s += va_arg(ap, long long);
    else if (kind == 2) { struct S8 x = va_arg(ap, struct S8); s += x.a * 10 + x.b; }
    else if (kind == 3) { struct S12 x = va_arg(ap, struct S12); s += x.a + x.b + x.c; }
    else s += va_arg(ap, int);
  }
  va_end(ap);
  return s;
}
int vforward2(int n, va_list ap) { int s = 0; while (n--) s += va_arg(ap, int); return s; }
int vforward(int n, ...) { va_list ap; va_start(ap, n); int r = vforward2(n, ap); va_end(ap); return r; }
int vcopy(int n, ...) {
  va_list ap, aq;
  va_start(ap, n);
  va_copy(aq, ap);
  int a = va_arg(ap, int);
  int b = va_arg(aq, int);
  va_end(ap);
  va_end(aq);
  return a == b;
}
int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
int ack(int m, int n) { return m == 0 ? n + 1 : n == 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
int even(int n);
int odd(int n) { return n == 0 ? 0 : even(n - 1); }
int even(int n) { return n == 0 ? 1 : odd(n - 1); }
static int hidden(void) { return 5; }
static inline int inl(int x) { return x + 1; }
void set(int *p, int v) { *p = v; }
void noop(void) { return; }
int main(void) {
  ASSERT(506, many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
  ASSERT(0x300000006LL + 0x100000000LL, many_ll(1, 0x100000000LL, 1, 0x100000000LL, 0x100000001LL, 1, 0x100000002LL));
  ASSERT(200 + 1000 + 255 - 1, narrow(200, 1000, 255, -1));
  ASSERT(255, ret_char(-1));
  ASSERT(-1, ret_schar(255));
  ASSERT(-1, ret_short(65535));
  ASSERT(1, ret_bool(256));
  struct S1 x1 = {9};
  ASSERT(9, s1(x1));
  struct S3 x3 = {1, 2, 3};
  ASSERT(6, s3(x3));
  struct S8 x8 = {10, 3};
  ASSERT(7, s8(x8));
  struct S12 x12 = {1, 2, 3};
  ASSERT(6, s12(x12));
  struct SLL xl = {0x123456789LL};
  ASSERT(0x123456789LL, sll(xl));
  ASSERT(22, mk3(10).c + mk3(10).b - mk3(10).a + 10 - 1);
  ASSERT(-4, mk8(4).b);
  ASSERT(15, mk12(5).c);
  ASSERT(1 + 7 + 10 + 6, s_after_regs(1, 2, 3, 4, 5, 6, 7, x8));
  ASSERT(1039, split_s8(0, 0, 0, 0, 0, 0, 0, x8, 9));
  ASSERT(15, vsum(5, 1, 2, 3, 4, 5));
  ASSERT(0, vsum(0));
  ASSERT(55, vsum(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
  struct S8 v8 = {3, 4};
  struct S12 v12 = {1, 1, 1};
  ASSERT(0x100000000LL + 34 + 3 + 7, vmix(4, 1, 0x100000000LL, 2, v8, 3, v12, 0, 7));
  ASSERT(0x500000000LL + 6, vmix(7, 0, 1, 0, 2, 0, 3, 1, 0x100000000LL, 1, 0x100000000LL, 1, 0x100000000LL, 1, 0x200000000LL));
  ASSERT(6, vforward(3, 1, 2, 3));
  ASSERT(1, vcopy(1, 42));
  ASSERT(120, fact(5));
  ASSERT(61, ack(2, 29));
  ASSERT(1, even(10));
  ASSERT(0, even(7));
  ASSERT(5, hidden());
  ASSERT(4, inl(3));
  int z;
  set(&z, 33);
  ASSERT(33, z);
  noop();
  int (*fp)(int, ...) = vsum;
  ASSERT(3, fp(2, 1, 2));
  ASSERT(10, many(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) + vsum(3, 1, 2, 3) + fact(1) + fact(2));
  ASSERT(3, vsum(2, fact(1), vsum(2, 1, fact(1))));
  return t_done("funcs");
}
