/* test.h: chibicc-style self-checking tests without libc.
 * ASSERT(expected, expr) compares as long long; on failure prints the expression text,
 * the expected and the actual value, then exits with status 1. */
#ifndef PAGODA_TEST_H
#define PAGODA_TEST_H
int __t_write(int fd, const void *buf, int len);
void __t_exit(int status);

static int t_strlen(const char *s) {
  int n = 0;
  while (s[n]) n++;
  return n;
}
static void t_puts(const char *s) { __t_write(1, s, t_strlen(s)); }
static void t_putll(long long v) {
  char buf[24];
  int i = 23;
  unsigned long long u = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
  buf[i] = 0;
  do {
    buf[--i] = '0' + (int)(u % 10);
    u /= 10;
  } while (u);
  if (v < 0) buf[--i] = '-';
  t_puts(buf + i);
}
static int t_checks;
static void t_assert(long long expected, long long actual, const char *code, int line) {
  t_checks++;
  if (expected == actual) return;
  t_puts("FAIL line ");
  t_putll(line);
  t_puts(": ");
  t_puts(code);
  t_puts(" => ");
  t_putll(expected);
  t_puts(" expected but got ");
  t_putll(actual);
  t_puts("\n");
  __t_exit(1);
}
#define ASSERT(x, y) t_assert(x, y, #y, __LINE__)
static int t_done(const char *name) {
  t_puts("OK ");
  t_puts(name);
  t_puts(" ");
  t_putll(t_checks);
  t_puts("\n");
  return 0;
}
#endif
