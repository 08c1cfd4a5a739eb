/* MALLOC_DEBUG's reports: one line naming the bug, then the block's allocation and free call sites and
 * the call that found it, each symbolized by the kernel from the program's ELF symbol table
 * (Pagoda's symbolize system call, 1003), e.g.
 *
 *   MALLOC_DEBUG: double free of the 24-byte block at 0x00023050
 *     allocated by main+0x2c
 *     freed by main+0x48
 *     found by free() called from main+0x58
 *
 * Written with write(2) from stack buffers: reporting never allocates. */
#include "debug.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../arch/riscv32/syscall_arch.h"

void __debug_symbol(void *a, char *buf, size_t len) {
  if (!a || __syscall3(SYS_symbolize, (long)a, (long)buf, (long)len) < 0) snprintf(buf, len, "%p", a);
}

static void say(const char *text) {
  write(2, text, strlen(text));
}

/* "  <label> <symbol>\n" */
static void say_site(const char *label, void *site) {
  char line[192], sym[128];
  __debug_symbol(site, sym, sizeof sym);
  snprintf(line, sizeof line, "  %s %s\n", label, sym);
  say(line);
}

void __debug_fail(const char *what, const struct debug_block *b, const char *call, void *site) {
  char line[256];
  snprintf(line, sizeof line, "MALLOC_DEBUG: %s\n", what);
  say(line);
  if (b) {
    say_site("allocated by", b->alloc_site);
    if (b->state == DEBUG_FREED) say_site("freed by", b->free_site);
  }
  if (site) {
    snprintf(line, sizeof line, "found by %s() called from", call);
    say_site(line, site);
  } else {
    snprintf(line, sizeof line, "  found by the check at %s\n", call);
    say(line);
  }
  abort();
}

struct leak_tally {
  size_t blocks, bytes;
};

static int list_leak(struct debug_block *b, void *arg) {
  struct leak_tally *t = arg;
  char line[256], sym[128];
  if (b->state != DEBUG_LIVE) return 0;
  t->blocks++;
  t->bytes += b->size;
  if (t->blocks > 100) return 0; /* counted, not listed */
  __debug_symbol(b->alloc_site, sym, sizeof sym);
  snprintf(line, sizeof line, "MALLOC_DEBUG: leak: %zu bytes at %p allocated by %s\n", b->size,
           (void *)DEBUG_USER(b), sym);
  say(line);
  return 0;
}

void __debug_report_leaks(void) {
  struct leak_tally t = { 0, 0 };
  char line[160];
  __debug_each(list_leak, &t);
  if (!t.blocks) return;
  if (t.blocks > 100) {
    snprintf(line, sizeof line, "MALLOC_DEBUG: ... %zu more\n", t.blocks - 100);
    say(line);
  }
  snprintf(line, sizeof line, "MALLOC_DEBUG: %zu block%s leaked (%zu bytes)\n", t.blocks, t.blocks == 1 ? "" : "s",
           t.bytes);
  say(line);
}
