/* MALLOC_TRACE=FILE: a layer that writes every allocation call the program makes, and every system
 * call the allocator makes for it (core.c), to FILE as JSON lines (the format is in README.md):
 *
 *   {"op":"start","pid":7,"policy":"dl"}
 *   {"op":"malloc","size":24,"ptr":"0x00023050","site":"0x000101a4"}
 *   {"op":"sbrk","incr":4096,"ret":"0x00023000"}
 *   {"op":"realloc","old":"0x00023050","size":48,"ptr":"0x00023070","site":"0x000101c0"}
 *   {"op":"free","ptr":"0x00023070","site":"0x000101d0"}
 *
 * The trace belongs to the process that opened it: MALLOC_TRACE is taken out of its environment, so
 * programs it execs are not traced into the same file, and a forked child stops tracing (its copy of
 * the buffer is dropped) at its first flush. Lines are buffered and written whole, at exit too; a
 * process killed by a signal loses what was still buffered. */
#include "layer.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static const struct malloc_layer *next;
static int fd = -1;
static int owner;
static char buf[8192];
static size_t fill;

static void flush(void) {
  if (fill && getpid() == owner) write(fd, buf, fill);
  if (getpid() != owner) fd = -1; /* a forked child: the trace is the parent's */
  fill = 0;
}

static void emit(const char *line, int n) {
  if (fd < 0 || n <= 0) return;
  if (n > (int)sizeof buf) n = (int)sizeof buf;
  if (fill + (size_t)n > sizeof buf) flush();
  if (fd < 0) return;
  memcpy(buf + fill, line, (size_t)n);
  fill += (size_t)n;
}

/* An address as the trace writes it: "0x" and 8 hex digits. */
#define A(p) ((unsigned long)(size_t)(p))

#define EMIT(...)                                  \
  do {                                             \
    char line_[200];                               \
    emit(line_, snprintf(line_, sizeof line_, __VA_ARGS__)); \
  } while (0)

static void *t_malloc(size_t n, void *site) {
  void *p = next->malloc(n, site);
  EMIT("{\"op\":\"malloc\",\"size\":%zu,\"ptr\":\"0x%08lx\",\"site\":\"0x%08lx\"}\n", n, A(p), A(site));
  return p;
}

static void t_free(void *p, void *site) {
  EMIT("{\"op\":\"free\",\"ptr\":\"0x%08lx\",\"site\":\"0x%08lx\"}\n", A(p), A(site));
  next->free(p, site);
}

static void *t_realloc(void *p, size_t n, void *site) {
  void *q = next->realloc(p, n, site);
  EMIT("{\"op\":\"realloc\",\"old\":\"0x%08lx\",\"size\":%zu,\"ptr\":\"0x%08lx\",\"site\":\"0x%08lx\"}\n", A(p), n, A(q), A(site));
  return q;
}

static void *t_calloc(size_t count, size_t size, void *site) {
  void *p = next->calloc(count, size, site);
  EMIT("{\"op\":\"calloc\",\"count\":%zu,\"size\":%zu,\"ptr\":\"0x%08lx\",\"site\":\"0x%08lx\"}\n", count, size, A(p), A(site));
  return p;
}

static void *t_memalign(size_t align, size_t n, void *site) {
  void *p = next->memalign(align, n, site);
  EMIT("{\"op\":\"memalign\",\"align\":%zu,\"size\":%zu,\"ptr\":\"0x%08lx\",\"site\":\"0x%08lx\"}\n", align, n, A(p), A(site));
  return p;
}

static size_t t_usable(void *p) { return next->usable_size(p); }

static void syscall_line(const char *op, size_t arg, const void *addr, const void *result) {
  if (strcmp(op, "sbrk") == 0)
    EMIT("{\"op\":\"sbrk\",\"incr\":%ld,\"ret\":\"0x%08lx\"}\n", (long)arg, A(result));
  else if (strcmp(op, "mmap") == 0)
    EMIT("{\"op\":\"mmap\",\"len\":%zu,\"ret\":\"0x%08lx\"}\n", arg, A(result));
  else
    EMIT("{\"op\":\"%s\",\"addr\":\"0x%08lx\",\"len\":%zu}\n", op, A(addr), arg);
}

static const struct malloc_layer trace_layer = {
  t_malloc, t_free, t_realloc, t_calloc, t_memalign, t_usable,
};

/* Removes NAME=... from environ in place (unsetenv would allocate, from inside malloc). */
static void forget(const char *name) {
  size_t len = strlen(name), i, j;
  if (!environ) return;
  for (i = j = 0; environ[i]; i++)
    if (!(strncmp(environ[i], name, len) == 0 && environ[i][len] == '=')) environ[j++] = environ[i];
  environ[j] = 0;
}

const struct malloc_layer *__malloc_trace_layer(const struct malloc_layer *below) {
  const char *path = getenv("MALLOC_TRACE");
  if (!path || !*path) return 0;
  fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  forget("MALLOC_TRACE");
  if (fd < 0) {
    static const char warning[] = "malloc: cannot open MALLOC_TRACE file, not tracing\n";
    write(2, warning, sizeof warning - 1);
    return 0;
  }
  next = below;
  owner = getpid();
  EMIT("{\"op\":\"start\",\"pid\":%d,\"policy\":\"%s\"}\n", owner, malloc_policy());
  __malloc_trace_syscall = syscall_line;
  atexit(flush);
  return &trace_layer;
}
