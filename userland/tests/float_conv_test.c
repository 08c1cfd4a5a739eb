/* Floating conversions through the libc with nothing but integers: a double travels through printf's
 * variadic arguments exactly as a long long with the same bits does (and a long double by reference), and
 * scanf stores a value's bits through the pointer it is given. So this test builds with a compiler that has
 * no floating types (pagoda cc before ILP32D) as well as with gcc. Expected strings are glibc's. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

static char buf[2048];

/* printf of the double with these bits (the format's mismatch with long long is the point) */
static const char *show(const char *fmt, unsigned long long bits) {
  snprintf(buf, sizeof buf, fmt, bits);
  return buf;
}

/* printf of the long double with these words (least significant first), passed by reference as the
 * psABI passes a 16-byte variadic argument */
static const char *show_ld(const char *fmt, uint32_t w0, uint32_t w1, uint32_t w2, uint32_t w3) {
  uint32_t w[4];
  w[0] = w0;
  w[1] = w1;
  w[2] = w2;
  w[3] = w3;
  snprintf(buf, sizeof buf, fmt, w);
  return buf;
}

static unsigned long long scan_double(const char *text) {
  unsigned long long bits = 0;
  if (sscanf(text, "%lf", (void *)&bits) != 1) return 1;
  return bits;
}

static uint32_t scan_float(const char *text) {
  uint32_t bits = 0;
  if (sscanf(text, "%f", (void *)&bits) != 1) return 1;
  return bits;
}

static void printing(void) {
  ASSERT_STR("0.10000000000000001", show("%.17g", 0x3fb999999999999aULL));
  ASSERT_STR("0.1000000000000000055511151231257827021181583404541015625000", show("%.58f", 0x3fb999999999999aULL));
  ASSERT_STR("1.000000e+300", show("%e", 0x7e37e43c8800759cULL));
  ASSERT_STR("1.7976931348623157e+308", show("%.17g", 0x7fefffffffffffffULL));
  ASSERT_STR("0x0.0000000000001p-1022", show("%a", 1ULL));
  ASSERT_STR("4.940656458412465441765687928682213723651e-324", show("%.39e", 1ULL));
  ASSERT_STR("0x1.8p+1", show("%a", 0x4008000000000000ULL));
  ASSERT_STR("0x2p+0", show("%.0a", 0x3ff8000000000000ULL));
  ASSERT_STR("2", show("%.0f", 0x4004000000000000ULL)); /* 2.5: ties to even */
  ASSERT_STR("4", show("%.0f", 0x400c000000000000ULL)); /* 3.5 */
  ASSERT_STR("0.12", show("%.2f", 0x3fc0000000000000ULL)); /* 0.125 */
  ASSERT_STR("  -0.000", show("%8.3f", 0x8000000000000000ULL));
  ASSERT_STR("+001.500", show("%+08.3f", 0x3ff8000000000000ULL));
  ASSERT_STR("1.5     |", show("%-8g|", 0x3ff8000000000000ULL));
  ASSERT_STR("1.00000", show("%#g", 0x3ff0000000000000ULL));
  ASSERT_STR("1e+100", show("%g", 0x54b249ad2594c37dULL));
  ASSERT_STR("0.0001", show("%g", 0x3f1a36e2eb1c432dULL));
  ASSERT_STR("1e-05", show("%g", 0x3ee4f8b588e368f1ULL));
  ASSERT_STR("  inf", show("%5f", 0x7ff0000000000000ULL));
  ASSERT_STR("-INF", show("%E", 0xfff0000000000000ULL));
  ASSERT_STR("nan", show("%g", 0x7ff8000000000000ULL));
  ASSERT_STR("-nan", show("%f", 0xfff8000000000000ULL));
  ASSERT_STR("0.333333333333333333333333333333333317", show_ld("%.36Lf", 0x55555555, 0x55555555, 0x55555555, 0x3ffd5555));
  ASSERT_STR("0x1.5555555555555555555555555555p-2", show_ld("%La", 0x55555555, 0x55555555, 0x55555555, 0x3ffd5555));
  ASSERT_STR("1.18973149535723176508575932662800702e+4932",
             show_ld("%.35Le", 0xffffffff, 0xffffffff, 0xffffffff, 0x7ffeffff));
  ASSERT_STR("6.47518e-4966", show_ld("%Lg", 1, 0, 0, 0));
}

static void scanning(void) {
  uint32_t ld[4];
  ASSERT(0x3fb999999999999aULL, scan_double("0.1"));
  ASSERT(0x3fb999999999999aULL, scan_double("  +0.1000000000000000055511151231257827021181583404541015625"));
  ASSERT(0x4340000000000000ULL, scan_double("9007199254740993")); /* halfway: to even */
  ASSERT(0x4340000000000001ULL, scan_double("9007199254740993.000000000000000000001")); /* above: up */
  ASSERT(0x000fffffffffffffULL, scan_double("2.2250738585072011e-308"));
  ASSERT(0x0010000000000000ULL, scan_double("2.2250738585072012e-308"));
  ASSERT(1ULL, scan_double("4.9406564584124654e-324"));
  ASSERT(0ULL, scan_double("2.4703282292062327e-324"));
  ASSERT(1ULL, scan_double("2.4703282292062328e-324"));
  ASSERT(1ULL, scan_double("0x1p-1074"));
  ASSERT(0x7fefffffffffffffULL, scan_double("1.7976931348623158e308"));
  ASSERT(0x7ff0000000000000ULL, scan_double("1.7976931348623159e308"));
  ASSERT(0xfff0000000000000ULL, scan_double("-INFINITY"));
  ASSERT(0x7ff8000000000000ULL, scan_double("nan"));
  ASSERT(0x4029000000000000ULL, scan_double("0x1.9p+3"));
  ASSERT(0x3dcccccdu, scan_float("0.1"));
  ASSERT(0x7f7fffffu, scan_float("3.4028235e38"));
  ASSERT(0x7f800000u, scan_float("3.4028236e38"));
  ASSERT(1u, scan_float("1.4e-45"));
  ASSERT(1, sscanf("0.1", "%Lf", (void *)ld));
  ASSERT(0x3ffb9999u, ld[3]);
  ASSERT(0x9999999au, ld[0]);
  {
    int n = -1, a = 0;
    char word[8];
    ASSERT(2, sscanf("  42 abc;", "%d %3[a-z]%n", &a, word, &n));
    ASSERT(42, a);
    ASSERT_STR("abc", word);
    ASSERT(8, n);
    ASSERT(-1, sscanf("   ", "%d", &a));
    ASSERT(0, sscanf("x", "%d", &a));
  }
}

int main(void) {
  printing();
  scanning();
  return test_summary("float_conv_test");
}
