/* read, readv. */
#include <unistd.h>
#include <sys/uio.h>
#include "../arch/riscv32/syscall_arch.h"

ssize_t read(int fd, void *buf, size_t count) {
  return __syscall_ret(__syscall3(SYS_read, fd, (long)buf, (long)count));
}

ssize_t readv(int fd, const struct iovec *iov, int n) {
  return __syscall_ret(__syscall3(SYS_readv, fd, (long)iov, n));
}
