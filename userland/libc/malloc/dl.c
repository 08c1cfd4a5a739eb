/* The dl policy's malloc and free: fast lists in front, then bins, then the top chunk, then
 * sbrk; big requests go to mmap. Layout and invariants are in dl.h. */
#include "dl.h"
#include <unistd.h>

/* The fast paths. malloc: a request of up to FAST_MAX - 4 bytes pops the fast list of its chunk
 * size, (n + 11) & ~7 (requests of 0-4 bytes map to the never-filled list of size 8 and take the
 * slow path). free: a chunk in use, not in a fast list, of size 16..120 (head & ~0x7d is just
 * CINUSE plus size bits below 128) and inside the heap is pushed on its list. */
void *__dl_malloc(size_t n) {
  if (n <= FAST_MAX - 4) {
    struct fast_list *list = fast_list_for((n + 11) & ~(size_t)7);
    struct chunk *p = list->head;
    if (p) {
      list->head = p->fd;
      p->head &= ~(size_t)FAST;
      return mem_of(p);
    }
  }
  return __dl_malloc_slow(n);
}

/* free's cold path: every check, then coalescing into the bins or the top. Kept out of
 * __dl_free so that the fast path needs no stack frame (its only call is a tail call). */
static void free_slow(void *mem) {
  if (mem) __dl_release(__dl_checked(mem, "free"));
}

void __dl_free(void *mem) {
  struct dl_state *d = &__dl;
  struct chunk *p = chunk_of(mem);
  size_t head;
  if ((char *)p >= d->base && p < d->top) {
    head = p->head;
    if ((head & ~(size_t)(0x78 | PINUSE)) == CINUSE && (head & 0x70) != 0) {
      struct fast_list *list = (struct fast_list *)((char *)d + (head & 0x78));
      p->head = head | FAST;
      p->fd = list->head;
      list->head = p;
      return;
    }
  }
  free_slow(mem);
}

/* The message for a pointer that is not a chunk of this heap, naming the call it was passed to. */
static const char *foreign(const char *op) {
  if (op[0] == 'r') return "realloc of a pointer malloc never returned";
  if (op[0] == 'm') return "malloc_usable_size of a pointer malloc never returned";
  return "free of a pointer malloc never returned";
}

struct chunk *__dl_checked(void *mem, const char *op) {
  struct chunk *p = chunk_of(mem);
  size_t size;
  if (((size_t)mem & 7) != 0) __malloc_fail(foreign(op), mem);
  if ((char *)p >= __dl.base && p < __dl.top) {
    size = chunk_size(p);
    if (size < MIN_CHUNK || (char *)p + size > (char *)__dl.top)
      __malloc_fail("corrupted chunk header", mem);
    if (p->head & FAST) __malloc_fail("double free (chunk already in a fast list)", mem);
    if (!(p->head & CINUSE)) __malloc_fail("double free (chunk already free)", mem);
    if (!(chunk_at(p, size)->head & PINUSE)) __malloc_fail("corrupted chunk header (next chunk)", mem);
    return p;
  }
  if (__malloc_counters.mmap_count && is_mmapped(p)) {
    size_t offset = p->prev_foot & ~(size_t)7;
    char *base = (char *)p - offset;
    if (offset >= 8 && offset <= 16 * MALLOC_PAGE && ((size_t)base & (MALLOC_PAGE - 1)) == 0 &&
        *(size_t *)base == (MMAP_MAGIC ^ (size_t)base))
      return p;
  }
  __malloc_fail(foreign(op), mem);
}

void __dl_free_mmapped(struct chunk *p) {
  size_t offset = p->prev_foot & ~(size_t)7;
  char *base = (char *)p - offset;
  *(size_t *)base = 0; /* a second free of this address no longer passes the check */
  __malloc_munmap(base, offset + chunk_size(p));
}

/* Serves nb (>= the mmap threshold) with its own mapping. */
static void *alloc_mmapped(size_t nb) {
  size_t len = MALLOC_ALIGN_UP(nb + 16, MALLOC_PAGE);
  char *base;
  struct chunk *p;
  if (len < nb) return __malloc_enomem();
  base = __malloc_mmap(len);
  if (!base) return __malloc_enomem();
  *(size_t *)base = MMAP_MAGIC ^ (size_t)base;
  p = (struct chunk *)(base + 8);
  p->prev_foot = 8 | 1;
  p->head = (len - 8) | CINUSE;
  return mem_of(p);
}

void *__dl_use(struct chunk *p, size_t cs, size_t nb) {
  size_t pbit = p->head & PINUSE;
  if (cs - nb >= MIN_CHUNK) {
    struct chunk *rest = chunk_at(p, nb);
    size_t rs = cs - nb;
    rest->head = rs | PINUSE;
    chunk_at(rest, rs)->prev_foot = rs;
    __dl_insert(rest, rs);
    p->head = nb | CINUSE | pbit;
  } else {
    p->head = cs | CINUSE | pbit;
    chunk_at(p, cs)->head |= PINUSE;
  }
  return mem_of(p);
}

void *__dl_alloc_from_top(size_t nb) {
  struct chunk *p = __dl.top;
  if (!p || __dl.top_size < nb + MIN_CHUNK) return 0;
  __dl.top = chunk_at(p, nb);
  __dl.top_size -= nb;
  __dl.top->head = __dl.top_size | PINUSE;
  p->head = nb | CINUSE | (p->head & PINUSE);
  return mem_of(p);
}

