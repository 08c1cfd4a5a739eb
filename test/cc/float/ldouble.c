/* long double (binary128) through the soft-float helpers: arithmetic, comparisons (NaN unordered),
 * conversions to and from every type, negation, arguments, results and variadic arguments. */
#include "fbits.h"
#include <stdarg.h>

static void p128(long double x) {
  union { long double d; unsigned w[4]; } u;
  u.d = x;
  t_hex(u.w[3], 8); t_hex(u.w[2], 8); t_hex(u.w[1], 8); t_hex(u.w[0], 8);
  t_puts(" ");
}

static long double ld_add3(long double a, long double b, long double c) { return a + b + c; }
static long double sum_va(int n, ...) {
  va_list ap;
  va_start(ap, n);
  long double s = 0;
  for (int i = 0; i < n; i++) s = s * 2 + va_arg(ap, long double);
  va_end(ap);
  return s;
}

static const long double vals[] = { 0.0L, -0.0L, 1.0L, -1.5L, 0.1L, 1e4000L, -3.3e-4940L, 1.0L / 3, 2.5e10L };

int main(void) {
  volatile long double nan = 0.0 / 0.0;
  for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
    long double a = vals[i];
    for (unsigned j = 0; j < sizeof vals / sizeof vals[0]; j++) {
      long double b = vals[j];
      p128(a + b); p128(a - b); p128(a * b); p128(a / b);
      PI((a == b) | (a != b) << 1 | (a < b) << 2 | (a <= b) << 3 | (a > b) << 4 | (a >= b) << 5);
      NL();
    }
    p128(-a); PI(!a); PI(a ? 1 : 2); PI((_Bool)a);
    PI(a == nan); PI(a != nan); PI(a < nan); PI(nan >= a);
    P64((double)a); P32((float)a);
    if (a > -2147483648.0L && a < 2147483648.0L) PI((int)a);
    if (a > -1.0L && a < 4294967296.0L) PI((unsigned)a);
    if (a > -9.2e18L && a < 9.2e18L) PI((long long)a);
    if (a > -1.0L && a < 1.8e19L) PI((long long)(unsigned long long)a);
    NL();
  }
  static const long long ints[] = { 0, 1, -1, 2147483647, -2147483647 - 1, 0x7fffffffffffffffLL, -0x7fffffffffffffffLL - 1 };
  for (unsigned i = 0; i < sizeof ints / sizeof ints[0]; i++) {
    p128((long double)ints[i]); p128((long double)(int)ints[i]); p128((long double)(unsigned)ints[i]);
    p128((long double)(unsigned long long)ints[i]); p128((long double)(short)ints[i]);
    NL();
  }
  volatile double d = 0.1;
  volatile float f = 0.1f;
  p128(d); p128(f); p128(d * 3); p128(d + 1.0L);
  NL();
  p128(ld_add3(1, 2.5, 0.1L)); p128(sum_va(3, 1.0L, 2.0L, (long double)d));
  NL();
  long double x = 1;
  for (int i = 0; i < 10; i++) x = x * 3 + 0.5L;
  p128(x);
  NL();
  /* compound assignment, ++ and -- on long double lvalues (the address evaluated once), and on other
   * types with a long double operand */
  static struct { int pad; long double v[3]; } st = { 1, { 0.25L, 2.0L, -3.0L } };
  static int calls;
  long double *at = &st.v[0];
  x = 10.0L;
  x += 0.5L; x -= 1; x *= 3; x /= 7; p128(x);
  long double y = x++; p128(y); p128(x);
  y = x--; p128(y); p128(x);
  y = ++x; p128(y); p128(x);
  y = --x; p128(y); p128(x);
  x = 1e30L; x += 1; x++; p128(x);
  volatile double dd = 2.5;
  dd += 1.0L / 3; P64(dd);
  int i3 = 3;
  i3 *= 2.5L; PI(i3);
  (calls++, at)[1] += 0.1L; (calls++, at)[2]++; ++*(calls++, at);
  p128(st.v[0]); p128(st.v[1]); p128(st.v[2]); PI(calls);
  NL();
  return t_done("ldouble");
}
