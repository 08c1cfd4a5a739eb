/* The standard streams, the list of open streams and the flush at exit. */
#include "stdio_impl.h"
#include <unistd.h>

extern void (*__stdio_exit_hook)(void);

static unsigned char stdin_buf[BUFSIZ];
static unsigned char stdout_buf[BUFSIZ];

static FILE stdin_file = { 0, __F_READ, stdin_buf, BUFSIZ, 0, 0, 0, -1, 0 };
static FILE stdout_file = { 1, __F_WRITE | __F_UNDECIDED, stdout_buf, BUFSIZ, 0, 0, 0, -1, 0 };
static FILE stderr_file = { 2, __F_WRITE | __F_NBF, 0, 0, 0, 0, 0, -1, 0 };

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;

static FILE *open_streams;
static int standard_linked;

void __stdio_link(FILE *f) {
  f->next = open_streams;
  open_streams = f;
  __stdio_exit_hook = __stdio_flush_all;
}

void __stdio_unlink(FILE *f) {
  FILE **p;
  for (p = &open_streams; *p; p = &(*p)->next)
    if (*p == f) {
      *p = f->next;
      return;
    }
}

void __stdio_prepare(FILE *f) {
  if (!standard_linked) {
    standard_linked = 1;
    __stdio_link(&stderr_file);
    __stdio_link(&stdin_file);
    __stdio_link(&stdout_file);
  }
  if (f->flags & __F_UNDECIDED) {
    f->flags &= ~__F_UNDECIDED;
    if (isatty(f->fd)) f->flags |= __F_LBF;
  }
}

void __stdio_flush_all(void) {
  FILE *f;
  for (f = open_streams; f; f = f->next)
    if (f->flags & __F_WRITE) fflush(f);
}
