/* Heap walk of the dl policy: consistency check and mallinfo figures; the policy table. */
#include "dl.h"

/* Visits every chunk from the heap base to the top; fails on the first inconsistency. */
static size_t walk(struct mallinfo *mi) {
  struct chunk *p = (struct chunk *)__dl.base;
  size_t count = 0;
  int prev_in_use = 1;
  if (!p) return 0;
  while (p != __dl.top) {
    size_t size = chunk_size(p);
    int in_use = (p->head & CINUSE) != 0;
    if (size < MIN_CHUNK || (char *)p + size > (char *)__dl.top)
      __malloc_fail("heap check: corrupted chunk size", mem_of(p));
    if (((p->head & PINUSE) != 0) != prev_in_use)
      __malloc_fail("heap check: wrong previous-in-use bit", mem_of(p));
    if (!in_use && !prev_in_use) __malloc_fail("heap check: two adjacent free chunks", mem_of(p));
    if (!in_use && chunk_at(p, size)->prev_foot != size)
      __malloc_fail("heap check: footer differs from header", mem_of(p));
    if (mi) {
      if (in_use && p->fd == (struct chunk *)GAP_MAGIC) {
        /* a hole between heap segments: neither used nor free */
      } else if (p->head & FAST) {
        mi->smblks++;
        mi->fsmblks += size;
      } else if (in_use) {
        mi->uordblks += size;
      } else {
        mi->ordblks++;
        mi->fordblks += size;
        if (size > mi->largest) mi->largest = size;
      }
    }
    prev_in_use = in_use;
    p = chunk_at(p, size);
    count++;
  }
  if (((p->head & PINUSE) != 0) != prev_in_use) __malloc_fail("heap check: top chunk's previous-in-use bit", mem_of(p));
  return count + 1;
}

static size_t dl_check(void) {
  return walk(0);
}

static void dl_info(struct mallinfo *mi) {
  walk(mi);
  mi->keepcost = __dl.top_size;
  mi->fordblks += __dl.top_size;
  mi->ordblks += __dl.top ? 1 : 0;
  if (__dl.top_size > mi->largest) mi->largest = __dl.top_size;
  mi->uordblks += __malloc_counters.mmap_bytes;
}

const struct malloc_policy __malloc_dl = {
  "dl", __dl_malloc, __dl_free, __dl_realloc, __dl_memalign, __dl_usable, dl_info, dl_check,
};
