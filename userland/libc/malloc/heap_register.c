/* The heap_register system call (Pagoda's 1001): see heap_desc.h. */
#include "heap_desc.h"
#include "../arch/riscv32/syscall_arch.h"

void __malloc_register_heap(const struct malloc_policy *p) {
  const struct malloc_heap_desc *d = p->heap;
  __syscall2(SYS_heap_register, d ? (long)d->policy : 0, (long)d);
}
