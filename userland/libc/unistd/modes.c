/* File modes and names: chmod, fchmod, fchmodat, umask, link, linkat, renameat (rv32 Linux has renameat2
 * only). */
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <fcntl.h>
#include <errno.h>
#include "../arch/riscv32/syscall_arch.h"

int chmod(const char *path, mode_t mode) {
  return (int)__syscall_ret(__syscall3(SYS_fchmodat, AT_FDCWD, (long)path, mode));
}

int fchmod(int fd, mode_t mode) {
  return (int)__syscall_ret(__syscall2(SYS_fchmod, fd, mode));
}

int fchmodat(int dirfd, const char *path, mode_t mode, int flags) {
  /* The system call has no flags; there are no symbolic links whose own mode AT_SYMLINK_NOFOLLOW could ask for. */
  if (flags & ~AT_SYMLINK_NOFOLLOW) {
    errno = EINVAL;
    return -1;
  }
  return (int)__syscall_ret(__syscall3(SYS_fchmodat, dirfd, (long)path, mode));
}

mode_t umask(mode_t mask) {
  return (mode_t)__syscall1(SYS_umask, mask);
}

int link(const char *from, const char *to) {
  return (int)__syscall_ret(__syscall5(SYS_linkat, AT_FDCWD, (long)from, AT_FDCWD, (long)to, 0));
}

int linkat(int fromfd, const char *from, int tofd, const char *to, int flags) {
  return (int)__syscall_ret(__syscall5(SYS_linkat, fromfd, (long)from, tofd, (long)to, flags));
}

int renameat(int fromfd, const char *from, int tofd, const char *to) {
  return (int)__syscall_ret(__syscall5(SYS_renameat2, fromfd, (long)from, tofd, (long)to, 0));
}
