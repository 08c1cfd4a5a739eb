/* remainder.c: fmod, remainder and remquo, exact (C99 7.12.10: the results are always representable).
 * The remainder is found by binary long division of the 53-bit significands, one quotient bit per step of
 * exponent difference (at most 2098 steps), so no rounding happens anywhere. */
#include "internal.h"

/* |x| = m 2^e with m a 53-bit integer (subnormals normalized): returns m, sets *e. */
static u64 significand(double ax, int *e) {
  int f = exponent_field(ax);
  if (f == 0) {
    ax *= 0x1p64;
    f = exponent_field(ax) - 64;
  }
  *e = f - 1075;
  return (bits_of(ax) & 0x000fffffffffffffull) | 0x0010000000000000ull;
}

/* fmod(ax, ay) for finite ax >= 0, ay > 0; *q gets the low bits of the truncated quotient. */
static double reduce(double ax, double ay, unsigned *q) {
  *q = 0;
  if (ax < ay) return ax;
  int ex, ey;
  u64 mx = significand(ax, &ex), my = significand(ay, &ey);
  unsigned bits = 0;
  for (; ex > ey; ex--) {
    bits <<= 1;
    if (mx >= my) {
      mx -= my;
      bits |= 1;
    }
    mx <<= 1;
  }
  bits <<= 1;
  if (mx >= my) {
    mx -= my;
    bits |= 1;
  }
  *q = bits;
  return scalbn((double)mx, ey);
}

double fmod(double x, double y) {
  if (x != x || y != y) return x + y;
  if (fabs(x) == INFINITY || y == 0) return __math_invalid(x);
  if (fabs(y) == INFINITY || x == 0) return x;
  unsigned q;
  return copysign(reduce(fabs(x), fabs(y), &q), x);
}

double remquo(double x, double y, int *quo) {
  *quo = 0;
  if (x != x || y != y) return x + y;
  if (fabs(x) == INFINITY || y == 0) return __math_invalid(x);
  if (fabs(y) == INFINITY || x == 0) return x;
  double ay = fabs(y);
  unsigned q;
  double r = reduce(fabs(x), ay, &q);
  /* round the quotient to nearest, ties to even: r > |y|/2, or r == |y|/2 with q odd */
  if (r > ay - r || (r == ay - r && (q & 1))) {
    r -= ay;
    q++;
  }
  int n = (int)(q & 0x7fffffff);
  *quo = (x < 0) != (y < 0) ? -n : n;
  return x < 0 ? -r : r;
}

double remainder(double x, double y) {
  int q;
  return remquo(x, y, &q);
}
