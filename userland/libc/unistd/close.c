/* close. */
#include <unistd.h>
#include "../arch/riscv32/syscall_arch.h"

int close(int fd) {
  return (int)__syscall_ret(__syscall1(SYS_close, fd));
}
