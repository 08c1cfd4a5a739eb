/* lseek through _llseek (rv32 has no lseek system call): the kernel stores the 64-bit result. */
#include <unistd.h>
#include "../arch/riscv32/syscall_arch.h"

off_t lseek(int fd, off_t offset, int whence) {
  off_t result;
  unsigned long long u = (unsigned long long)offset;
  long hi = (long)(u >> 32);
  long lo = (long)(unsigned long)u;
  if (__syscall_ret(__syscall5(SYS__llseek, fd, hi, lo, (long)&result, whence)) < 0) return -1;
  return result;
}
