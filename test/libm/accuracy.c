/* accuracy.c: runs every libm function over a generated argument set and prints each argument and result
 * as binary64/binary32 bits, one line per case ("name x [y] result" in hex). test/libm/accuracy.test.ts
 * computes the exact values with decimal.js and measures the errors in ulps.
 * Usage: accuracy N [NAME]: N cases per function (NAME: only that function). The set, per function:
 * special values first, then in turn random bit patterns over the whole format, uniform values in the
 * function's interesting range, and values with a random exponent (tiny to large) in that range's sign. */
#include <math.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

typedef double (*d1)(double);
typedef double (*d2)(double, double);
typedef float (*f1)(float);
typedef float (*f2)(float, float);

struct fn {
  const char *name;
  int arity, single;
  d1 dd1;
  d2 dd2;
  f1 ff1;
  f2 ff2;
  double lo, hi;   /* the dense range for x */
  double ylo, yhi; /* and for y */
};

#define D1(n, lo, hi) { #n, 1, 0, n, 0, 0, 0, lo, hi, 0, 0 }
#define D2(n, lo, hi, ylo, yhi) { #n, 2, 0, 0, n, 0, 0, lo, hi, ylo, yhi }
#define F1(n, lo, hi) { #n, 1, 1, 0, 0, n, 0, lo, hi, 0, 0 }
#define F2(n, lo, hi, ylo, yhi) { #n, 2, 1, 0, 0, 0, n, lo, hi, ylo, yhi }

static const struct fn fns[] = {
  D1(sqrt, 0, 100), D1(cbrt, -10, 10), D2(hypot, -10, 10, -10, 10),
  D1(exp, -745, 710), D1(exp2, -1075, 1024), D1(expm1, -40, 710),
  D1(log, 0, 10), D1(log2, 0, 10), D1(log10, 0, 10), D1(log1p, -1, 10),
  D2(pow, 0, 10, -50, 50),
  D1(sin, -10, 10), D1(cos, -10, 10), D1(tan, -10, 10),
  D1(asin, -1, 1), D1(acos, -1, 1), D1(atan, -10, 10), D2(atan2, -10, 10, -10, 10),
  D1(sinh, -710, 710), D1(cosh, -710, 710), D1(tanh, -20, 20),
  D1(asinh, -10, 10), D1(acosh, 1, 10), D1(atanh, -1, 1),
  D1(erf, -6, 6), D1(erfc, -6, 28), D1(tgamma, -20, 172), D1(lgamma, -20, 100),
  D1(floor, -10, 10), D1(ceil, -10, 10), D1(trunc, -10, 10), D1(round, -10, 10), D1(rint, -10, 10),
  D1(nearbyint, -10, 10), D2(fmod, -100, 100, -10, 10), D2(remainder, -100, 100, -10, 10),
  F1(sqrtf, 0, 100), F1(cbrtf, -10, 10), F2(hypotf, -10, 10, -10, 10),
  F1(expf, -104, 89), F1(exp2f, -150, 128), F1(expm1f, -20, 89),
  F1(logf, 0, 10), F1(log2f, 0, 10), F1(log10f, 0, 10), F1(log1pf, -1, 10),
  F2(powf, 0, 10, -30, 30),
  F1(sinf, -10, 10), F1(cosf, -10, 10), F1(tanf, -10, 10),
  F1(asinf, -1, 1), F1(acosf, -1, 1), F1(atanf, -10, 10), F2(atan2f, -10, 10, -10, 10),
  F1(sinhf, -90, 90), F1(coshf, -90, 90), F1(tanhf, -10, 10),
  F1(asinhf, -10, 10), F1(acoshf, 1, 10), F1(atanhf, -1, 1),
  F1(erff, -4, 4), F1(erfcf, -4, 11), F1(tgammaf, -20, 36), F1(lgammaf, -20, 100),
  F1(floorf, -10, 10), F1(ceilf, -10, 10), F1(truncf, -10, 10), F1(roundf, -10, 10), F1(rintf, -10, 10),
  F2(fmodf, -100, 100, -10, 10), F2(remainderf, -100, 100, -10, 10),
};

static const double specials[] = { 0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, 10.0, 0x1p-1074, -0x1p-1074,
  0x1p-1022, -0x1p-1022, 0x1.fffffffffffffp+1023, -0x1.fffffffffffffp+1023, 0x1p-30, -0x1p-30, 1e-300, 1e300,
  0x1.0000000000001p+0, 0x1.fffffffffffffp-1, 1e22, 0x1p200 };
#define NSPECIAL (int)(sizeof specials / sizeof specials[0])

static unsigned long long state = 0x9e3779b97f4a7c15ull;

static unsigned long long next(void) { /* xorshift64* */
  state ^= state >> 12;
  state ^= state << 25;
  state ^= state >> 27;
  return state * 0x2545f4914f6cdd1dull;
}

static double uniform(void) { return (double)(next() >> 11) * 0x1p-53; }

static double from_bits(unsigned long long u) {
  double d;
  memcpy(&d, &u, sizeof d);
  return d;
}

/* Argument i of a function with dense range [lo, hi]. */
static double argument(int i, double lo, double hi, int single) {
  if (i < NSPECIAL) return specials[i];
  switch (i % 4) {
  case 0:
    if (single) {
      unsigned u = (unsigned)next();
      float f;
      memcpy(&f, &u, sizeof f);
      return f;
    }
    return from_bits(next());
  case 3: {
    double top = fabs(lo) > fabs(hi) ? fabs(lo) : fabs(hi);
    double e = -60 + uniform() * (log2(top) + 60);
    double x = exp2(e) * (1 + uniform());
    if (lo < 0 && (hi <= 0 || (next() & 1))) x = -x;
    return x < lo ? lo : x > hi ? hi : x;
  }
  default:
    return lo + (hi - lo) * uniform();
  }
}

static char out[1 << 16];
static int used;

static void flush(void) {
  if (used) write(1, out, used);
  used = 0;
}

static void put(const char *s) {
  while (*s) {
    if (used == sizeof out) flush();
    out[used++] = *s++;
  }
}

static void hex(unsigned long long v, int digits) {
  char b[20];
  b[0] = ' ';
  for (int i = 0; i < digits; i++) b[digits - i] = "0123456789abcdef"[(v >> (4 * i)) & 15];
  b[digits + 1] = 0;
  put(b);
}

static void put_double(double d) {
  unsigned long long u;
  memcpy(&u, &d, sizeof u);
  hex(u, 16);
}

static void put_float(float f) {
  unsigned u;
  memcpy(&u, &f, sizeof u);
  hex(u, 8);
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 100;
  for (unsigned k = 0; k < sizeof fns / sizeof fns[0]; k++) {
    const struct fn *f = &fns[k];
    if (argc > 2 && strcmp(argv[2], f->name) != 0) continue;
    state = 0x9e3779b97f4a7c15ull + k;
    for (int i = 0; i < n; i++) {
      double x = argument(i, f->lo, f->hi, f->single);
      double y = f->arity == 2 ? argument(i < NSPECIAL ? NSPECIAL + i : i, f->ylo, f->yhi, f->single) : 0;
      put(f->name);
      if (f->single) {
        float fx = (float)x, fy = (float)y;
        put_float(fx);
        if (f->arity == 2) put_float(fy);
        put_float(f->arity == 2 ? f->ff2(fx, fy) : f->ff1(fx));
      } else {
        put_double(x);
        if (f->arity == 2) put_double(y);
        put_double(f->arity == 2 ? f->dd2(x, y) : f->dd1(x));
      }
      put("\n");
    }
  }
  flush();
  return 0;
}
