#include "rt.h"
/* fds 0, 1, 2 each with their own mode: the results go to fd 2, so fd 1 carries exactly what was written to
   it ("one\n"). Under qemu-riscv32 with `</dev/null >file` the same lines come out. */
static void ekv(const char *k, long v) {
  char b[12]; int i = 11; u32 u = v < 0 ? (u32)-v : (u32)v;
  sc3(SYS_write, 2, k, slen(k)); sc3(SYS_write, 2, v < 0 ? "=-" : "=", v < 0 ? 2 : 1);
  do { b[--i] = '0' + u % 10; u /= 10; } while (u);
  sc3(SYS_write, 2, b + i, 11 - i); sc3(SYS_write, 2, "\n", 1);
}
int main(void) {
  char buf[8];
  ekv("write0", sc3(SYS_write, 0, "zero\n", 5));
  ekv("write1", sc3(SYS_write, 1, "one\n", 4));
  ekv("read1", sc3(SYS_read, 1, buf, 8));
  ekv("read2", sc3(SYS_read, 2, buf, 8));
  int ro = sc4(SYS_openat, -100, "/dev/null", 0, 0);   /* O_RDONLY */
  int wo = sc4(SYS_openat, -100, "/dev/null", 1, 0);   /* O_WRONLY */
  ekv("write_rdonly_null", sc3(SYS_write, ro, "x", 1));
  ekv("read_wronly_null", sc3(SYS_read, wo, buf, 8));
  ekv("write_wronly_null", sc3(SYS_write, wo, "x", 1));
  return 0;
}
