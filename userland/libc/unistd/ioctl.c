/* ioctl (one pointer-or-integer argument), isatty (TCGETS succeeds only on a terminal). */
#include <unistd.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include "../arch/riscv32/syscall_arch.h"

int ioctl(int fd, unsigned long request, ...) {
  va_list ap;
  long arg;
  va_start(ap, request);
  arg = va_arg(ap, long);
  va_end(ap);
  return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, (long)request, arg));
}

int isatty(int fd) {
  unsigned char termios[64];
  return __syscall_ret(__syscall3(SYS_ioctl, fd, TCGETS, (long)termios)) == 0;
}
