/* Heap walk of the sequential-fit heap: consistency check and mallinfo figures. */
#include "fit.h"

static size_t walk(struct fit_heap *h, struct mallinfo *mi) {
  struct fchunk *p = (struct fchunk *)h->base;
  struct chunk_tags t;
  size_t count = 0, listed = 0;
  int prev_in_use = 1;
  if (!p) return 0;
  t.min_size = F_MIN;
  while (p != h->top) {
    t.size = fsize(p);
    t.room = (size_t)((char *)h->top - (char *)p);
    t.in_use = (p->head & F_CINUSE) != 0;
    t.pinuse = (p->head & F_PINUSE) != 0;
    t.prev_in_use = prev_in_use;
    t.footer = t.size <= t.room ? fat(p, t.size)->prev_foot : 0;
    __malloc_check_tags(fmem(p), &t);
    if (!t.in_use) listed++;
    if (mi) __malloc_tally_chunk(mi, t.size, !t.in_use ? CHUNK_FREE : (p->head & F_QUICK) ? CHUNK_CACHED : CHUNK_USED);
    prev_in_use = t.in_use;
    p = fat(p, t.size);
    count++;
  }
  if (listed != h->free_count) __malloc_fail("heap check: free list and heap disagree", h->base);
  if (mi) __malloc_tally_top(mi, h->top_size);
  return count + 1;
}

void __fit_info(struct fit_heap *h, struct mallinfo *mi) {
  walk(h, mi);
}

size_t __fit_check(struct fit_heap *h) {
  return walk(h, 0);
}
