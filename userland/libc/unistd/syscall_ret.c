/* __syscall_ret: the C convention for a raw syscall result (-4095..-1 is -errno). */
#include <errno.h>
#include "../arch/riscv32/syscall_arch.h"

int errno;

long __syscall_ret(long r) {
  if ((unsigned long)r > (unsigned long)-4096L) {
    errno = (int)-r;
    return -1;
  }
  return r;
}
