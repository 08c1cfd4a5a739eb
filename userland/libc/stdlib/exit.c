/* atexit, exit, _Exit, _exit: handlers run newest first, then stdio is flushed. */
#include <stdlib.h>
#include <unistd.h>
#include "../arch/riscv32/syscall_arch.h"

#define ATEXIT_MAX 32

static void (*handlers[ATEXIT_MAX])(void);
static int handler_count;

/* Set by stdio when a stream is used, so programs without stdio do not link it. */
void (*__stdio_exit_hook)(void);

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
  while (handler_count > 0) handlers[--handler_count]();
  if (__stdio_exit_hook) __stdio_exit_hook();
  _exit(status);
}
