/* mmap (mmap2: offset in 4 KiB units), munmap, mprotect. */
#include <sys/mman.h>
#include <errno.h>
#include "../arch/riscv32/syscall_arch.h"

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset) {
  long r;
  if (offset & 4095) {
    errno = EINVAL;
    return MAP_FAILED;
  }
  r = __syscall6(SYS_mmap2, (long)addr, (long)length, prot, flags, fd, (long)(offset >> 12));
  if ((unsigned long)r > (unsigned long)-4096L) {
    errno = (int)-r;
    return MAP_FAILED;
  }
  return (void *)r;
}

int munmap(void *addr, size_t length) {
  return (int)__syscall_ret(__syscall2(SYS_munmap, (long)addr, (long)length));
}

int mprotect(void *addr, size_t length, int prot) {
  return (int)__syscall_ret(__syscall3(SYS_mprotect, (long)addr, (long)length, prot));
}
