/* Float and double arithmetic, comparisons and truth over edge values, printed by their bits. */
#include "fbits.h"

static double dv[] = {
  0.0, -0.0, 1.0, -1.0, 0.1, -2.5, 3.0, 1e308, -1e308, 1.7976931348623157e308, 2.2250738585072014e-308,
  4.9406564584124654e-324, 1e-310, 0x1.fffffffffffffp-1, 123456789.123, 1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0,
};
static float fv[] = {
  0.0f, -0.0f, 1.0f, -1.0f, 0.1f, -2.5f, 3.0f, 3.4028235e38f, -3e38f, 1.17549435e-38f, 1.4e-45f, 1e-40f,
  0x1.fffffep-1f, 16777217.0f, 1.0f / 0.0f, -1.0f / 0.0f, 0.0f / 0.0f,
};
#define ND (int)(sizeof dv / sizeof dv[0])
#define NF (int)(sizeof fv / sizeof fv[0])

/* noinline-ish through a pointer so nothing is folded */
static double (*volatile dop)(double, double);
static double dadd(double a, double b) { return a + b; }
static double dsub(double a, double b) { return a - b; }
static double dmul(double a, double b) { return a * b; }
static double ddiv(double a, double b) { return a / b; }

int main(void) {
  for (int i = 0; i < ND; i++) {
    for (int j = 0; j < ND; j++) {
      double a = dv[i], b = dv[j];
      P64(a + b); P64(a - b); P64(a * b); P64(a / b);
      PI((a == b) | (a != b) << 1 | (a < b) << 2 | (a <= b) << 3 | (a > b) << 4 | (a >= b) << 5);
      if (a < b) t_puts("<"); else t_puts("!<");
      if (!(a >= b)) t_puts("!>=");
      NL();
    }
    double a = dv[i];
    P64(-a); PI(!a); PI(a ? 1 : 2); PI((_Bool)a);
    double c = a;
    c += 1.5; P64(c); c -= 0.25; P64(c); c *= -3; P64(c); c /= 7; P64(c);
    P64(c++); P64(c); P64(--c); NL();
  }
  for (int i = 0; i < NF; i++) {
    for (int j = 0; j < NF; j++) {
      float a = fv[i], b = fv[j];
      P32(a + b); P32(a - b); P32(a * b); P32(a / b);
      PI((a == b) | (a != b) << 1 | (a < b) << 2 | (a <= b) << 3 | (a > b) << 4 | (a >= b) << 5);
      P64(a * (double)b); /* mixed: float promoted to double */
      NL();
    }
    float a = fv[i];
    P32(-a); PI(!a); P32(a * 2 + 1); P64(a + 1.0); P32(a + 1.0f);
    float c = a;
    c *= 3; P32(c); c += 0.1; P32(c); c++; P32(c); NL();
  }
  /* a * b + c is two roundings (no fused multiply-add) */
  volatile double x = 1.0 + 0x1p-52, y = 1.0 - 0x1p-53, z = -1.0;
  P64(x * y + z); NL();
  volatile float xf = 1.0f + 0x1p-23f, yf = 1.0f - 0x1p-24f, zf = -1.0f;
  P32(xf * yf + zf); NL();
  dop = dadd; P64(dop(0.1, 0.2));
  dop = dsub; P64(dop(0.1, 0.2));
  dop = dmul; P64(dop(0.1, 0.2));
  dop = ddiv; P64(dop(0.1, 0.2)); NL();
  /* many live values at once: spills of f registers */
  double s[20];
  for (int i = 0; i < 20; i++) s[i] = dv[i % ND] * 0.5 + i;
  double t = ((s[0] + s[1]) * (s[2] - s[3]) + (s[4] * s[5] - s[6] / (s[7] + 1))) *
             ((s[8] + s[9] * (s[10] - s[11] * (s[12] + s[13] * (s[14] - s[15] * (s[16] + s[17] * (s[18] - s[19])))))));
  P64(t); NL();
  return t_done("arith");
}
