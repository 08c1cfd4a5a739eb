/* What the boundary-tag policies' heap walks (dl_info.c, fit_info.c) share: the tag checks and the
 * mallinfo tally of one chunk, and the tally of the top chunk. */
#include "malloc_impl.h"

void __malloc_check_tags(const void *mem, const struct chunk_tags *t) {
  if (t->size < t->min_size || t->size > t->room) __malloc_fail("heap check: corrupted chunk size", mem);
  if (t->pinuse != t->prev_in_use) __malloc_fail("heap check: wrong previous-in-use bit", mem);
  if (!t->in_use && !t->prev_in_use) __malloc_fail("heap check: two adjacent free chunks", mem);
  if (!t->in_use && t->footer != t->size) __malloc_fail("heap check: footer differs from header", mem);
}

void __malloc_tally_chunk(struct mallinfo *mi, size_t size, enum chunk_state state) {
  if (state == CHUNK_CACHED) {
    mi->smblks++;
    mi->fsmblks += size;
  } else if (state == CHUNK_USED) {
    mi->uordblks += size;
  } else if (state == CHUNK_FREE) {
    mi->ordblks++;
    mi->fordblks += size;
    if (size > mi->largest) mi->largest = size;
  }
}

void __malloc_tally_top(struct mallinfo *mi, size_t top_size) {
  mi->keepcost = top_size;
  mi->fordblks += top_size;
  mi->ordblks++;
  if (top_size > mi->largest) mi->largest = top_size;
  mi->uordblks += __malloc_counters.mmap_bytes;
}
