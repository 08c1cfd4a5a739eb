/* GNU builtins, checked against gcc by test/cc/builtins.test.ts: bit counting, byte swaps, checked
 * arithmetic, alloca, expect/offsetof/unreachable/constant_p/types_compatible_p/choose_expr, and their
 * folding in constant expressions. */
#include "test.h"

/* opaque values: gcc must compute these at run time too */
static unsigned u32(unsigned x) { volatile unsigned v = x; return v; }
static unsigned long long u64(unsigned long long x) { volatile unsigned long long v = x; return v; }
static int i32(int x) { volatile int v = x; return v; }
static long long i64(long long x) { volatile long long v = x; return v; }

/* folded in constant expressions */
_Static_assert(__builtin_popcount(0xf0f0) == 8, "popcount");
_Static_assert(__builtin_clz(1) == 31 && __builtin_ctz(0x80) == 7 && __builtin_ffs(0) == 0 && __builtin_ffs(12) == 3, "clz");
_Static_assert(__builtin_bswap32(0x11223344) == 0x44332211, "bswap32");
_Static_assert(__builtin_bswap64(0x0102030405060708ULL) == 0x0807060504030201ULL, "bswap64");
_Static_assert(__builtin_clzll(1) == 63 && __builtin_popcountll(~0ULL) == 64 && __builtin_parity(7) == 1, "ll");
_Static_assert(__builtin_clrsb(-1) == 31 && __builtin_clrsb(1) == 30, "clrsb");
_Static_assert(__builtin_add_overflow_p(0x7fffffff, 1, (int)0) && !__builtin_add_overflow_p(1, 2, (int)0), "p");
_Static_assert(__builtin_mul_overflow_p(65536, 65536, (unsigned)0), "mul p");
_Static_assert(__builtin_types_compatible_p(int, const int) && !__builtin_types_compatible_p(int, long), "tc");
_Static_assert(__builtin_constant_p(3 + 4) && __builtin_offsetof(struct { int a; char b[5]; struct { short s[3]; } in; }, in.s[2]) == 14, "offsetof");
static int table[__builtin_popcount(0x7)];
enum { SWAPPED = __builtin_bswap16(0x1234), TZ = __builtin_ctzll(1ULL << 40) };

struct rec { int a; struct { char c[4]; int d[3]; } inner[2]; };

static int bits(void) {
  int fails = 0;
  unsigned vals[] = {1, 2, 3, 0x80000000u, 0x7fffffffu, 0xf0f0f0f0u, 0x12345678u, 0xffffffffu, 0x100u};
  for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
    unsigned v = u32(vals[i]);
    ASSERT(__builtin_clz(vals[i]), __builtin_clz(v));
    ASSERT(__builtin_ctz(vals[i]), __builtin_ctz(v));
    ASSERT(__builtin_popcount(vals[i]), __builtin_popcount(v));
    ASSERT(__builtin_parity(vals[i]), __builtin_parity(v));
    ASSERT(__builtin_ffs((int)vals[i]), __builtin_ffs((int)v));
    ASSERT(__builtin_clrsb((int)vals[i]), __builtin_clrsb((int)v));
    ASSERT(__builtin_clzl(vals[i]), __builtin_clzl(v));
    ASSERT(__builtin_ctzl(vals[i]), __builtin_ctzl(v));
    ASSERT(__builtin_popcountl(vals[i]), __builtin_popcountl(v));
    ASSERT(__builtin_bswap32(vals[i]), __builtin_bswap32(v));
    ASSERT(__builtin_bswap16((unsigned short)vals[i]), __builtin_bswap16((unsigned short)v));
  }
  ASSERT(0, __builtin_ffs(i32(0)));
  ASSERT(31, __builtin_clrsb(i32(0)));
  ASSERT(0, __builtin_clrsb(i32(0x40000000)));
  unsigned long long w[] = {1, 0x100000000ULL, 0x8000000000000000ULL, 0xffffffffffffffffULL, 0x0123456789abcdefULL, 0xf0000ULL, 0x7fffffffffffffffULL};
  for (unsigned i = 0; i < sizeof w / sizeof w[0]; i++) {
    unsigned long long v = u64(w[i]);
    ASSERT(__builtin_clzll(w[i]), __builtin_clzll(v));
    ASSERT(__builtin_ctzll(w[i]), __builtin_ctzll(v));
    ASSERT(__builtin_popcountll(w[i]), __builtin_popcountll(v));
    ASSERT(__builtin_parityll(w[i]), __builtin_parityll(v));
    ASSERT(__builtin_ffsll((long long)w[i]), __builtin_ffsll((long long)v));
    ASSERT(__builtin_clrsbll((long long)w[i]), __builtin_clrsbll((long long)v));
    ASSERT((long long)__builtin_bswap64(w[i]), (long long)__builtin_bswap64(v));
  }
  ASSERT(0, __builtin_ffsll(i64(0)));
  ASSERT(63, __builtin_clrsbll(i64(0)));
  ASSERT(63, __builtin_clrsbll(i64(-1)));
  ASSERT(2, (int)sizeof(__builtin_bswap16(1)));
  ASSERT(8, (int)sizeof(__builtin_bswap64(1)));
  return fails;
}

#define OV(op, T, a, b) do { T r_; int o_ = __builtin_##op##_overflow(a, b, &r_); t_assert(expect_o, o_, #op " flag", __LINE__); t_assert(expect_r, (long long)r_, #op " value", __LINE__); } while (0)

