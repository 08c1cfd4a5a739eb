/* dd.h: double-double arithmetic, the libm's working precision.
 * A dd is an unevaluated sum hi + lo with |lo| <= ulp(hi)/2: about 106 significant bits. The transcendental
 * functions compute in dd and round once at the end, so the only error a caller sees beyond the final
 * rounding is the dd error (about 2^-100 relative), far below the 1 ulp the libm promises.
 * The error-free transformations (two_sum, two_prod) are exact in round-to-nearest; two_prod uses fma
 * (fmadd.d), so no Dekker splitting is needed. */
#ifndef _MATH_DD_H
#define _MATH_DD_H

double fma(double, double, double);

typedef struct { double hi, lo; } dd;

static inline dd dd_make(double hi, double lo) { dd r; r.hi = hi; r.lo = lo; return r; }

/* a + b exactly, as a dd. */
static inline dd two_sum(double a, double b) {
  double s = a + b;
  double bb = s - a;
  return dd_make(s, (a - (s - bb)) + (b - bb));
}

/* a + b exactly, requires |a| >= |b| or a == 0. */
static inline dd fast_two_sum(double a, double b) {
  double s = a + b;
  return dd_make(s, b - (s - a));
}

/* a * b exactly (barring underflow). */
static inline dd two_prod(double a, double b) {
  double p = a * b;
  return dd_make(p, fma(a, b, -p));
}

static inline dd dd_neg(dd a) { return dd_make(-a.hi, -a.lo); }

static inline dd dd_add(dd a, dd b) {
  dd s = two_sum(a.hi, b.hi);
  dd t = two_sum(a.lo, b.lo);
  s = fast_two_sum(s.hi, s.lo + t.hi);
  return fast_two_sum(s.hi, s.lo + t.lo);
}

static inline dd dd_sub(dd a, dd b) { return dd_add(a, dd_neg(b)); }

static inline dd dd_add_d(dd a, double b) {
  dd s = two_sum(a.hi, b);
  return fast_two_sum(s.hi, s.lo + a.lo);
}

static inline dd dd_mul(dd a, dd b) {
  dd p = two_prod(a.hi, b.hi);
  return fast_two_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

static inline dd dd_mul_d(dd a, double b) {
  dd p = two_prod(a.hi, b);
  return fast_two_sum(p.hi, p.lo + a.lo * b);
}

/* a / b for a double b != 0. */
static inline dd dd_div_d(dd a, double b) {
  double q = a.hi / b;
  dd p = two_prod(q, b);
  double r = ((a.hi - p.hi) - p.lo + a.lo) / b;
  return fast_two_sum(q, r);
}

/* a / b: a first quotient, then two corrections from the dd remainder. */
static inline dd dd_div(dd a, dd b) {
  double q1 = a.hi / b.hi;
  dd r = dd_sub(a, dd_mul_d(b, q1));
  double q2 = r.hi / b.hi;
  r = dd_sub(r, dd_mul_d(b, q2));
  double q3 = r.hi / b.hi;
  return dd_add_d(fast_two_sum(q1, q2), q3);
}

/* 1 / n for a double n, to dd precision. */
static inline dd dd_recip(double n) {
  double q = 1.0 / n;
  return fast_two_sum(q, -fma(q, n, -1.0) / n);
}

/* sqrt(a) for a.hi > 0: one Newton correction of the binary64 root. */
double sqrt(double);
static inline dd dd_sqrt(dd a) {
  double s = sqrt(a.hi);
  dd r = dd_sub(a, two_prod(s, s));
  return fast_two_sum(s, r.hi / (2.0 * s));
}

/* a * 2^n for the dd a, exact while both parts stay normal. */
double scalbn(double, int);
static inline dd dd_scale(dd a, int n) { return dd_make(scalbn(a.hi, n), scalbn(a.lo, n)); }

#endif
