/* host_export: Pagoda's call 1004. */
#include <sys/pagoda.h>
#include "../arch/riscv32/syscall_arch.h"

long host_export(const char *path) {
  return __syscall_ret(__syscall1(SYS_host_export, (long)path));
}
