/* MALLOC_DEBUG=1: a layer over whichever policy is selected that catches the program's heap bugs.
 * Every block gets red zones of canary bytes on both sides; every call checks the block it is given
 * (and the red zones of a few other live blocks, round-robin); a freed block is poisoned and kept in
 * a bounded quarantine, and checked again when it leaves it. Found bugs are reported with the sites
 * of the block's allocation and free and of the call that found them (debug_report.c), then the
 * process aborts (SIGABRT). At exit every block is checked and the live ones are listed as leaks. */
#include "debug.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

const struct malloc_layer *__debug_next;

/* Blocks whose red zones each call checks besides its own. */
#define SWEEP_PER_CALL 4u

static struct debug_block *new_block(void *inner, unsigned char *user, size_t n, void *site) {
  struct debug_block *b = DEBUG_BLOCK_OF(user);
  b->inner = inner;
  b->size = n;
  b->alloc_site = site;
  b->free_site = 0;
  b->state = DEBUG_LIVE;
  b->check = DEBUG_LIVE ^ n ^ (size_t)b;
  memset(b->front, DEBUG_CANARY, DEBUG_REDZONE);
  memset(user, DEBUG_FRESH, n);
  memset(user + n, DEBUG_CANARY, DEBUG_TAIL(n));
  __debug_register(b);
  return b;
}

/* A block of n bytes aligned to align (a power of two, 8 or more), or NULL with errno ENOMEM. */
static void *debug_alloc(size_t align, size_t n, const char *call, void *site) {
  size_t extra = sizeof(struct debug_block) + (align - 8) + DEBUG_TAIL(n) + 8;
  unsigned char *inner, *user;
  __debug_sweep(SWEEP_PER_CALL, call, site);
  if (n > (size_t)-1 / 2 - extra) return __malloc_enomem();
  inner = __debug_next->malloc(n + extra, site);
  if (!inner) return 0;
  user = (unsigned char *)MALLOC_ALIGN_UP((size_t)inner + sizeof(struct debug_block), align);
  new_block(inner, user, n, site);
  return user;
}

/* The block of a pointer the program passes back, or a report naming what is wrong with it. */
static struct debug_block *block_of(void *p, const char *call, void *site) {
  struct debug_block *b = __debug_lookup(p);
  char msg[200];
  if (!b) {
    struct debug_block *in = __debug_containing(p);
    if (in)
      snprintf(msg, sizeof msg, "%s of a pointer malloc never returned: %p is %d bytes into the %zu-byte block at %p",
               call, p, (int)((unsigned char *)p - DEBUG_USER(in)), in->size, (void *)DEBUG_USER(in));
    else
      snprintf(msg, sizeof msg, "%s of a pointer malloc never returned: %p", call, p);
    __debug_fail(msg, in, call, site);
  }
  if (b->state == DEBUG_FREED) {
    if (strcmp(call, "free") == 0) snprintf(msg, sizeof msg, "double free of the %zu-byte block at %p", b->size, p);
    else snprintf(msg, sizeof msg, "%s of the freed %zu-byte block at %p", call, b->size, p);
    __debug_fail(msg, b, call, site);
  }
  __debug_check_zones(b, call, site);
  return b;
}

static void release(struct debug_block *b, void *site) {
  b->state = DEBUG_FREED;
  b->free_site = site;
  memset(DEBUG_USER(b), DEBUG_POISON, b->size);
  __debug_quarantine(b, "free", site);
}

static void *d_malloc(size_t n, void *site) {
  return debug_alloc(8, n, "malloc", site);
}

static void d_free(void *p, void *site) {
  __debug_sweep(SWEEP_PER_CALL, "free", site);
  if (p) release(block_of(p, "free", site), site);
}

/* Always moves the block (and quarantines the old one), so a stale pointer to it is caught. */
static void *d_realloc(void *p, size_t n, void *site) {
  struct debug_block *b;
  void *q;
  if (!p) return debug_alloc(8, n, "realloc", site);
  b = block_of(p, "realloc", site);
  q = debug_alloc(8, n, "realloc", site);
  if (!q) return 0;
  memcpy(q, p, n < b->size ? n : b->size);
  release(b, site);
  return q;
}

static void *d_calloc(size_t count, size_t size, void *site) {
  size_t total = count * size;
  void *p;
  if (size && total / size != count) return __malloc_enomem();
  p = debug_alloc(8, total, "calloc", site);
  if (p) memset(p, 0, total);
  return p;
}

static void *d_memalign(size_t align, size_t n, void *site) {
  if (align > (size_t)-1 / 4) return __malloc_enomem();
  return debug_alloc(align < 8 ? 8 : align, n, "memalign", site);
}

static size_t d_usable(void *p) {
  return block_of(p, "malloc_usable_size", 0)->size;
}

static int check_one(struct debug_block *b, void *arg) {
  (void)arg;
  if (b->state == DEBUG_LIVE) __debug_check_zones(b, "exit", 0);
  return 0;
}

/* At exit: every live block's red zones, every quarantined block's poison, then the leaks. */
static void at_exit(void) {
  __debug_each(check_one, 0);
  __debug_drain("exit", 0);
  __debug_report_leaks();
}

static const struct malloc_layer debug_layer = {
  d_malloc, d_free, d_realloc, d_calloc, d_memalign, d_usable,
};

const struct malloc_layer *__malloc_debug_layer(const struct malloc_layer *next) {
  const char *v = getenv("MALLOC_DEBUG");
  if (!v || !*v || strcmp(v, "0") == 0) return 0;
  __debug_next = next;
  atexit(at_exit);
  return &debug_layer;
}
