/* Caller of the hard-float ABI test (see abi_lib.c): prints every result by its bits. */
#include "fbits.h"
#include "abi.h"

int main(void) {
  P64(f_scalars(1.5f, 2.25, 3, 4.5f, 5, 6.125)); NL();
  P64(f_many_doubles(1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11, 12.5)); NL();
  P64(f_split(1, 2, 3, 4, 5, 6, 7, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.25)); NL();
  P32(f_many_floats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10.5f, 11.25f)); NL();
  struct F1 a = { 1.5f }; struct D1 b = { 2.5 }; struct FF c = { 3.5f, 4.5f }; struct DD d = { 5.5, 6.5 };
  struct FD e = { 7.5f, 8.5 }; struct FI f = { 9.5f, -10 }; struct ID g = { -11, 12.5 }; struct CF h = { 'x', 14.5f };
  P64(f_structs(a, b, c, d, e, f, g, h)); NL();
  struct DC a2 = { 1.5, 200 }; struct DS b2 = { 3.5, -4 }; struct FA c2 = { { 5.5f, 6.5f } };
  struct NF d2 = { { 7.5f }, 8.5f }; struct DLL e2 = { 9.5, -10 }; struct FFF f2 = { 11.5f, 12.5f, 13.5f };
  union UF g2; g2.a = 14.5f; struct II h2 = { 15, 16 };
  P64(f_structs2(a2, b2, c2, d2, e2, f2, g2, h2)); NL();
  P64(f_struct_fallback(1, 2, 3, 4, 5, 6, 7, d, f, 8)); NL();
  P64(f_variadic(7, 1.5, 2.5, 3, 4.5, 5.5, 6, 7.5)); NL();
  float fl = 1.25f;
  P64(f_variadic(2, fl, fl * 2)); NL(); /* float promoted to double */
  P32(r_float(1.5f)); P64(r_double(2.5)); NL();
  P32(r_f1(1.5f).a); P64(r_d1(2.5).a); NL();
  struct FF rff = r_ff(1.5f, 2.5f); P32(rff.a); P32(rff.b); NL();
  struct DD rdd = r_dd(1.5, 2.5); P64(rdd.a); P64(rdd.b); NL();
  struct FD rfd = r_fd(1.5f, 2.5); P32(rfd.a); P64(rfd.b); NL();
  struct FI rfi = r_fi(1.5f, -7); P32(rfi.a); PI(rfi.b); NL();
  struct ID rid = r_id(-7, 1.5); PI(rid.a); P64(rid.b); NL();
  struct CF rcf = r_cf('a', 1.5f); PI(rcf.a); P32(rcf.b); NL();
  struct DC rdc = r_dc(1.5, 254); P64(rdc.a); PI(rdc.b); NL();
  struct FA rfa = r_fa(1.5f, 2.5f); P32(rfa.a[0]); P32(rfa.a[1]); NL();
  struct NF rnf = r_nf(1.5f, 2.5f); P32(rnf.in.a); P32(rnf.b); NL();
  struct DLL rdll = r_dll(1.5, -3); P64(rdll.a); PI(rdll.b); NL();
  struct FFF rfff = r_fff(1.5f, 2.5f, 3.5f); P32(rfff.a); P32(rfff.b); P32(rfff.c); NL();
  P32(r_uf(1.5f).a); NL();
  P64(r_fnptr()(1.5, 2.5f)); NL();
  return t_done("abi-float");
}
