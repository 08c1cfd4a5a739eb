/* string.h: mem*, str*, strtok_r, strdup/strndup, strerror. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

static void test_mem(void) {
  char buf[64];
  unsigned i;
  memset(buf, 'x', sizeof buf);
  ASSERT('x', buf[63]);
  memset(buf + 3, 0, 37);
  ASSERT('x', buf[2]);
  ASSERT(0, buf[3]);
  ASSERT(0, buf[39]);
  ASSERT('x', buf[40]);
  for (i = 0; i < sizeof buf; i++) buf[i] = (char)i;
  memmove(buf + 1, buf, 20); /* overlapping, forward */
  ASSERT(0, buf[1]);
  ASSERT(19, buf[20]);
  memmove(buf, buf + 1, 20); /* overlapping, backward */
  ASSERT(0, buf[0]);
  ASSERT(19, buf[19]);
  memcpy(buf + 5, "abcdefghijklmnopqrstuvwxyz", 27); /* unaligned destination */
  ASSERT_STR("abcdefghijklmnopqrstuvwxyz", buf + 5);
  ASSERT(0, memcmp("abc", "abc", 3));
  ASSERT(1, memcmp("abd", "abc", 3) > 0);
  ASSERT(1, memcmp("\x80", "\x01", 1) > 0); /* compares as unsigned char */
  ASSERT(2, (char *)memchr("hello", 'l', 5) - "hello");
  ASSERT(0, memchr("hello", 'z', 5) == 0 ? 0 : 1);
  ASSERT(3, (char *)memrchr("hello", 'l', 5) - "hello");
}

static void test_str_basic(void) {
  char buf[32];
  char *save;
  char text[] = "  alpha,beta;;gamma  ";
  ASSERT(0, strlen(""));
  ASSERT(5, strlen("hello"));
  ASSERT(3, strnlen("hello", 3));
  ASSERT(5, strnlen("hello", 10));
  ASSERT_STR("hi", strcpy(buf, "hi"));
  ASSERT(2, stpcpy(buf, "ab") - buf);
  ASSERT_STR("abcd", strcat(buf, "cd"));
  ASSERT_STR("abcdef", strncat(buf, "efgh", 2));
  strncpy(buf, "xy", 5);
  ASSERT(0, buf[4]);
  ASSERT(5, strlcpy(buf, "hello", 3));
  ASSERT_STR("he", buf);
  ASSERT(0, strcmp("abc", "abc"));
  ASSERT(1, strcmp("abd", "abc") > 0);
  ASSERT(1, strcmp("ab", "abc") < 0);
  ASSERT(0, strncmp("abcx", "abcy", 3));
  ASSERT(0, strncmp("a", "b", 0));
  ASSERT(0, strcasecmp("HeLLo", "hello"));
  ASSERT(0, strncasecmp("ABCx", "abcY", 3));
  ASSERT(1, strchr("hello", 'l') - "hello" == 2);
  ASSERT(1, strchr("hello", 0) - "hello" == 5);
  ASSERT(1, strrchr("hello", 'l') - "hello" == 3);
  ASSERT(0, strchr("hello", 'z') != 0);
  ASSERT_STR("lo world", strstr("hello world", "lo"));
  ASSERT_STR("hello", strstr("hello", ""));
  ASSERT(0, strstr("hello", "xyz") != 0);
  ASSERT(3, strspn("aabxc", "ab"));
  ASSERT(3, strcspn("abcxyz", "xz"));
  ASSERT_STR("xyz", strpbrk("abcxyz", "zx"));
  ASSERT_STR("alpha", strtok_r(text, " ,;", &save));
  ASSERT_STR("beta", strtok_r(0, " ,;", &save));
  ASSERT_STR("gamma", strtok_r(0, " ,;", &save));
  ASSERT(0, strtok_r(0, " ,;", &save) != 0);
}

static void test_alloc_and_errors(void) {
  char *d = strdup("copy me");
  char *n = strndup("truncate", 5);
  ASSERT_STR("copy me", d);
  ASSERT_STR("trunc", n);
  free(d);
  free(n);
  ASSERT_STR("No such file or directory", strerror(ENOENT));
  ASSERT_STR("Cannot allocate memory", strerror(ENOMEM));
  ASSERT_STR("Unknown error 9999", strerror(9999));
}

int main(void) {
  test_mem();
  test_str_basic();
  test_alloc_and_errors();
  return test_summary("string_test");
}
