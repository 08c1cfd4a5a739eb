/* Floating constants (decimal and hex, suffixes, hard rounding cases), constant folding in static
 * initializers and integer constant expressions, <float.h>, and long double objects. Printed by bits. */
#include "fbits.h"
#include <float.h>

static const double hard[] = {
  2.2250738585072011e-308, 2.2250738585072012e-308, 9007199254740993.0, 9007199254740995.0, 0.1, 0.3, 1e23,
  8.533e+68, 4.9406564584124654e-324, 2.4703282292062327e-324, 2.4703282292062328e-324,
  1.7976931348623157e308, 1.7976931348623158e308, 1.7976931348623159e308, 1e309, 1e-400,
  0.1000000000000000055511151231257827021181583404541015625, 123456789012345678901234567890e-30,
  .5, 5., 1e0, 0e99, 00.125, 7.038531e-26, 9214843084008499.0, 30078505129381147446200.0,
  1777820000000000000001.0, 0.500000000000000166533453693773481063544750213623046875,
  3.518437208883201171875e13, 62.5364939768271845828, 8.10109172351e-10, 1.50000000000000011102230246251565404236316680908203125,
  0x1.8p1, 0x.8p-2, 0X1P-1074, 0x1.fffffffffffff8p1023, 0x1p-1075, 0x1.00000000000008p0, 0x1.00000000000018p0,
  0xAbC.dEfp-5, 0x1p+10, 1e+2, 1E-2,
};
static const float hardf[] = {
  1.00000005960464477539062499f, 1.000000059604644775390625f, 1.00000005960464477539062501f,
  1.00000005960464477539062500000000001f, 3.4028235677973366e38f, 3.4028234663852886e38f, 1e-45f, 7e-46f,
  0.1f, 16777217.0f, 0x1.fffffep127f, 0x1.ffffffp127f, 0x1p-149f, 0x1p-150f, 0x1.8p-150f, 1e2F, 1.17549421e-38f,
};
/* folded once in the initializer's type: the double quotient, then one conversion */
static float third_f = 1.0 / 3.0;
static double third = 1.0 / 3.0;
static float tenth_f = 0.1;
static double sum = 0.1 + 0.2;
static double neg_zero = -0.0;
static double product = 1e200 * 1e200;
static float big = 16777217;
static double du = 18446744073709551615ULL;
static double dneg = -9007199254740993LL;
static int cmp = 0.1 + 0.2 == 0.3;
static int nan_self = (0.0 / 0.0) == (0.0 / 0.0);
static int nan_ne = (0.0 / 0.0) != (0.0 / 0.0);
static int truncated = (int)-2.99;
static unsigned utr = (unsigned)3e9;
static long long lltr = (long long)-9.2e18;
static _Bool btrue = 0.5;
static int arr[(int)2.9];
enum { E = (int)(1.5 * 4) };
static double cond = 1.5 > 1 ? 2.5 : 3;
struct S { float f; double d; int i; };
static struct S st = { 1.1, 2.2f, (int)3.3 };
static double arrd[3] = { 1, 2.5f, 'a' };
static long double ld = 0.1L;
static long double ld3 = 1.0 / 3;
static long double ldm = -LDBL_MAX;

static void p128(const long double *p) {
  const unsigned *w = (const unsigned *)p;
  t_hex(w[3], 8); t_hex(w[2], 8); t_hex(w[1], 8); t_hex(w[0], 8);
  t_puts(" ");
}

int main(void) {
  for (unsigned i = 0; i < sizeof hard / sizeof hard[0]; i++) P64(hard[i]);
  NL();
  for (unsigned i = 0; i < sizeof hardf / sizeof hardf[0]; i++) P32(hardf[i]);
  NL();
  P32(third_f); P64(third); P32(tenth_f); P64(sum); P64(neg_zero); P64(product); P32(big); P64(du); P64(dneg);
  NL();
  PI(cmp); PI(nan_self); PI(nan_ne); PI(truncated); PI(utr); PI(lltr); PI(btrue); PI(sizeof arr); PI(E); P64(cond);
  NL();
  P32(st.f); P64(st.d); PI(st.i); P64(arrd[0]); P64(arrd[1]); P64(arrd[2]);
  NL();
  switch (3) {
  case (int)3.7: t_puts("case 3 "); break;
  default: t_puts("default ");
  }
  /* the same constants at run time, through volatile so nothing folds */
  volatile double one = 1.0, three = 3.0;
  P64(one / three); P32((float)(one / three));
  NL();
  P32(FLT_MAX); P32(FLT_MIN); P32(FLT_EPSILON); P32(FLT_TRUE_MIN); P64(DBL_MAX); P64(DBL_MIN); P64(DBL_EPSILON);
  P64(DBL_TRUE_MIN); PI(FLT_MANT_DIG); PI(DBL_MANT_DIG); PI(LDBL_MANT_DIG); PI(FLT_DIG); PI(DBL_DIG); PI(LDBL_DIG);
  PI(FLT_EVAL_METHOD); PI(FLT_RADIX); PI(DECIMAL_DIG); PI(FLT_MAX_EXP); PI(DBL_MIN_EXP); PI(LDBL_MAX_10_EXP);
  PI(FLT_ROUNDS); PI(DBL_DECIMAL_DIG); PI(FLT_HAS_SUBNORM);
  NL();
  PI(sizeof(float)); PI(sizeof(double)); PI(sizeof(long double)); PI(_Alignof(long double)); PI(_Alignof(double));
  PI(sizeof(1.0f)); PI(sizeof(1.0)); PI(sizeof(1.0L)); PI(sizeof(1.0f + 1)); PI(sizeof(1.0f + 1.0));
  NL();
  p128(&ld); p128(&ld3); p128(&ldm);
  long double copy = ld;
  p128(&copy);
  NL();
  return t_done("literals");
}
