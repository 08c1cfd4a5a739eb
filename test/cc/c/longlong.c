#include "test.h"
/* 64-bit arithmetic: register pairs, carries, runtime helpers, conversions, comparisons. */
long long add(long long a, long long b) { return a + b; }
unsigned long long umul(unsigned long long a, unsigned long long b) { return a * b; }
long long neg(long long a) { return -a; }
long long mix(int a, long long b, int c) { return a + b + c; }
long long shl(long long a, int n) { return a << n; }
long long sar(long long a, int n) { return a >> n; }
unsigned long long shr(unsigned long long a, int n) { return a >> n; }
int main(void) {
  long long a = 0xffffffffLL;
  ASSERT(0x100000000LL, a + 1);
  ASSERT(0x1fffffffeLL, a * 2);
  ASSERT(0x100000000LL, add(0xffffffffLL, 1));
  ASSERT(-1, add(0, -1));
  ASSERT(0, add(-1, 1));
  ASSERT(0x7fffffffffffffffLL, add(0x7ffffffffffffffeLL, 1));
  ASSERT(1, (unsigned long long)-1 == 0xffffffffffffffffULL);
  ASSERT(0xfffffffe00000001ULL, umul(0xffffffffULL, 0xffffffffULL));
  ASSERT(-0x123456789LL, neg(0x123456789LL));
  ASSERT(0, neg(0));
  ASSERT(0x100000002LL, mix(1, 0x100000000LL, 1));
  long long b = 1000000007LL * 1000000009LL;
  ASSERT(1000000016000000063LL, b);
  ASSERT(1000000007LL, b / 1000000009LL);
  ASSERT(0, b % 1000000009LL);
  ASSERT(63, b % 100);
  ASSERT(-3, -10LL / 3);
  ASSERT(-1, -10LL % 3);
  ASSERT(3, 10LL / 3);
  unsigned long long u = 0xffffffffffffffffULL;
  ASSERT(0x7fffffffffffffffLL, u / 2);
  ASSERT(1, u % 2);
  ASSERT(0x100000000LL, shl(1, 32));
  ASSERT(0x200LL, shl(1, 9));
  ASSERT(0x8000000000000000ULL, shl(1, 63));
  ASSERT(-1, sar(-1, 40));
  ASSERT(-2, sar(-0x100000000LL, 31));
  ASSERT(1, shr(0x8000000000000000ULL, 63));
  ASSERT(0x7fffffff, shr(0xffffffffffffffffULL, 33));
  long long c = 0x123456789abcdefLL;
  ASSERT(0x123456789abcdef0LL, c << 4);
  ASSERT(0x123456789abcdeLL, c >> 4);
  ASSERT(0x89abcdef, (unsigned)c);
  ASSERT(-1985229329, (int)c);
  ASSERT(0x1234567, c >> 32);
  ASSERT(0x89abcdef00000000LL, c << 32);
  ASSERT(1, c > 0x123456789abcdeeLL);
  ASSERT(0, c < 0x123456789abcdeeLL);
  ASSERT(1, -1LL < 0);
  ASSERT(1, 0xffffffffLL > 0);
  ASSERT(0, 0xffffffffffffffffULL < 1);
  ASSERT(1, -2LL < -1LL);
  ASSERT(1, 0x100000000LL != 0);
  ASSERT(1, 0x100000000LL > 0xffffffffLL);
  ASSERT(1, (long long)-1 == -1);
  int i = -5;
  long long li = i;
  ASSERT(-5, li);
  unsigned ui = 0xfffffffbu;
  long long lu = ui;
  ASSERT(4294967291LL, lu);
  long long m = 5;
  m += 0x100000000LL;
  ASSERT(0x100000005LL, m);
  m -= 6;
  ASSERT(0xffffffffLL, m);
  m *= 3;
  ASSERT(0x2fffffffdLL, m);
  m /= 2;
  ASSERT(0x17ffffffeLL, m);
  m <<= 4;
  ASSERT(0x17ffffffe0LL, m);
  m >>= 8;
  ASSERT(0x17ffffffLL, m);
  m |= 0x100000000LL;
  ASSERT(0x117ffffffLL, m);
  m &= 0xff00000000LL;
  ASSERT(0x100000000LL, m);
  m ^= 0x300000000LL;
  ASSERT(0x200000000LL, m);
  m %= 0x180000000LL;
  ASSERT(0x80000000LL, m);
  long long k = 0xffffffffLL;
  k++;
  ASSERT(0x100000000LL, k);
  k--;
  ASSERT(0xffffffffLL, k);
  ASSERT(0xffffffffLL, k++);
  ASSERT(0x100000001LL, ++k);
  ASSERT(1, !!k);
  ASSERT(0, !k);
  ASSERT(-0x100000002LL, ~k);
  long long arr[3] = {1, 2, 3};
  long long *p = arr;
  ASSERT(3, p[2]);
  ASSERT(24, sizeof(arr));
  ASSERT(16, (char *)(p + 2) - (char *)p);
  ASSERT(1, (k ? 1 : 0));
  long long t = 0;
  for (long long q = 0; q < 0x100000003LL; q += 0x80000000LL) t++;
  ASSERT(3, t);
  unsigned long long big = 18446744073709551615ULL;
  ASSERT(-1, (long long)big);
  ASSERT(255, (unsigned char)big);
  ASSERT(-1, (short)big);
  ASSERT(1, (_Bool)0x100000000LL);
  return t_done("longlong");
}
