/* Shapes of the ILP32D hard-float calling convention, shared by abi_main.c (caller) and abi_lib.c (callees). */
#include <stdarg.h>
struct F1 { float a; };
struct D1 { double a; };
struct FF { float a, b; };
struct DD { double a, b; };
struct FD { float a; double b; };
struct FI { float a; int b; };
struct ID { int a; double b; };
struct CF { char a; float b; };
struct DC { double a; unsigned char b; };
struct DS { double a; short b; };
struct FA { float a[2]; };
struct NF { struct F1 in; float b; };
struct DLL { double a; long long b; };
struct FFF { float a, b, c; };
struct II { int a, b; };
union UF { float a; int b; };
struct E { struct { } empty; double a; };

double f_scalars(float a, double b, int c, float d, long long e, double f);
double f_many_doubles(double a, double b, double c, double d, double e, double f, double g, double h, double i,
                      double j, int k, double l);
double f_split(int a, int b, int c, int d, int e, int f, int g, double d1, double d2, double d3, double d4, double d5,
               double d6, double d7, double d8, double x);
float f_many_floats(float a, float b, float c, float d, float e, float f, float g, float h, float i, float j, float k);
double f_structs(struct F1 a, struct D1 b, struct FF c, struct DD d, struct FD e, struct FI f, struct ID g, struct CF h);
double f_structs2(struct DC a, struct DS b, struct FA c, struct NF d, struct DLL e, struct FFF f, union UF g, struct II h);
double f_struct_fallback(double a, double b, double c, double d, double e, double f, double g, struct DD h, struct FI i,
                         int j);
double f_variadic(int n, ...);
float r_float(float x);
double r_double(double x);
struct F1 r_f1(float x);
struct D1 r_d1(double x);
struct FF r_ff(float x, float y);
struct DD r_dd(double x, double y);
struct FD r_fd(float x, double y);
struct FI r_fi(float x, int y);
struct ID r_id(int x, double y);
struct CF r_cf(char x, float y);
struct DC r_dc(double x, unsigned char y);
struct FA r_fa(float x, float y);
struct NF r_nf(float x, float y);
struct DLL r_dll(double x, long long y);
struct FFF r_fff(float x, float y, float z);
union UF r_uf(float x);
double (*r_fnptr(void))(double, float);
