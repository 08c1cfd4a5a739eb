/* brk, sbrk on the brk system call (Linux and Pagoda), and Pagoda's raw sbrk call (1000).
 * Raw brk returns the new break, or the unchanged current one when it refuses. */
#include <unistd.h>
#include <errno.h>
#include "../arch/riscv32/syscall_arch.h"

static char *current_break;

int brk(void *addr) {
  char *r = (char *)__syscall1(SYS_brk, (long)addr);
  current_break = r;
  if (r != (char *)addr) {
    errno = ENOMEM;
    return -1;
  }
  return 0;
}

void *sbrk(ptrdiff_t incr) {
  char *old;
  char *want;
  if (!current_break) current_break = (char *)__syscall1(SYS_brk, 0);
  old = current_break;
  if (incr == 0) return old;
  want = old + incr;
  if ((incr > 0 && want < old) || (incr < 0 && want > old)) {
    errno = ENOMEM;
    return (void *)-1;
  }
  if (brk(want) < 0) return (void *)-1;
  return old;
}

void *__sbrk_syscall(ptrdiff_t incr) {
  long r = __syscall1(SYS_sbrk, incr);
  current_break = 0; /* the break moved behind sbrk()'s back: ask again next time */
  if ((unsigned long)r > (unsigned long)-4096L) {
    errno = (int)-r;
    return (void *)-1;
  }
  return (void *)r;
}
