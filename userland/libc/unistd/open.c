/* open, openat, creat (the mode argument is read only when O_CREAT is given), fcntl. */
#include <fcntl.h>
#include <stdarg.h>
#include "../arch/riscv32/syscall_arch.h"

int openat(int dirfd, const char *path, int flags, ...) {
  mode_t mode = 0;
  if (flags & O_CREAT) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, mode_t);
    va_end(ap);
  }
  return (int)__syscall_ret(__syscall4(SYS_openat, dirfd, (long)path, flags | O_LARGEFILE, (long)mode));
}

int open(const char *path, int flags, ...) {
  mode_t mode = 0;
  if (flags & O_CREAT) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, mode_t);
    va_end(ap);
  }
  return openat(AT_FDCWD, path, flags, mode);
}

int creat(const char *path, mode_t mode) {
  return openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

int fcntl(int fd, int cmd, ...) {
  va_list ap;
  long arg;
  va_start(ap, cmd);
  arg = va_arg(ap, long);
  va_end(ap);
  return (int)__syscall_ret(__syscall3(SYS_fcntl64, fd, cmd, arg));
}
