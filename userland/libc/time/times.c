/* times: CPU time in clock ticks (the kernel's sys/times.ts). */
#include <sys/times.h>
#include "../arch/riscv32/syscall_arch.h"

clock_t times(struct tms *buf) {
  return (clock_t)__syscall_ret(__syscall1(SYS_times, (long)buf));
}
