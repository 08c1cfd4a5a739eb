/* log_core.c: ln x in double-double, the core of log, log2, log10, log1p, pow and the inverse hyperbolic
 * functions.
 *
 * x = 2^e m with sqrt(1/2) <= m < sqrt(2), so ln x = e ln2 + ln m, and ln m = 2 atanh(s) with
 * s = (m - 1)/(m + 1), |s| <= 0.1716 (m - 1 is exact by Sterbenz's lemma, m + 1 is formed in dd). The series
 * atanh(s)/s = sum s^2n / (2n + 1) has ratio s^2 < 0.0295 < 2^-5; 21 terms leave a remainder below
 * 2^-106. Terms n >= 5 weigh less than 2^-25 of the sum, so binary64 Horner is enough for them (relative
 * error 2^-78 of the result); terms 0..4 are summed in dd with 1/(2n+1) in dd. */
#include "internal.h"

dd __log_core(dd x) {
  int e = 0;
  if (x.hi < 0x1p-1000) {
    x = dd_make(x.hi * 0x1p200, x.lo * 0x1p200);
    e = -200;
  }
  int f = exponent_field(x.hi) - 0x3ff;
  dd m = dd_make(scalbn(x.hi, -f), scalbn(x.lo, -f));
  e += f;
  if (m.hi > 1.4142135623730951) {
    m = dd_make(m.hi * 0.5, m.lo * 0.5);
    e++;
  }
  dd num = two_sum(m.hi - 1.0, m.lo);
  dd den = dd_add_d(two_sum(1.0, m.hi), m.lo);
  dd l = dd_make(0.0, 0.0);
  if (num.hi != 0.0) {
    dd s = dd_div(num, den);
    dd s2 = dd_mul(s, s);
    double tail = 1.0 / 43;
    for (int n = 20; n >= 5; n--) tail = tail * s2.hi + 1.0 / (2 * n + 1);
    dd p = dd_make(tail, 0.0);
    for (int n = 4; n >= 0; n--) p = dd_add(dd_recip(2 * n + 1), dd_mul(s2, p));
    l = dd_mul(s, p);
    l = dd_make(2.0 * l.hi, 2.0 * l.lo);
  }
  if (e == 0) return l;
  return dd_add(dd_mul_d(dd_make(LN2_HI, LN2_LO), (double)e), l);
}
