/* test.h: chibicc-style assertions for the libc tests. ASSERT(expected, expr) compares integers
 * and prints the source text of expr with both values when they differ; ASSERT_STR compares
 * strings. Each test program ends with `return test_summary("name");`: it prints
 * "name: N checks ok" (exit 0) or the failure count (exit 1). */
#ifndef PAGODA_TEST_H
#define PAGODA_TEST_H
#include <stdio.h>
#include <string.h>

static int test_checks, test_failures;

__attribute__((unused)) static void test_int(long long expected, long long actual, const char *code, int line) {
  test_checks++;
  if (expected != actual) {
    test_failures++;
    printf("line %d: %s => %lld, expected %lld\n", line, code, actual, expected);
  }
}

__attribute__((unused)) static void test_str(const char *expected, const char *actual, const char *code, int line) {
  test_checks++;
  if (!actual || strcmp(expected, actual) != 0) {
    test_failures++;
    printf("line %d: %s => \"%s\", expected \"%s\"\n", line, code, actual ? actual : "(null)",
           expected);
  }
}

__attribute__((unused)) static int test_summary(const char *name) {
  if (test_failures) {
    printf("%s: %d of %d checks FAILED\n", name, test_failures, test_checks);
    return 1;
  }
  printf("%s: %d checks ok\n", name, test_checks);
  return 0;
}

#define ASSERT(expected, expr) test_int((long long)(expected), (long long)(expr), #expr, __LINE__)
#define ASSERT_STR(expected, expr) test_str((expected), (expr), #expr, __LINE__)
#endif
