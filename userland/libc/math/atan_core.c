/* atan_core.c: atan and atan2 in double-double, the core of atan, atan2, asin and acos.
 *
 * For t > 1, atan t = pi/2 - atan(1/t). For t <= 1 the half-angle identity
 * atan t = 2 atan(t / (1 + sqrt(1 + t^2))) is applied until t <= 1/8 (at most three times), then the
 * series atan t = t sum (-1)^n t^2n / (2n + 1), ratio t^2 <= 2^-6: 18 terms leave less than 2^-108. Terms
 * n >= 4 weigh below 2^-24 of the sum and are summed in binary64; terms 0..3 in dd. */
#include "internal.h"

dd __atan_core(dd t) {
  int inverted = t.hi > 1.0;
  if (inverted) t = dd_div(dd_make(1.0, 0.0), t);
  int halvings = 0;
  while (t.hi > 0.125) {
    t = dd_div(t, dd_add_d(dd_sqrt(dd_add_d(dd_mul(t, t), 1.0)), 1.0));
    halvings++;
  }
  dd t2 = dd_mul(t, t);
  double tail = 1.0 / 35;
  for (int n = 16; n >= 4; n--) tail = 1.0 / (2 * n + 1) - t2.hi * tail;
  dd p = dd_make(tail, 0.0);
  for (int n = 3; n >= 0; n--) {
    dd c = dd_recip(2 * n + 1);
    p = dd_sub(c, dd_mul(t2, p));
  }
  dd a = dd_mul(t, p);
  a = dd_make(scalbn(a.hi, halvings), scalbn(a.lo, halvings));
  if (inverted) a = dd_sub(dd_make(PI_2_HI, PI_2_LO), a);
  return a;
}

dd __atan2_core(dd y, dd x) {
  dd ax = x.hi < 0 ? dd_neg(x) : x;
  dd a;
  if (y.hi <= ax.hi) a = __atan_core(dd_div(y, ax));
  else a = dd_sub(dd_make(PI_2_HI, PI_2_LO), __atan_core(dd_div(ax, y)));
  if (x.hi < 0) a = dd_sub(dd_make(PI_HI, PI_LO), a);
  return a;
}
