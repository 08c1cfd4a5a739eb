/* stdlib.h: conversions with their errno rules, qsort/bsearch, abs/div, rand, environment,
 * atexit order; and the 64-bit helpers compiled code calls (__divdi3 and friends). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static void test_conversions(void) {
  char *end;
  ASSERT(42, atoi("  42xyz"));
  ASSERT(-17, atoi("-17"));
  ASSERT(0, atoi("abc"));
  ASSERT(255, strtol("ff", &end, 16));
  ASSERT(0, *end);
  ASSERT(255, strtol("0xff", 0, 0));
  ASSERT(8, strtol("010", 0, 0));
  ASSERT(10, strtol("010", 0, 10));
  ASSERT(35, strtol("z", 0, 36));
  ASSERT(0, strtol("0x", &end, 16));
  ASSERT('x', *end); /* "0x" without hex digits parses just the "0" */
  strtol("  +", &end, 10);
  ASSERT(1, end[0] == ' '); /* no digits: end is the start of the string */
  errno = 0;
  ASSERT(LONG_MAX, strtol("99999999999", 0, 10));
  ASSERT(ERANGE, errno);
  errno = 0;
  ASSERT(LONG_MIN, strtol("-2147483648", 0, 10));
  ASSERT(0, errno);
  errno = 0;
  ASSERT(LONG_MIN, strtol("-2147483649", 0, 10));
  ASSERT(ERANGE, errno);
  ASSERT(4294967295u, strtoul("4294967295", 0, 10));
  ASSERT(4294967295u, strtoul("-1", 0, 10)); /* negated as unsigned, per C */
  errno = 0;
  ASSERT(ULONG_MAX, strtoul("4294967296", 0, 10));
  ASSERT(ERANGE, errno);
  ASSERT(1, strtoll("9223372036854775807", 0, 10) == LLONG_MAX);
  errno = 0;
  ASSERT(1, strtoll("-9223372036854775809", 0, 10) == LLONG_MIN);
  ASSERT(ERANGE, errno);
  ASSERT(1, strtoull("18446744073709551615", 0, 10) == ULLONG_MAX);
  ASSERT(1, strtoull("0x123456789abcdef", 0, 16) == 0x123456789abcdefULL);
  ASSERT(1, atoll("-1234567890123") == -1234567890123LL);
}

static void test_sorting(void) {
  int v[] = { 5, -3, 9, 0, 5, 12, -7, 1, 8, 2, 2, 100, -50 };
  int n = (int)(sizeof v / sizeof v[0]), i, key = 8;
  int *found;
  qsort(v, (size_t)n, sizeof v[0], cmp_int);
  for (i = 1; i < n; i++) ASSERT(1, v[i - 1] <= v[i]);
  found = bsearch(&key, v, (size_t)n, sizeof v[0], cmp_int);
  ASSERT(8, found ? *found : -1);
  key = 7;
  ASSERT(0, bsearch(&key, v, (size_t)n, sizeof v[0], cmp_int) != 0);
  qsort(v, 0, sizeof v[0], cmp_int);
}

static void test_arith(void) {
  div_t d = div(-7, 2);
  volatile long long a = -1234567890123LL, b = 1000;
  volatile unsigned long long ua = 0xfedcba9876543210ULL, ub = 0x12345ULL, uc = 0x100000001ULL;
  ASSERT(5, abs(-5));
  ASSERT(5, labs(5));
  ASSERT(-3, d.quot);
  ASSERT(-1, d.rem);
  ASSERT(1, a / b == -1234567890LL);
  ASSERT(1, a % b == -123);
  ASSERT(1, ua / ub == 0xe0004fa01c4dULL);
  ASSERT(1, ua % ub == 0x10a4fULL);
  ASSERT(1, ua / uc == 0xfedcba97ULL);
  ASSERT(1, ua % uc == 0x77777779ULL);
  ASSERT(1, (ua * ub) == 0x999999999999ae50ULL);
  ASSERT(1, (a << 20) == -1294538259953614848LL);
  ASSERT(1, (a >> 7) == -9645061642LL);
  ASSERT(1, (ua >> 36) == 0xfedcba9ULL);
}

/* exit runs these newest first, after main returns: the harness checks the output order. */
static void first_handler(void) { printf("atexit first\n"); }
static void second_handler(void) { printf("atexit second\n"); }

static void test_env_and_rand(void) {
  int r1, r2;
  ASSERT(0, setenv("PAGODA_TEST", "one", 1));
  ASSERT_STR("one", getenv("PAGODA_TEST"));
  ASSERT(0, setenv("PAGODA_TEST", "two", 0));
  ASSERT_STR("one", getenv("PAGODA_TEST"));
  ASSERT(0, setenv("PAGODA_TEST", "two", 1));
  ASSERT_STR("two", getenv("PAGODA_TEST"));
  ASSERT(0, unsetenv("PAGODA_TEST"));
  ASSERT(0, getenv("PAGODA_TEST") != 0);
  ASSERT(-1, setenv("A=B", "x", 1));
  ASSERT(EINVAL, errno);
  srand(1);
  r1 = rand();
  srand(1);
  r2 = rand();
  ASSERT(r1, r2);
  ASSERT(1, r1 >= 0 && r1 <= RAND_MAX);
  ASSERT(0, atexit(first_handler));
  ASSERT(0, atexit(second_handler));
}

int main(void) {
  test_conversions();
  test_sorting();
  test_arith();
  test_env_and_rand();
  return test_summary("stdlib_test");
}
