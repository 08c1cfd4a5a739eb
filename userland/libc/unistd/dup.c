/* dup, dup2 (through dup3, with dup2's same-descriptor rule), dup3. */
#include <unistd.h>
#include "../arch/riscv32/syscall_arch.h"

int dup(int fd) {
  return (int)__syscall_ret(__syscall1(SYS_dup, fd));
}

int dup3(int oldfd, int newfd, int flags) {
  return (int)__syscall_ret(__syscall3(SYS_dup3, oldfd, newfd, flags));
}

int dup2(int oldfd, int newfd) {
  if (oldfd == newfd) {
    /* dup3 refuses equal descriptors; dup2 only checks that oldfd is open (EBADF otherwise). */
    int probe = dup(oldfd);
    if (probe < 0) return -1;
    close(probe);
    return newfd;
  }
  return dup3(oldfd, newfd, 0);
}
