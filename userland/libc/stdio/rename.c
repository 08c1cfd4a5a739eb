/* rename(old, new): renameat2 with no flags (rv32 Linux has no plain rename or renameat). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include "../arch/riscv32/syscall_arch.h"

int rename(const char *from, const char *to) {
  return (int)__syscall_ret(__syscall5(SYS_renameat2, AT_FDCWD, (long)from, AT_FDCWD, (long)to, 0));
}