/* Makes the top chunk at least nb + MIN_CHUNK bytes. Returns 0, or -1 when sbrk refuses. */
int __dl_grow_top(size_t nb) {
  size_t need = nb + MIN_CHUNK + 8 - __dl.top_size;
  size_t incr = MALLOC_ALIGN_UP(need, MALLOC_PAGE);
  char *old;
  if (!__dl.top) incr = MALLOC_ALIGN_UP(nb + MIN_CHUNK + 16, MALLOC_PAGE);
  if (incr < GROW_MIN) incr = GROW_MIN;
  if (incr < need || incr > MAX_REQUEST) return -1;
  old = __malloc_sbrk((ptrdiff_t)incr);
  if (!old) return -1;
  if (__dl.top && old == (char *)__dl.top + __dl.top_size) {
    __dl.top_size += incr;
    __dl.top->head = __dl.top_size | (__dl.top->head & PINUSE);
    return 0;
  }
  {
    /* a fresh heap, or the break moved behind our back: start a new top past a gap chunk */
    char *start = (char *)MALLOC_ALIGN_UP((size_t)old, 8);
    if (__dl.top && start < (char *)__dl.top) __malloc_fail("the break moved below the heap", old);
    if (__dl.top) {
      struct chunk *gap = __dl.top;
      gap->head = (size_t)(start - (char *)gap) | CINUSE | (gap->head & PINUSE);
      gap->fd = (struct chunk *)GAP_MAGIC;
    } else {
      __dl.base = start;
    }
    __dl.top = (struct chunk *)start;
    __dl.top_size = (size_t)(old + incr - start);
    __dl.top->head = __dl.top_size | PINUSE;
    if (__dl.top_size < nb + MIN_CHUNK) return __dl_grow_top(nb);
  }
  return 0;
}

void __dl_consolidate(void) {
  unsigned i;
  for (i = MIN_CHUNK >> 3; i <= FAST_MAX >> 3; i++) {
    struct chunk *p = __dl.fast[i].head;
    __dl.fast[i].head = 0;
    while (p) {
      struct chunk *next = p->fd;
      p->head &= ~(size_t)FAST;
      __dl_release(p);
      p = next;
    }
  }
}

static int have_fast(void) {
  unsigned i;
  for (i = MIN_CHUNK >> 3; i <= FAST_MAX >> 3; i++)
    if (__dl.fast[i].head) return 1;
  return 0;
}

/* True when no chunk is binned, as while every free chunk sits in a fast list: a small request
 * that missed its fast list then skips the bin search (mallocbench small: 61.6 -> 58.2
 * instructions per malloc+free). */
#define bins_empty() \
  (!(__dl.binmap[0] | __dl.binmap[1] | __dl.binmap[2] | __dl.binmap[3] | __dl.binmap[4]))
_Static_assert(NBINS / 32 == 5, "bins_empty reads every word of the bin bitmap");

void *__dl_malloc_slow(size_t n) {
  size_t nb;
  struct chunk *p;
  void *m;
  if (n > MAX_REQUEST) return __malloc_enomem();
  nb = request_size(n);
  if (nb >= MALLOC_MMAP_THRESHOLD) {
    m = alloc_mmapped(nb);
    if (m) return m;
  }
  for (;;) {
    p = nb < SMALL_LIMIT && bins_empty() ? 0 : __dl_take_fit(nb);
    if (p) return __dl_use(p, chunk_size(p), nb);
    m = __dl_alloc_from_top(nb);
    if (m) return m;
    if (!have_fast()) break;
    __dl_consolidate();
  }
  if (__dl_grow_top(nb) < 0) return __malloc_enomem();
  return __dl_alloc_from_top(nb);
}

/* Gives the top's excess back to the kernel when it passes TRIM_THRESHOLD and the break is
 * still where the heap ends. */
static void trim_top(void) {
  size_t excess;
  if (__dl.top_size < TRIM_THRESHOLD + TOP_PAD) return;
  if ((char *)sbrk(0) != (char *)__dl.top + __dl.top_size) return;
  excess = (__dl.top_size - TOP_PAD) & ~(size_t)(MALLOC_PAGE - 1);
  if (__malloc_sbrk(-(ptrdiff_t)excess)) {
    __dl.top_size -= excess;
    __dl.top->head = __dl.top_size | (__dl.top->head & PINUSE);
  }
}

void __dl_release(struct chunk *p) {
  size_t size, nsize;
  struct chunk *next;
  if (is_mmapped(p)) {
    __dl_free_mmapped(p);
    return;
  }
  size = chunk_size(p);
  next = chunk_at(p, size);
  if (!(p->head & PINUSE)) {
    size_t psize = p->prev_foot;
    struct chunk *prev = chunk_at(p, -(ptrdiff_t)psize);
    if (psize < MIN_CHUNK || (psize & 7) || chunk_size(prev) != psize || (prev->head & CINUSE))
      __malloc_fail("corrupted chunk header (previous chunk)", mem_of(p));
    __dl_unlink(prev);
    p = prev;
    size += psize;
  }
  if (next == __dl.top) {
    __dl.top = p;
    __dl.top_size += size;
    p->head = __dl.top_size | PINUSE;
    trim_top();
    return;
  }
  if (!(next->head & CINUSE)) {
    nsize = chunk_size(next);
    __dl_unlink(next);
    size += nsize;
  } else {
    next->head &= ~(size_t)PINUSE;
  }
  p->head = size | PINUSE;
  chunk_at(p, size)->prev_foot = size;
  __dl_insert(p, size);
  if (size >= 64u * 1024u && have_fast()) __dl_consolidate();
}
