/* The ilp32d calling convention for floating point: structs of floats and doubles passed and returned in f
   registers (or integer registers, or memory, by the psABI's flattening rules), more FP arguments than fa0-fa7,
   mixed int/FP argument lists, and variadic doubles (passed in integer register pairs). noinline keeps every
   call a real call. */
#include "fp.h"
#include <stdarg.h>

typedef struct { float x, y; } vec2f;           /* two FP fields: fa0, fa1 */
typedef struct { double re, im; } cplx;          /* two FP fields: fa0, fa1 */
typedef struct { float a; int b; } fi;           /* one FP, one int: fa0 + a0 */
typedef struct { double d; float f; } df;        /* two FP fields of different widths */
typedef struct { float v[3]; } vec3f;            /* three fields: integer convention, by reference */
typedef struct { double d; } one;                /* one FP field: fa0 */

#define NI __attribute__((noinline))

NI vec2f add2(vec2f a, vec2f b) { vec2f r = { a.x + b.x, a.y * b.y }; return r; }
NI cplx cmul(cplx a, cplx b) { cplx r = { a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re }; return r; }
NI fi scale(fi a, float s) { fi r = { a.a * s, a.b * 3 }; return r; }
NI df swapdf(df a) { df r = { a.f * 0.5, (float)a.d }; return r; }
NI vec3f cross(vec3f a, vec3f b) {
  vec3f r = { { a.v[1] * b.v[2] - a.v[2] * b.v[1], a.v[2] * b.v[0] - a.v[0] * b.v[2], a.v[0] * b.v[1] - a.v[1] * b.v[0] } };
  return r;
}
NI one half(one a) { one r = { a.d / 2 }; return r; }
NI double many(double a0, double a1, double a2, double a3, double a4, double a5, double a6, double a7,
               double a8, double a9, float f0, float f1, int i) {
  return a0 - a1 + a2 * a3 - a4 / a5 + a6 - a7 + a8 * a9 + (double)(f0 / f1) + i;
}
NI float mixed(int a, float b, double c, int d, float e, long long f) { return (float)(a * b + c * d - e + (double)f); }
NI double sumv(int n, ...) {
  va_list ap; va_start(ap, n);
  double s = 0;
  for (int i = 0; i < n; i++) s += va_arg(ap, double) * (i + 1);
  va_end(ap);
  return s;
}
NI float through_ints(u32 bits) { return from_bits_f(bits) * 2; }

static volatile float vf[] = { 1.5f, -2.25f, 3.0e-39f, 1e30f, 0.1f };
static volatile double vd[] = { 0.1, -7.5, 1e300, 2.5e-310, 3.0 };

int main(void) {
  vec2f a = { vf[0], vf[1] }, b = { vf[4], vf[3] };
  vec2f r = add2(a, b);
  showf("add2.x", r.x); showf("add2.y", r.y);
  cplx c = cmul((cplx){ vd[0], vd[1] }, (cplx){ vd[4], vd[0] });
  showd("cmul.re", c.re); showd("cmul.im", c.im);
  fi s = scale((fi){ vf[4], 7 }, vf[1]);
  showf("scale.a", s.a); kv("scale.b", s.b);
  df w = swapdf((df){ vd[1], vf[0] });
  showd("swapdf.d", w.d); showf("swapdf.f", w.f);
  vec3f x = cross((vec3f){ { vf[0], vf[1], vf[4] } }, (vec3f){ { vf[4], vf[0], vf[1] } });
  showf("cross.0", x.v[0]); showf("cross.1", x.v[1]); showf("cross.2", x.v[2]);
  showd("half", half((one){ vd[3] }).d);
  showd("many", many(vd[0], vd[1], vd[2], vd[3], vd[4], vd[0], vd[1], vd[2], vd[3], vd[4], vf[0], vf[4], -9));
  showf("mixed", mixed(3, vf[1], vd[4], -4, vf[2], 1234567890123ll));
  showd("sumv", sumv(4, vd[0], vd[1], vd[4], (double)vf[0]));
  showf("through_ints", through_ints(0x3fc00000u));
  puts_("fflags="); putflags(get_fflags()); puts_("\n");
  return 0;
}
