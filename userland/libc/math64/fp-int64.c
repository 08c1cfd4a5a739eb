/* Conversions between the floating types and 64-bit integers, under libgcc's names: the compiler calls these
 * for (long long)d, (unsigned long long)f, (double)ll, (float)ull (RV32's fcvt only reaches 32-bit integers).
 * Each is exact or rounded once, to nearest-even as the hardware does:
 *  - to double: the two 32-bit halves convert exactly; hi * 2^32 is exact, and the one addition rounds the
 *    exact sum once.
 *  - to float: a value of more than 53 bits first drops its low 11 bits into a sticky bit (so the double
 *    holding it is exact, and the float rounding that follows sees a nonzero tail wherever one was); then one
 *    rounding to binary32.
 *  - from floating: truncation toward zero, the high word by fcvt.wu of a / 2^32 (exact scaling), the low
 *    word from the remainder a - hi * 2^32, which is exact (both are multiples of ulp(hi * 2^32), and it is
 *    below 2^32). Out of range (undefined in C): saturated, NaN gives 0. */

#define TWO32 4294967296.0

static double u64_to_double(unsigned long long u) {
  return (double)(unsigned)(u >> 32) * TWO32 + (double)(unsigned)u;
}

double __floatundidf(unsigned long long u) {
  return u64_to_double(u);
}

double __floatdidf(long long x) {
  return (double)(int)(x >> 32) * TWO32 + (double)(unsigned)x;
}

float __floatundisf(unsigned long long u) {
  double scale = 1.0;
  if (u >> 53) {
    u = (u >> 11) | ((u & 0x7ff) != 0);
    scale = 2048.0;
  }
  return (float)(u64_to_double(u) * scale);
}

float __floatdisf(long long x) {
  if (x < 0) return -__floatundisf(-(unsigned long long)x);
  return __floatundisf((unsigned long long)x);
}

unsigned long long __fixunsdfdi(double a) {
  if (!(a >= 1.0)) return 0; /* also NaN and negatives */
  if (a >= 18446744073709551616.0) return ~0ULL;
  unsigned hi = (unsigned)(a / TWO32);
  double rem = a - (double)hi * TWO32;
  return ((unsigned long long)hi << 32) | (unsigned)rem;
}

long long __fixdfdi(double a) {
  if (a < 0) {
    if (a <= -9223372036854775808.0) return (long long)(1ULL << 63);
    return -(long long)__fixunsdfdi(-a);
  }
  if (a >= 9223372036854775808.0) return (long long)(~0ULL >> 1);
  return (long long)__fixunsdfdi(a);
}

unsigned long long __fixunssfdi(float a) {
  return __fixunsdfdi((double)a);
}

long long __fixsfdi(float a) {
  return __fixdfdi((double)a);
}
