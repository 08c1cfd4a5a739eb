#include "rt.h"
/* Bad pointers handed to the kernel: each must give -EFAULT (14), never a crash. */
static char page_end_string[4096] __attribute__((aligned(4096)));
int main(void) {
  char buf[8];
  kv("write_null", sc3(SYS_write, 1, 0, 5));
  kv("write_top", sc3(SYS_write, 1, 0xffffffff, 1));
  kv("write_kernel_half", sc3(SYS_write, 1, 0xc0000000, 4));
  kv("read_into_kernel_half", sc3(SYS_read, 0, 0xc0001000, 4));
  kv("read_into_text", sc3(SYS_read, 0, (u32)(void *)main, 4));
  kv("uname_null", sc1(SYS_uname, 0));
  kv("clock_null", sc2(SYS_clock_gettime64, 1, 0));
  kv("writev_null", sc3(SYS_writev, 1, 0, 1));
  /* a buffer straddling a mapped and an unmapped page */
  char *two = mmap_(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
  sc2(SYS_munmap, two + 4096, 4096);
  two[4090] = 'x';
  kv("write_straddle", sc3(SYS_write, 1, two + 4090, 10));
  kv("read_straddle", sc3(SYS_read, 0, two + 4090, 10));
  /* a string whose NUL would lie past the last mapped byte */
  for (int i = 0; i < 4096; i++) two[i] = 'a';
  kv("open_unterminated", sc4(SYS_openat, -100, two, 0, 0));
  kv("open_null", sc4(SYS_openat, -100, 0, 0, 0));
  kv("bad_fd", sc3(SYS_write, 99, buf, 1));
  kv("negative_fd", sc3(SYS_write, -1, buf, 1));
  kv("close_bad", sc1(SYS_close, 42));
  kv("unknown_syscall", sc0(4242));
  /* a huge count over a small valid buffer: EFAULT (the first piece crosses into an unmapped page), no huge copy */
  two[4095] = '\n';
  kv("write_huge_count", sc3(SYS_write, 1, two + 4095, 0x7fffffff));
  kv("read_huge_count", sc3(SYS_read, 0, two, 0x7fffffff));
  (void)page_end_string;
  return 0;
}
