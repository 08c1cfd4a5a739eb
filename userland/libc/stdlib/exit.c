/* atexit, exit, _Exit, _exit: atexit handlers run newest first, then the destructors of .fini_array (last
 * entry first, as musl's __libc_exit_fini does: __attribute__((destructor)) functions, C++ static objects),
 * then stdio is flushed. */
#include <stdlib.h>
#include <unistd.h>
#include "../arch/riscv32/syscall_arch.h"

#define ATEXIT_MAX 32

static void (*handlers[ATEXIT_MAX])(void);
static int handler_count;

/* Set by stdio when a stream is used, so programs without stdio do not link it. */
void (*__stdio_exit_hook)(void);

/* The linker's bounds of .fini_array (ours always defines them; GNU ld provides them when referenced). */
typedef void (*fini_fn)(void);
extern fini_fn __fini_array_start[];
extern fini_fn __fini_array_end[];

int atexit(void (*fn)(void)) {
  if (handler_count == ATEXIT_MAX) return -1;
  handlers[handler_count++] = fn;
  return 0;
}

void _exit(int status) {
  for (;;) __syscall1(SYS_exit_group, status);
}

void _Exit(int status) {
  _exit(status);
}

void exit(int status) {
  fini_fn *f;
  while (handler_count > 0) handlers[--handler_count]();
  for (f = __fini_array_end; f > __fini_array_start;) (*--f)();
  if (__stdio_exit_hook) __stdio_exit_hook();
  _exit(status);
}
