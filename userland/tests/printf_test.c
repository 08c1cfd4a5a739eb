/* printf family: a table of formats, arguments and the exact output expected (musl's where C
 * leaves a choice), checked through snprintf, plus snprintf truncation and the stream paths. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

static void check(int line, const char *expected, const char *fmt, ...) {
  char buf[256];
  va_list ap;
  int n;
  va_start(ap, fmt);
  n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  test_str(expected, buf, fmt, line);
  test_int((long long)strlen(expected), n, fmt, line);
}

#define CHECK(expected, ...) check(__LINE__, expected, __VA_ARGS__)

static void table(void) {
  CHECK("plain text", "plain text");
  CHECK("100%", "100%%");
  CHECK("42", "%d", 42);
  CHECK("-42", "%i", -42);
  CHECK("-2147483648", "%d", (int)0x80000000u);
  CHECK("4294967295", "%u", 0xffffffffu);
  CHECK("   42", "%5d", 42);
  CHECK("42   |", "%-5d|", 42);
  CHECK("00042", "%05d", 42);
  CHECK("-0042", "%05d", -42);
  CHECK("+42", "%+d", 42);
  CHECK(" 42", "% d", 42);
  CHECK("+0", "%+d", 0);
  CHECK("  007", "%5.3d", 7);
  CHECK("007  |", "%-5.3d|", 7);
  CHECK("   07", "%05.2d", 7); /* a precision turns the 0 flag off */
  CHECK("", "%.0d", 0);
  CHECK("     ", "%5.0d", 0);
  CHECK("0", "%d", 0);
  CHECK("ff", "%x", 255);
  CHECK("FF", "%X", 255);
  CHECK("0xff", "%#x", 255);
  CHECK("0XFF", "%#X", 255);
  CHECK("0", "%#x", 0);
  CHECK("0x00ff", "%#06x", 255);
  CHECK("777", "%o", 511);
  CHECK("0777", "%#o", 511);
  CHECK("0", "%#o", 0);
  CHECK("*", "%c", '*');
  CHECK("  *", "%3c", '*');
  CHECK("*  |", "%-3c|", '*');
  CHECK("hello", "%s", "hello");
  CHECK("  hello", "%7s", "hello");
  CHECK("hello  |", "%-7s|", "hello");
  CHECK("hel", "%.3s", "hello");
  CHECK("  hel", "%5.3s", "hello");
  CHECK("(null)", "%s", (char *)0);
  CHECK("   42", "%*d", 5, 42);
  CHECK("42   |", "%*d|", -5, 42);
  CHECK("007", "%.*d", 3, 7);
  CHECK("7", "%.*d", -1, 7); /* a negative precision counts as absent */
  CHECK("-1", "%hhd", 255);
  CHECK("255", "%hhu", 255);
  CHECK("-1", "%hd", 65535);
  CHECK("65535", "%hu", 65535);
  CHECK("-123456789", "%ld", -123456789L);
  CHECK("4294967295", "%lu", 4294967295UL);
  CHECK("-9223372036854775808", "%lld", (long long)0x8000000000000000ULL);
  CHECK("18446744073709551615", "%llu", 18446744073709551615ULL);
  CHECK("123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
  CHECK("1234567890123", "%jd", (intmax_t)1234567890123LL);
  CHECK("4000000000", "%zu", (size_t)4000000000u);
  CHECK("-5", "%td", (ptrdiff_t)-5);
  CHECK("0x00012345", "%p", (void *)0x12345);
  CHECK("00000000", "%p", (void *)0);
  CHECK("a1b2c", "%c%d%c%d%c", 'a', 1, 'b', 2, 'c');
  CHECK("%n", "%n"); /* %n is not supported: printed as written */
  CHECK("x%", "x%");
}

static void truncation(void) {
  char buf[8];
  memset(buf, 'Z', sizeof buf);
  ASSERT(11, snprintf(buf, 6, "hello world"));
  ASSERT_STR("hello", buf);
  ASSERT('Z', buf[6]);
  ASSERT(5, snprintf(0, 0, "%d", 12345));
  ASSERT(3, snprintf(buf, 1, "abc"));
  ASSERT(0, buf[0]);
  ASSERT(4, sprintf(buf, "%04d", 7));
  ASSERT_STR("0007", buf);
}

static void streams(void) {
  ASSERT(6, printf("out %d\n", 1));
  ASSERT(0, fputs("fputs line\n", stdout) < 0);
  ASSERT(0, puts("puts line") < 0);
  ASSERT('!', putchar('!'));
  ASSERT('\n', putchar('\n'));
  ASSERT(9, fprintf(stderr, "to stderr"));
  fputc('\n', stderr);
}

int main(void) {
  table();
  truncation();
  streams();
  return test_summary("printf_test");
}
