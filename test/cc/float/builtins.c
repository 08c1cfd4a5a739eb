/* gcc's floating builtins: one instruction each (sqrt, fabs, copysign) or a constant. (__builtin_fmin/fmax are
 * fmin.d/fmax.d here; gcc -O1 calls libm's fmin for them, so they are not compared with gcc in this file.) */
#include "fbits.h"

static const double dv[] = { 0.0, -0.0, 2.0, -3.5, 1e-310, 1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0, 0.1 };
#define N (int)(sizeof dv / sizeof dv[0])

int main(void) {
  for (int i = 0; i < N; i++) {
    double a = dv[i];
    float f = (float)a;
    P64(__builtin_sqrt(a)); P64(__builtin_fabs(a)); P32(__builtin_sqrtf(f)); P32(__builtin_fabsf(f));
    PI(__builtin_isnan(a)); PI(__builtin_isnan(f));
    for (int j = 0; j < N; j++) {
      double b = dv[j];
      P64(__builtin_copysign(a, b)); P32(__builtin_copysignf(f, (float)b));
    }
    NL();
  }
  P64(__builtin_inf()); P32(__builtin_inff()); P64(__builtin_huge_val()); P32(__builtin_huge_valf());
  P64(__builtin_nan("")); P32(__builtin_nanf("")); P64(__builtin_nan("0x123")); P32(__builtin_nanf("7"));
  P64(-__builtin_inf());
  NL();
  return t_done("builtins");
}
