/* chdir, getcwd, mkdir, unlink, rmdir (the *at calls relative to the working directory). */
#include <unistd.h>
#include <sys/stat.h>
#include "../arch/riscv32/syscall_arch.h"

int chdir(const char *path) {
  return (int)__syscall_ret(__syscall1(SYS_chdir, (long)path));
}

char *getcwd(char *buf, size_t size) {
  if (__syscall_ret(__syscall2(SYS_getcwd, (long)buf, (long)size)) < 0) return 0;
  return buf;
}

int mkdir(const char *path, mode_t mode) {
  return (int)__syscall_ret(__syscall3(SYS_mkdirat, AT_FDCWD, (long)path, (long)mode));
}

int unlink(const char *path) {
  return (int)__syscall_ret(__syscall3(SYS_unlinkat, AT_FDCWD, (long)path, 0));
}

int rmdir(const char *path) {
  return (int)__syscall_ret(__syscall3(SYS_unlinkat, AT_FDCWD, (long)path, AT_REMOVEDIR));
}
