/* The counted memory source of every malloc policy, and the failure reporter. */
#include "malloc_impl.h"
#include "layer.h"
#include <unistd.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>

struct malloc_counters __malloc_counters;
/* Set while MALLOC_TRACE writes a trace (trace.c): told of every call below. */
void (*__malloc_trace_syscall)(const char *op, size_t arg, const void *addr, const void *result);

static void note_peak(void) {
  size_t total = __malloc_counters.heap_bytes + __malloc_counters.mmap_bytes;
  if (total > __malloc_counters.peak) __malloc_counters.peak = total;
}

void *__malloc_sbrk(ptrdiff_t incr) {
  void *old;
  __malloc_counters.syscalls++;
  old = sbrk(incr);
  if (__malloc_trace_syscall) __malloc_trace_syscall("sbrk", (size_t)incr, 0, old == (void *)-1 ? 0 : old);
  if (old == (void *)-1) return 0;
  __malloc_counters.heap_bytes += (size_t)incr; /* wraps down for negative incr */
  note_peak();
  return old;
}

void *__malloc_mmap(size_t len) {
  void *p;
  __malloc_counters.syscalls++;
  p = mmap(0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (__malloc_trace_syscall) __malloc_trace_syscall("mmap", len, 0, p == MAP_FAILED ? 0 : p);
  if (p == MAP_FAILED) return 0;
  __malloc_counters.mmap_bytes += len;
  __malloc_counters.mmap_count++;
  note_peak();
  return p;
}

void __malloc_munmap(void *p, size_t len) {
  __malloc_counters.syscalls++;
  munmap(p, len);
  if (__malloc_trace_syscall) __malloc_trace_syscall("munmap", len, p, 0);
  __malloc_counters.mmap_bytes -= len;
  __malloc_counters.mmap_count--;
}

void *__malloc_enomem(void) {
  errno = ENOMEM;
  return 0;
}

void __malloc_fail(const char *what, const void *addr) {
  char line[160];
  int n = snprintf(line, sizeof line, "malloc(%s): %s at %p\n", malloc_policy(), what, addr);
  if (n > (int)sizeof line - 1) n = (int)sizeof line - 1;
  write(2, line, (size_t)n);
  abort();
}

size_t malloc_footprint(void) {
  return __malloc_counters.heap_bytes + __malloc_counters.mmap_bytes;
}

size_t malloc_max_footprint(void) {
  return __malloc_counters.peak;
}

void malloc_reset_max_footprint(void) {
  __malloc_counters.peak = malloc_footprint();
}

size_t malloc_syscalls(void) {
  return __malloc_counters.syscalls;
}
