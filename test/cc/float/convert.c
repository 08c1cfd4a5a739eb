/* Conversions: every integer type to and from float and double (64-bit ones through the helpers), and between
 * float and double, over edge and pseudo-random values, printed by their bits. */
#include "fbits.h"

static unsigned long long seed = 0x9e3779b97f4a7c15ULL;
static unsigned long long next(void) {
  seed ^= seed << 13;
  seed ^= seed >> 7;
  seed ^= seed << 17;
  return seed;
}

static void from_int(long long v) {
  P64((double)(int)v); P32((float)(int)v); P64((double)(unsigned)v); P32((float)(unsigned)v);
  P64((double)v); P32((float)v); P64((double)(unsigned long long)v); P32((float)(unsigned long long)v);
  P64((double)(short)v); P32((float)(unsigned char)v); P64((double)(signed char)v); P32((float)(unsigned short)v);
  NL();
}

static void to_int(double d) {
  /* only conversions C defines: the truncated value must fit */
  if (d > -2147483649.0 && d < 2147483648.0) PI((int)d);
  if (d > -1.0 && d < 4294967296.0) PI((unsigned)d);
  if (d > -9223372036854775809.0 && d < 9223372036854775808.0) PI((long long)d);
  if (d > -1.0 && d < 18446744073709551616.0) PI((long long)(unsigned long long)d);
  if (d > -129.0 && d < 128.0) PI((signed char)d);
  if (d > -1.0 && d < 65536.0) PI((unsigned short)d);
  PI((_Bool)d);
  float f = (float)d;
  P32(f); P64((double)f);
  if (f > -9223372036854775809.0f && f < 9223372036854775808.0f) PI((long long)f);
  if (f > -1.0f && f < 18446744073709551616.0f) PI((long long)(unsigned long long)f);
  if (f > -2147483649.0f && f < 2147483648.0f) PI((int)f);
  NL();
}

static const double edges[] = {
  0.0, -0.0, 0.5, -0.5, 0.99999, 1.0, -1.0, 1.5, -1.5, 2.5, 127.9, -128.9, 255.5, 65535.9, 2147483647.0,
  2147483647.5, -2147483648.0, -2147483648.9, 4294967295.0, 4294967295.9, 4294967296.0, 1e15, -1e15,
  9007199254740993.0, 9223372036854774784.0, -9223372036854775808.0, 18446744073709549568.0, 1e-300, 3.14159,
  16777217.0, 16777219.0, 33554435.0,
};

int main(void) {
  static const long long ints[] = {
    0, 1, -1, 2, 127, -128, 255, 32767, -32768, 65535, 2147483647, -2147483647 - 1, 4294967295LL, 4294967296LL,
    16777217, 16777219, 9007199254740993LL, 9007199254740995LL, -9007199254740993LL, 0x7fffffffffffffffLL,
    -0x7fffffffffffffffLL - 1, 0x20000020000001LL, 0x1000001000000001LL, (long long)0xffffffffffffffffULL,
    (long long)0x8000000000000001ULL, (long long)0xfffffe0000000001ULL, 0x7fffff8000000000LL,
  };
  for (unsigned i = 0; i < sizeof ints / sizeof ints[0]; i++) from_int(ints[i]);
  for (int i = 0; i < 300; i++) {
    unsigned long long r = next();
    from_int((long long)(r >> (r & 63)));
  }
  for (unsigned i = 0; i < sizeof edges / sizeof edges[0]; i++) {
    to_int(edges[i]);
    to_int(-edges[i]);
  }
  for (int i = 0; i < 300; i++) {
    unsigned long long r = next();
    union { unsigned long long u; double d; } x;
    /* random doubles of magnitude 2^-3 .. 2^66 */
    x.u = (r & 0x800fffffffffffffULL) | ((unsigned long long)(1020 + (r >> 52) % 70) << 52);
    to_int(x.d);
  }
  /* double -> float rounding edges: halfway cases, overflow, underflow to subnormal and zero */
  static const double narrow[] = {
    1.0000000596046448, 1.0000001788139343, 3.4028235677973366e38, 3.4028234663852886e38, 1e39, -1e39,
    1.1754942106924411e-38, 7.006492321624085e-46, 7.006492321624087e-46, 1e-50, 0x1.000001p0, 0x1.0000018p0,
  };
  for (unsigned i = 0; i < sizeof narrow / sizeof narrow[0]; i++) {
    P32((float)narrow[i]); P32((float)-narrow[i]);
  }
  NL();
  return t_done("convert");
}
