/* gamma.c: lgamma and tgamma, in double-double.
 *
 * For y >= 20, Stirling's series ln gamma(y) = (y - 1/2) ln y - y + ln(2 pi)/2 + sum_k c_k / y^(2k-1),
 * c_k = B_2k / (2k (2k - 1)) (Bernoulli numbers, exact rationals below): at y = 20 the 15th term is
 * below 2^-110 of the result, and the series' own error is smaller still. Below 20 the argument is shifted,
 * ln gamma(y) = ln gamma(y + n) - ln(y (y + 1) ... (y + n - 1)), the product in dd. Near the zeros at 1 and
 * 2 that difference cancels; within 2^-30 of them the Taylor series ln gamma(1 + z) = -gamma z +
 * zeta(2)/2 z^2 - zeta(3)/3 z^3 (and ln gamma(2 + z) = (1 - gamma) z + (zeta(2) - 1)/2 z^2 - ...) are used.
 * For x < 0, Euler's reflection gamma(x) gamma(1 - x) = pi / sin(pi x), with sin(pi x) from an exact
 * reduction of x modulo 2. Known limit: within about 2^-40 of the zeros of ln|gamma| on the negative axis
 * the reflection cancels and the error can exceed 1 ulp. */
#include "internal.h"

int signgam;

/* B_2k / (2k (2k - 1)) = num / den for k = 1..15. */
static const double bernoulli_num[15] = { 1, -1, 1, -1, 1, -691, 1, -3617, 43867, -174611, 854513,
  -236364091, 8553103, -23749461029.0, 8615841276005.0 };
static const double bernoulli_den[15] = { 12, 360, 1260, 1680, 1188, 360360, 156, 122400, 244188, 125400,
  63756, 1506960, 3900, 657720, 12460140 };

/* ln gamma(y) for y >= 20 (dd). */
static dd stirling(dd y) {
  dd lead = dd_sub(dd_mul(dd_add_d(y, -0.5), __log_core(y)), y);
  lead = dd_add(lead, dd_make(HALF_LN_2PI_HI, HALF_LN_2PI_LO));
  if (y.hi > 0x1p100) return lead; /* the series is below 1/(12 y) < 2^-103 */
  dd w = dd_div(dd_make(1.0, 0.0), dd_mul(y, y));
  dd s = dd_make(0.0, 0.0);
  for (int k = 14; k >= 0; k--) s = dd_add(dd_div_d(dd_make(bernoulli_num[k], 0.0), bernoulli_den[k]), dd_mul(w, s));
  return dd_add(lead, dd_div(s, y));
}

/* ln gamma(1 + z) (at == 1) or ln gamma(2 + z) (at == 2) for |z| < 2^-30. */
static dd near_zero(dd z, int at) {
  dd c1 = dd_neg(dd_make(EULER_HI, EULER_LO));
  dd c2 = dd_make(ZETA2_2_HI, ZETA2_2_LO);
  dd c3 = dd_neg(dd_make(ZETA3_3_HI, ZETA3_3_LO));
  if (at == 2) {
    c1 = dd_add_d(c1, 1.0);
    c2 = dd_add_d(c2, -0.5);
    c3 = dd_add(c3, dd_recip(3.0));
  }
  return dd_mul(z, dd_add(c1, dd_mul(z, dd_add(c2, dd_mul(z, c3)))));
}

/* ln gamma(y) for a positive dd y. */
static dd lgamma_positive(dd y) {
  dd z = dd_add_d(y, -1.0);
  if (fabs(z.hi) < 0x1p-30) return near_zero(z, 1);
  z = dd_add_d(y, -2.0);
  if (fabs(z.hi) < 0x1p-30) return near_zero(z, 2);
  if (y.hi >= 20) return stirling(y);
  int n = (int)(20 - y.hi) + 1;
  dd prod = y;
  for (int i = 1; i < n; i++) prod = dd_mul(prod, dd_add_d(y, (double)i));
  return dd_sub(stirling(dd_add_d(y, (double)n)), __log_core(prod));
}

/* |sin(pi x)| for a finite non-integer x with |x| < 2^52. */
static dd abs_sin_pi(double x) {
  double r = fabs(x - 2.0 * rint(0.5 * x)); /* exact, in [0, 1] */
  if (r > 0.5) r = 1.0 - r;
  if (r <= 0.25) return __sin_core(dd_mul_d(dd_make(PI_HI, PI_LO), r));
  return __cos_core(dd_mul_d(dd_make(PI_HI, PI_LO), 0.5 - r));
}

/* ln |gamma(x)| for finite x that is not 0 or a negative integer; *sign gets the sign of gamma(x). */
static dd lgamma_dd(double x, int *sign) {
  *sign = 1;
  if (fabs(x) < 0x1p-30) { /* gamma(x) = gamma(1 + x) / x, without sin(pi x) of a tiny x */
    if (x < 0) *sign = -1;
    return dd_sub(lgamma_positive(two_sum(1.0, x)), __log_core(dd_make(fabs(x), 0.0)));
  }
  if (x > 0) return lgamma_positive(dd_make(x, 0.0));
  if ((long long)floor(x) & 1) *sign = -1;
  dd l = dd_sub(dd_make(LN_PI_HI, LN_PI_LO), __log_core(abs_sin_pi(x)));
  return dd_sub(l, lgamma_positive(two_sum(1.0, -x)));
}

static int is_pole(double x) { return x <= 0 && x == floor(x); }

double lgamma(double x) {
  signgam = 1;
  if (x != x) return x + x;
  if (fabs(x) == INFINITY) return INFINITY;
  if (is_pole(x)) {
    if (x == 0 && __signbit(x)) signgam = -1;
    return __math_divzero(0);
  }
  if (x > 0x1p1020) return __math_overflow(0); /* ln gamma(x) > x (ln x - 1) > DBL_MAX */
  dd l = lgamma_dd(x, &signgam);
  double r = l.hi + l.lo;
  if (r != r || r == INFINITY) return __math_overflow(0);
  return r;
}

double tgamma(double x) {
  if (x != x) return x + x;
  if (x == INFINITY) return x;
  if (x == 0) return __math_divzero(__signbit(x));
  if (x == -INFINITY || is_pole(x)) return __math_invalid(x);
  if (x > 171.7) return __math_overflow(0);
  if (x < -190) return __math_underflow(((long long)floor(x) & 1) != 0);
  int sign;
  dd l = lgamma_dd(x, &sign);
  if (l.hi > 709.8) return __math_overflow(sign < 0);
  if (l.hi < -745.2) return __math_underflow(sign < 0);
  int k;
  dd u = __expm1_core(l, &k);
  double r = __math_finish(dd_add_d(u, 1.0), k);
  return sign < 0 ? -r : r;
}
