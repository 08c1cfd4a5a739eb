/* Heap walk of the sequential-fit heap: consistency check and mallinfo figures. */
#include "fit.h"

static size_t walk(struct fit_heap *h, struct mallinfo *mi) {
  struct fchunk *p = (struct fchunk *)h->base;
  size_t count = 0, listed = 0;
  int prev_in_use = 1;
  if (!p) return 0;
  while (p != h->top) {
    size_t size = fsize(p);
    int in_use = (p->head & F_CINUSE) != 0;
    if (size < F_MIN || (char *)p + size > (char *)h->top) __malloc_fail("heap check: corrupted chunk size", fmem(p));
    if (((p->head & F_PINUSE) != 0) != prev_in_use) __malloc_fail("heap check: wrong previous-in-use bit", fmem(p));
    if (!in_use && !prev_in_use) __malloc_fail("heap check: two adjacent free chunks", fmem(p));
    if (!in_use && fat(p, size)->prev_foot != size) __malloc_fail("heap check: footer differs from header", fmem(p));
    if (!in_use) listed++;
    if (mi) {
      if (p->head & F_QUICK) {
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
    p = fat(p, size);
    count++;
  }
  if (listed != h->free_count) __malloc_fail("heap check: free list and heap disagree", h->base);
  if (mi) {
    mi->keepcost = h->top_size;
    mi->fordblks += h->top_size;
    mi->ordblks++;
    if (h->top_size > mi->largest) mi->largest = h->top_size;
    mi->uordblks += __malloc_counters.mmap_bytes;
  }
  return count + 1;
}

void __fit_info(struct fit_heap *h, struct mallinfo *mi) {
  walk(h, mi);
}

size_t __fit_check(struct fit_heap *h) {
  return walk(h, 0);
}
