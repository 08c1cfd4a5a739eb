/* 64-bit arithmetic: multiplication, division and remainder (libgcc's __divdi3 and friends), shifts, compares. */
#include "rt.h"

static unsigned long long gcd(unsigned long long a, unsigned long long b) {
  while (b) { unsigned long long t = a % b; a = b; b = t; }
  return a;
}

static unsigned long long power(unsigned long long b, unsigned e, unsigned long long m) {
  unsigned long long r = 1;
  b %= m;
  while (e) { if (e & 1) r = r * b % m; b = b * b % m; e >>= 1; }
  return r;
}

volatile long long sink;

int main(void) {
  unsigned long long f = 1;
  for (int i = 1; i <= 20; i++) f *= (unsigned long long)i;
  put_str("20! = "); put_u64(f); put_char('\n');
  long long a = -9876543210123LL, b = 1234567;
  put_str("a / b = "); put_i64(a / b); put_char('\n');
  put_str("a % b = "); put_i64(a % b); put_char('\n');
  put_str("a >> 7 = "); put_i64(a >> 7); put_char('\n');
  put_str("(ull)a >> 7 = "); put_u64((unsigned long long)a >> 7); put_char('\n');
  put_str("a << 13 = "); put_i64((long long)((unsigned long long)a << 13)); put_char('\n');
  put_str("gcd = "); put_u64(gcd(1234567890123456ULL, 9876543210ULL)); put_char('\n');
  put_str("powmod = "); put_u64(power(3, 1000003, 1000000007ULL)); put_char('\n');
  put_str("a < b: "); put_int(a < b); put_str(", (ull)a < b: "); put_int((unsigned long long)a < (unsigned long long)b); put_char('\n');
  unsigned long long h = 0xcbf29ce484222325ULL;
  for (const char *p = "fnv-1a over a string"; *p; p++) { h ^= (unsigned char)*p; h *= 0x100000001b3ULL; }
  put_str("fnv = "); put_hex((unsigned)(h >> 32)); put_hex((unsigned)h); put_char('\n');
  sink = a * 1234;
  put_str("a * 1234 = "); put_i64(sink); put_char('\n');
  return 0;
}
