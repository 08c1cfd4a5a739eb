/* write, writev. */
#include <unistd.h>
#include <sys/uio.h>
#include "../arch/riscv32/syscall_arch.h"

ssize_t write(int fd, const void *buf, size_t count) {
  return __syscall_ret(__syscall3(SYS_write, fd, (long)buf, (long)count));
}

ssize_t writev(int fd, const struct iovec *iov, int n) {
  return __syscall_ret(__syscall3(SYS_writev, fd, (long)iov, n));
}