static void overflow(void) {
  int r;
  unsigned ur;
  long long lr;
  unsigned long long ulr;
  short sr;
  unsigned char cr;
  ASSERT(1, __builtin_add_overflow(i32(0x7fffffff), 1, &r));
  ASSERT(-2147483648LL, r);
  ASSERT(0, __builtin_add_overflow(i32(5), 7, &r));
  ASSERT(12, r);
  ASSERT(1, __builtin_sub_overflow(i32(-2147483647 - 1), 1, &r));
  ASSERT(1, __builtin_sub_overflow(u32(1), 2u, &ur));
  ASSERT(0xffffffffLL, ur);
  ASSERT(0, __builtin_sub_overflow(u32(1), 2u, &r));  /* mixed: -1 fits int */
  ASSERT(-1, r);
  ASSERT(1, __builtin_mul_overflow(i32(65536), 65536, &r));
  ASSERT(0, r);
  ASSERT(0, __builtin_mul_overflow(i32(65536), 65536, &lr));
  ASSERT(4294967296LL, lr);
  ASSERT(1, __builtin_mul_overflow(u32(0xffffffffu), u32(0xffffffffu), &lr));
  ASSERT(0, __builtin_mul_overflow(u32(0xffffffffu), u32(0xffffffffu), &ulr));
  ASSERT((long long)0xfffffffe00000001ULL, (long long)ulr);
  ASSERT(1, __builtin_add_overflow(i32(-1), 0, &ur));
  ASSERT(1, __builtin_add_overflow(i32(200), 100, &cr));
  ASSERT(44, cr);
  ASSERT(0, __builtin_add_overflow(i32(200), 55, &cr));
  ASSERT(1, __builtin_mul_overflow(i32(-300), 200, &sr));
  ASSERT(0, __builtin_mul_overflow(i32(-300), 100, &sr));
  ASSERT(-30000, sr);
  ASSERT(1, __builtin_mul_overflow(i32(-2147483647 - 1), -1, &r));
  /* 64-bit */
  ASSERT(1, __builtin_add_overflow(i64(0x7fffffffffffffffLL), 1LL, &lr));
  ASSERT(0, __builtin_add_overflow(i64(0x7fffffffffffffffLL), -1LL, &lr));
  ASSERT(1, __builtin_mul_overflow(i64(0x100000000LL), 0x100000000LL, &lr));
  ASSERT(0, __builtin_mul_overflow(i64(-0x40000000LL), 0x100000000LL, &lr));
  ASSERT(-0x4000000000000000LL, lr);
  ASSERT(1, __builtin_mul_overflow(i64(-0x7fffffffffffffffLL - 1), -1LL, &lr));
  ASSERT(1, __builtin_sub_overflow(u64(0), 1ULL, &ulr));
  ASSERT(1, __builtin_add_overflow(u64(~0ULL), 1ULL, &ulr));
  ASSERT(0, ulr);
  ASSERT(1, __builtin_mul_overflow(u64(1ULL << 63), 2ULL, &ulr));
  ASSERT(1, __builtin_add_overflow(i64(1LL << 40), 0, &r));
  /* typed family */
  ASSERT(1, __builtin_sadd_overflow(i32(0x7fffffff), 1, &r));
  ASSERT(0, __builtin_uadd_overflow(u32(1), 2, &ur));
  ASSERT(3, ur);
  ASSERT(1, __builtin_usub_overflow(u32(1), 2, &ur));
  ASSERT(1, __builtin_smulll_overflow(i64(3037000500LL), 3037000500LL, &lr));
  ASSERT(0, __builtin_smulll_overflow(i64(3037000499LL), 3037000499LL, &lr));
  ASSERT(9223372030926249001LL, lr);
  ASSERT(1, __builtin_umulll_overflow(u64(1ULL << 32), 1ULL << 32, &ulr));
  ASSERT(1, __builtin_saddl_overflow(i32(0x7fffffff), 1L, (long *)&r));
  ASSERT(1, __builtin_ssubll_overflow(i64(-0x7fffffffffffffffLL - 1), 1LL, &lr));
  ASSERT(0, __builtin_uaddl_overflow(u32(4), 5UL, (unsigned long *)&ur));
  ASSERT(9, ur);
  int side = 0;
  ASSERT(0, __builtin_add_overflow(side++, side++, &r));
  ASSERT(2, side);
  ASSERT(1, __builtin_add_overflow_p(i32(0x7fffffff), 1, (int)0));
  ASSERT(0, __builtin_add_overflow_p(i32(0x7fffffff), 1, (long long)0));
}

static int sum_alloca(int n) {
  int *a = __builtin_alloca(n * sizeof(int));
  int *b = __builtin_alloca(n * sizeof(int));
  for (int i = 0; i < n; i++) { a[i] = i; b[i] = 2 * i; }
  int s = 0;
  for (int i = 0; i < n; i++) s += a[i] + b[i];
  return s + (((unsigned)a & 15) == 0) * 1000 + (((unsigned)b & 15) == 0) * 10000;
}

static int misc(int x) {
  if (__builtin_expect(x > 5, 0)) x += 1;
  if (__builtin_expect(x == 3, 1)) x += 10;
  int k = __builtin_choose_expr(1, 4, (void)0);
  x += k + __builtin_choose_expr(0, 100, 1000);
  x += __builtin_offsetof(struct rec, inner[1].d[2]) * 10000;
  x += __builtin_constant_p(x) * 100000;
  if (x < 0) __builtin_unreachable();
  return x;
}

int main(void) {
  bits();
  overflow();
  ASSERT(3, (int)(sizeof table / sizeof table[0]));
  ASSERT(0x3412, SWAPPED);
  ASSERT(40, TZ);
  ASSERT(11135, sum_alloca(10));
  ASSERT(3 + 10 + 4 + 1000 + 32 * 10000, misc(i32(3)));
  return t_done("builtins");
}
