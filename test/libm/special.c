/* special.c: C99 Annex F special values, errno (7.12.1) and fcsr exceptions of the libm, and <fenv.h>.
 * Each check prints "ok ..." or "FAIL ..." with the expression; test/libm/accuracy.test.ts reads them. */
#include <errno.h>
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static int failures;

static void report(int ok, const char *what) {
  printf("%s %s\n", ok ? "ok" : "FAIL", what);
  if (!ok) failures++;
}

/* same value, same sign of zero, NaN matches NaN */
static int same(double a, double b) {
  if (a != a) return b != b;
  return a == b && signbit(a) == signbit(b);
}

#define IS(expr, want) report(same((expr), (want)), #expr " == " #want)
#define TRUE(expr) report((expr) != 0, #expr)
/* expr's value, errno and raised exceptions */
#define RAISES(expr, want, err, flags)                                                 \
  do {                                                                                 \
    errno = 0;                                                                         \
    feclearexcept(FE_ALL_EXCEPT);                                                      \
    double v_ = (expr);                                                                \
    int f_ = fetestexcept(FE_ALL_EXCEPT);                                              \
    report(same(v_, (want)) && errno == (err) && (f_ & (flags)) == (flags),            \
           #expr " == " #want ", errno " #err ", raises " #flags);                      \
  } while (0)

static double quiet_nan(void) { return nan(""); }

int main(void) {
  TRUE(isnan(quiet_nan()) && !signbit(quiet_nan()));
  double inf = INFINITY, nan = NAN;
  TRUE(isnan(nanf("")));

  /* pow, F.9.4.4 */
  IS(pow(nan, 0.0), 1.0);
  IS(pow(1.0, nan), 1.0);
  IS(pow(-1.0, inf), 1.0);
  IS(pow(-1.0, -inf), 1.0);
  RAISES(pow(-0.0, -3.0), -inf, ERANGE, FE_DIVBYZERO);
  RAISES(pow(0.0, -3.0), inf, ERANGE, FE_DIVBYZERO);
  RAISES(pow(-0.0, -2.0), inf, ERANGE, FE_DIVBYZERO);
  RAISES(pow(-0.0, -0.5), inf, ERANGE, FE_DIVBYZERO);
  IS(pow(-0.0, 3.0), -0.0);
  IS(pow(-0.0, 2.0), 0.0);
  IS(pow(0.5, -inf), inf);
  IS(pow(2.0, -inf), 0.0);
  IS(pow(0.5, inf), 0.0);
  IS(pow(2.0, inf), inf);
  IS(pow(-inf, -3.0), -0.0);
  IS(pow(-inf, -2.0), 0.0);
  IS(pow(-inf, 3.0), -inf);
  IS(pow(-inf, 2.0), inf);
  IS(pow(inf, -1.0), 0.0);
  IS(pow(inf, 0.5), inf);
  RAISES(pow(-2.0, 0.5), nan, EDOM, FE_INVALID);
  RAISES(pow(10.0, 400.0), inf, ERANGE, FE_OVERFLOW);
  RAISES(pow(10.0, -400.0), 0.0, ERANGE, FE_UNDERFLOW);
  IS(pow(2.0, 10.0), 1024.0);
  RAISES(pow(-1e-92, 2e306), 0.0, ERANGE, FE_UNDERFLOW); /* huge even y: no NaN from an overflowing product */
  RAISES(pow(-1e-24, -4e307), inf, ERANGE, FE_OVERFLOW);
  IS(pow(-2.0, 3.0), -8.0);
  IS(pow(4.0, 0.5), 2.0);

  /* atan2, F.9.1.4 */
  IS(atan2(0.0, -0.0), M_PI);
  IS(atan2(-0.0, -0.0), -M_PI);
  IS(atan2(0.0, 0.0), 0.0);
  IS(atan2(-0.0, 0.0), -0.0);
  IS(atan2(0.0, -1.0), M_PI);
  IS(atan2(-0.0, -1.0), -M_PI);
  IS(atan2(0.0, 1.0), 0.0);
  IS(atan2(-0.0, 1.0), -0.0);
  IS(atan2(-1.0, 0.0), -M_PI_2);
  IS(atan2(1.0, -0.0), M_PI_2);
  IS(atan2(1.0, -inf), M_PI);
  IS(atan2(-1.0, -inf), -M_PI);
  IS(atan2(1.0, inf), 0.0);
  IS(atan2(-1.0, inf), -0.0);
  IS(atan2(inf, 1.0), M_PI_2);
  IS(atan2(inf, -inf), 3 * M_PI_4);
  IS(atan2(-inf, inf), -M_PI_4);

  /* logarithms and exponentials */
  RAISES(log(0.0), -inf, ERANGE, FE_DIVBYZERO);
  RAISES(log(-0.0), -inf, ERANGE, FE_DIVBYZERO);
  RAISES(log(-1.0), nan, EDOM, FE_INVALID);
  RAISES(log2(0.0), -inf, ERANGE, FE_DIVBYZERO);
  RAISES(log10(-inf), nan, EDOM, FE_INVALID);
  RAISES(log1p(-1.0), -inf, ERANGE, FE_DIVBYZERO);
  RAISES(log1p(-2.0), nan, EDOM, FE_INVALID);
  IS(log(1.0), 0.0);
  IS(log(inf), inf);
  IS(log1p(-0.0), -0.0);
  IS(log2(8.0), 3.0);
  IS(log2(0x1p-1074), -1074.0);
  IS(log10(1000.0), 3.0);
  RAISES(exp(1000.0), inf, ERANGE, FE_OVERFLOW);
  RAISES(exp(-1000.0), 0.0, ERANGE, FE_UNDERFLOW);
  IS(exp(-inf), 0.0);
  IS(exp(0.0), 1.0);
  IS(exp2(10.0), 1024.0);
  IS(exp2(-1074.0), 0x1p-1074);
  IS(expm1(-0.0), -0.0);
  IS(expm1(-inf), -1.0);
  RAISES(exp2(1024.0), inf, ERANGE, FE_OVERFLOW);
  IS(cbrt(-27.0), -3.0);
  IS(cbrt(-0.0), -0.0);
  IS(sqrt(-0.0), -0.0);
  RAISES(sqrt(-1.0), nan, EDOM, FE_INVALID);
  IS(hypot(inf, nan), inf);
  IS(hypot(nan, -inf), inf);
  IS(hypot(3.0, 4.0), 5.0);

  /* trigonometric and hyperbolic */
  IS(sin(-0.0), -0.0);
  IS(tan(-0.0), -0.0);
  IS(cos(-0.0), 1.0);
  RAISES(sin(inf), nan, EDOM, FE_INVALID);
  RAISES(cos(-inf), nan, EDOM, FE_INVALID);
  RAISES(asin(2.0), nan, EDOM, FE_INVALID);
  RAISES(acos(-1.5), nan, EDOM, FE_INVALID);
  IS(acos(1.0), 0.0);
  IS(asin(-0.0), -0.0);
  IS(atan(-inf), -M_PI_2);
  IS(sinh(-0.0), -0.0);
  IS(tanh(-inf), -1.0);
  IS(cosh(-inf), inf);
  RAISES(cosh(1000.0), inf, ERANGE, FE_OVERFLOW);
  RAISES(sinh(-1000.0), -inf, ERANGE, FE_OVERFLOW);
  IS(asinh(-0.0), -0.0);
  IS(acosh(1.0), 0.0);
  RAISES(acosh(0.5), nan, EDOM, FE_INVALID);
  RAISES(atanh(1.0), inf, ERANGE, FE_DIVBYZERO);
  RAISES(atanh(-1.0), -inf, ERANGE, FE_DIVBYZERO);
  RAISES(atanh(2.0), nan, EDOM, FE_INVALID);
  IS(sin(1e22), -0x1.b453ab76bf397p-1); /* a classic reduction test: -0.8522008497671888 */

  /* erf, gamma */
  IS(erf(-0.0), -0.0);
  IS(erf(inf), 1.0);
  IS(erfc(-inf), 2.0);
  IS(erfc(inf), 0.0);
  IS(tgamma(5.0), 24.0);
  IS(tgamma(0.5), 0x1.c5bf891b4ef6bp+0); /* sqrt(pi) correctly rounded (sqrt(M_PI) is one ulp below) */
  RAISES(tgamma(0.0), inf, ERANGE, FE_DIVBYZERO);
  RAISES(tgamma(-0.0), -inf, ERANGE, FE_DIVBYZERO);
  RAISES(tgamma(-1.0), nan, EDOM, FE_INVALID);
  RAISES(tgamma(-inf), nan, EDOM, FE_INVALID);
  RAISES(tgamma(200.0), inf, ERANGE, FE_OVERFLOW);
  IS(lgamma(1.0), 0.0);
  IS(lgamma(2.0), 0.0);
  RAISES(lgamma(0.0), inf, ERANGE, FE_DIVBYZERO);
  RAISES(lgamma(-3.0), inf, ERANGE, FE_DIVBYZERO);
  IS(lgamma(-inf), inf);
  lgamma(-0.5);
  TRUE(signgam == -1);
  lgamma(-1.5);
  TRUE(signgam == 1);

  /* exact functions */
  IS(floor(-0.5), -1.0);
  IS(ceil(-0.5), -0.0);
  IS(trunc(-0.5), -0.0);
  IS(round(2.5), 3.0);
  IS(round(-2.5), -3.0);
  IS(round(0.49999999999999994), 0.0);
  IS(rint(2.5), 2.0);
  IS(rint(-0.5), -0.0);
  TRUE(lround(-2.5) == -3);
  TRUE(llround(1e15 + 0.5) == 1000000000000001LL);
  TRUE(lrint(3.5) == 4);
  IS(fmod(5.5, 2.0), 1.5);
  IS(fmod(-5.5, 2.0), -1.5);
  IS(fmod(-4.0, 2.0), -0.0);
  IS(fmod(0x1p1023, 0x1p-1074), 0.0);
  RAISES(fmod(1.0, 0.0), nan, EDOM, FE_INVALID);
  RAISES(fmod(inf, 1.0), nan, EDOM, FE_INVALID);
  IS(fmod(1.0, inf), 1.0);
  IS(remainder(5.0, 2.0), 1.0);
  IS(remainder(7.0, 2.0), -1.0);
  IS(remainder(-1.0, 2.0), -1.0);
  int q;
  IS(remquo(29.0, 3.0, &q), -1.0);
  TRUE((q & 7) == 2);
  IS(remquo(-29.0, 3.0, &q), 1.0);
  TRUE(q < 0 && (-q & 7) == 2);
  int e;
  IS(frexp(0x1p-1074, &e), 0.5);
  TRUE(e == -1073);
  IS(frexp(-8.0, &e), -0.5);
  TRUE(e == 4);
  IS(ldexp(1.0, -1074), 0x1p-1074);
  RAISES(ldexp(1.0, 1024), inf, ERANGE, FE_OVERFLOW);
  IS(ldexp(0x1p-1074, 2000), 0x1p926);
  double ip;
  IS(modf(-3.25, &ip), -0.25);
  IS(ip, -3.0);
  IS(modf(-inf, &ip), -0.0);
  IS(logb(0x1p-1074), -1074.0);
  RAISES(logb(0.0), -inf, ERANGE, FE_DIVBYZERO);
  TRUE(ilogb(0.0) == FP_ILOGB0);
  TRUE(ilogb(nan) == FP_ILOGBNAN);
  TRUE(ilogb(0x1p-1074) == -1074);
  IS(nextafter(0.0, -1.0), -0x1p-1074);
  IS(nextafter(1.0, 2.0), 0x1.0000000000001p+0);
  RAISES(nextafter(0x1.fffffffffffffp+1023, inf), inf, ERANGE, FE_OVERFLOW);
  IS(fdim(3.0, 5.0), 0.0);
  IS(fmin(nan, 1.0), 1.0);
  IS(fmax(-0.0, 0.0), 0.0);
  IS(fmin(-0.0, 0.0), -0.0);
  IS(fmaxf(1.0f, NAN), 1.0);
  IS(fma(0x1p-30 + 1, 0x1p-30 + 1, -1.0), 0x1p-29 + 0x1p-60);
  IS(fmaf(1.0f + 0x1p-20f, 1.0f + 0x1p-20f, -1.0f), 0x1p-19 + 0x1p-40);
  IS(copysign(1.0, -0.0), -1.0);
  volatile float fnan = NAN; /* negated at run time: fneg keeps a NaN's sign (a conversion would not) */
  IS(copysignf(1.0f, -fnan), -1.0);
  IS(copysignf(1.0f, -0.0f), -1.0);

  /* classification */
  TRUE(fpclassify(0x1p-1074) == FP_SUBNORMAL);
  TRUE(fpclassify(-0.0f) == FP_ZERO);
  TRUE(fpclassify(1e-40f) == FP_SUBNORMAL);
  TRUE(fpclassify(inf) == FP_INFINITE && isinf(-inf) && !isinf(nan));
  TRUE(isnan(nan) && isnan(NAN) && !isnan(inf));
  TRUE(isfinite(0x1.fffffffffffffp+1023) && !isfinite(inf) && isnormal(0x1p-1022) && !isnormal(0x1p-1022 / 2));
  TRUE(signbit(-0.0) && !signbit(0.0) && signbit(-1.0f));
  feclearexcept(FE_ALL_EXCEPT);
  TRUE(!isgreater(nan, 1.0) && !isless(1.0, nan) && isunordered(nan, 0.0) && islessgreater(1.0, 2.0));
  TRUE(fetestexcept(FE_INVALID) == 0);

  /* float versions */
  IS(expf(100.0f), inf);
  RAISES(expf(100.0f), inf, ERANGE, FE_OVERFLOW);
  IS(sqrtf(2.0f), 1.41421353816986083984375);
  IS(powf(2.0f, 0.5f), 1.41421353816986083984375);
  IS(nextafterf(1.0f, 0.0f), 1.0 - 0x1p-24);
  IS(cbrtf(-8.0f), -2.0);

  /* fenv */
  TRUE(fegetround() == FE_TONEAREST);
  TRUE(fesetround(FE_UPWARD) == 0 && fegetround() == FE_UPWARD);
  IS(rint(2.1), 3.0);
  IS(rint(-2.9), -2.0);
  fesetround(FE_DOWNWARD);
  IS(rint(2.9), 2.0);
  IS(rint(-2.1), -3.0);
  IS(nearbyint(-0.5), -1.0);
  fesetround(FE_TOWARDZERO);
  IS(rint(-2.9), -2.0);
  TRUE(lrint(2.9) == 2);
  TRUE(fesetround(7) != 0 && fegetround() == FE_TOWARDZERO);
  fesetround(FE_TONEAREST);
  feclearexcept(FE_ALL_EXCEPT);
  nearbyint(2.5);
  TRUE(!fetestexcept(FE_INEXACT));
  rint(2.5);
  TRUE(fetestexcept(FE_INEXACT));
  feraiseexcept(FE_OVERFLOW | FE_INVALID);
  TRUE(fetestexcept(FE_ALL_EXCEPT) == (FE_OVERFLOW | FE_INVALID | FE_INEXACT));
  fexcept_t saved;
  fegetexceptflag(&saved, FE_OVERFLOW);
  feclearexcept(FE_ALL_EXCEPT);
  fesetexceptflag(&saved, FE_ALL_EXCEPT);
  TRUE(fetestexcept(FE_ALL_EXCEPT) == FE_OVERFLOW);
  fenv_t env;
  fesetround(FE_UPWARD);
  feholdexcept(&env);
  TRUE(fetestexcept(FE_ALL_EXCEPT) == 0 && fegetround() == FE_UPWARD);
  feraiseexcept(FE_UNDERFLOW);
  feupdateenv(&env);
  TRUE(fetestexcept(FE_ALL_EXCEPT) == (FE_OVERFLOW | FE_UNDERFLOW) && fegetround() == FE_UPWARD);
  fesetenv(FE_DFL_ENV);
  TRUE(fegetround() == FE_TONEAREST && fetestexcept(FE_ALL_EXCEPT) == 0);
  fegetenv(&env);
  fesetround(FE_DOWNWARD);
  fesetenv(&env);
  TRUE(fegetround() == FE_TONEAREST);

  printf("%d failures\n", failures);
  return failures != 0;
}
