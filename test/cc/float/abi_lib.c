/* Callees of the hard-float ABI test: each combines its arguments so that any misplaced one changes the result. */
#include "abi.h"

double f_scalars(float a, double b, int c, float d, long long e, double f) {
  return a + 2 * b + 3 * c + 5 * d + 7 * e + 11 * f;
}
double f_many_doubles(double a, double b, double c, double d, double e, double f, double g, double h, double i,
                      double j, int k, double l) {
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j + 11 * k + 12 * l;
}
double f_split(int a, int b, int c, int d, int e, int f, int g, double d1, double d2, double d3, double d4, double d5,
               double d6, double d7, double d8, double x) {
  return a + b + c + d + e + f + 2 * g + d1 + d2 + d3 + d4 + d5 + d6 + d7 + 3 * d8 + 100 * x;
}
float f_many_floats(float a, float b, float c, float d, float e, float f, float g, float h, float i, float j, float k) {
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j + 11 * k;
}
double f_structs(struct F1 a, struct D1 b, struct FF c, struct DD d, struct FD e, struct FI f, struct ID g, struct CF h) {
  return a.a + 2 * b.a + 3 * c.a + 4 * c.b + 5 * d.a + 6 * d.b + 7 * e.a + 8 * e.b + 9 * f.a + 10 * f.b + 11 * g.a +
         12 * g.b + 13 * h.a + 14 * h.b;
}
double f_structs2(struct DC a, struct DS b, struct FA c, struct NF d, struct DLL e, struct FFF f, union UF g, struct II h) {
  return a.a + 2 * a.b + 3 * b.a + 4 * b.b + 5 * c.a[0] + 6 * c.a[1] + 7 * d.in.a + 8 * d.b + 9 * e.a + 10 * e.b +
         11 * f.a + 12 * f.b + 13 * f.c + 14 * g.a + 15 * h.a + 16 * h.b;
}
double f_struct_fallback(double a, double b, double c, double d, double e, double f, double g, struct DD h, struct FI i,
                         int j) {
  return a + b + c + d + e + f + 2 * g + 3 * h.a + 4 * h.b + 5 * i.a + 6 * i.b + 7 * j;
}
double f_variadic(int n, ...) {
  va_list ap;
  va_start(ap, n);
  double s = 0;
  for (int i = 0; i < n; i++) {
    if (i % 3 == 2) s = s * 3 + va_arg(ap, int);
    else s = s * 2 + va_arg(ap, double);
  }
  va_end(ap);
  return s;
}
float r_float(float x) { return x * 3; }
double r_double(double x) { return x * 5; }
struct F1 r_f1(float x) { struct F1 r = { x + 1 }; return r; }
struct D1 r_d1(double x) { struct D1 r = { x + 2 }; return r; }
struct FF r_ff(float x, float y) { struct FF r = { y, x }; return r; }
struct DD r_dd(double x, double y) { struct DD r = { y, x }; return r; }
struct FD r_fd(float x, double y) { struct FD r = { x * 2, y * 3 }; return r; }
struct FI r_fi(float x, int y) { struct FI r = { x * 2, y * 3 }; return r; }
struct ID r_id(int x, double y) { struct ID r = { x * 2, y * 3 }; return r; }
struct CF r_cf(char x, float y) { struct CF r = { x + 1, y * 3 }; return r; }
struct DC r_dc(double x, unsigned char y) { struct DC r = { x * 2, y + 1 }; return r; }
struct FA r_fa(float x, float y) { struct FA r = { { y, x } }; return r; }
struct NF r_nf(float x, float y) { struct NF r = { { y }, x }; return r; }
struct DLL r_dll(double x, long long y) { struct DLL r = { x * 2, y * 3 }; return r; }
struct FFF r_fff(float x, float y, float z) { struct FFF r = { z, y, x }; return r; }
union UF r_uf(float x) { union UF r; r.a = x * 7; return r; }
static double mixer(double a, float b) { return a * 4 + b; }
double (*r_fnptr(void))(double, float) { return mixer; }
