/* sincos_core.c: sin r and cos r in double-double for |r| <= pi/4, by their Taylor series in nested form,
 *   sin r = r (1 - r^2/(2*3) (1 - r^2/(4*5) (1 - ...)))    cos r = 1 - r^2/(1*2) (1 - r^2/(3*4) (1 - ...)).
 * With |r| <= 0.7854 the 14th level's term r^28/28! is below 2^-106 of the result. The levels from the
 * 5th on weigh less than r^8/8! < 2^-18 of the result, so they are evaluated in binary64 (error below
 * 2^-70 of the result); the first four levels are dd. */
#include "internal.h"

/* 1 - r^2 (...)/(a (a + 1)) for a = first, first + 2, ...: the nested series with 14 levels. */
static dd nested(dd r2, int first) {
  double t = 1.0;
  for (int n = 13; n >= 4; n--) {
    double a = first + 2 * n;
    t = 1.0 - r2.hi * t / (a * (a + 1));
  }
  dd p = dd_make(t, 0.0);
  for (int n = 3; n >= 0; n--) {
    double a = first + 2 * n;
    p = dd_add_d(dd_neg(dd_div_d(dd_mul(r2, p), a * (a + 1))), 1.0);
  }
  return p;
}

dd __sin_core(dd r) { return dd_mul(r, nested(dd_mul(r, r), 2)); }

dd __cos_core(dd r) { return nested(dd_mul(r, r), 1); }
