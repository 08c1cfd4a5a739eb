#include "rt.h"
/* /dev/null, /dev/zero, readv/writev, uname, clocks, sleep, pid. */
struct iovec { void *base; u32 len; };
struct ts { long long sec; long long nsec; };
int main(void) {
  char buf[16];
  int nul = sc4(SYS_openat, -100, "/dev/null", 2, 0);
  int zero = sc4(SYS_openat, -100, "/dev/zero", 0, 0);
  kv("null_fd", nul);
  kv("zero_fd", zero);
  kv("missing", sc4(SYS_openat, -100, "/no/such/file", 0, 0));
  kv("write_null", sc3(SYS_write, nul, "abc", 3));
  kv("read_null", sc3(SYS_read, nul, buf, 16));
  for (int i = 0; i < 16; i++) buf[i] = 'q';
  kv("read_zero", sc3(SYS_read, zero, buf, 16));
  int z = 0; for (int i = 0; i < 16; i++) z += buf[i] == 0;
  kv("zero_bytes", z);
  kv("close", sc1(SYS_close, nul));
  kv("close_again", sc1(SYS_close, nul));
  struct iovec v[3] = {{"wri", 3}, {"te", 2}, {"v\n", 2}};
  kv("writev", sc3(SYS_writev, 1, v, 3));
  char a[3], b[5];
  struct iovec r[2] = {{a, 3}, {b, 5}};
  kv("readv", sc3(SYS_readv, 0, r, 2));
  sc3(SYS_write, 1, a, 3); sc3(SYS_write, 1, b, 5); puts_("\n");
  kv("read_eof", sc3(SYS_read, 0, buf, 16));
  char uts[390];
  kv("uname", sc1(SYS_uname, uts));
  puts_(uts); puts_(" "); puts_(uts + 4 * 65); puts_("\n");
  struct ts t0, t1, d = {0, 20000000};
  kv("gettime", sc2(SYS_clock_gettime64, 1, &t0));
  kv("sleep", sc4(SYS_clock_nanosleep_time64, 1, 0, &d, 0));
  sc2(SYS_clock_gettime64, 1, &t1);
  long long ns = (t1.sec - t0.sec) * 1000000000LL + (t1.nsec - t0.nsec);
  kv("slept_enough", ns >= 20000000LL);
  kv("bad_clock", sc2(SYS_clock_gettime64, 99, &t0));
  struct ts bad = {0, 1000000000};
  kv("bad_nsec", sc4(SYS_clock_nanosleep_time64, 1, 0, &bad, 0));
  kv("pid", sc0(SYS_getpid));
  kv("tid", sc1(SYS_set_tid_address, buf));
  sc3(SYS_write, 2, "to stderr\n", 10);
  sc1(SYS_exit_group, 3);
  return 0;
}
