/* Heap walk of the dl policy: consistency check and mallinfo figures; the policy table. */
#include "dl.h"
#include "heap_desc.h"

/* Visits every chunk from the heap base to the top; fails on the first inconsistency. */
static size_t walk(struct mallinfo *mi) {
  struct chunk *p = (struct chunk *)__dl.base;
  struct chunk_tags t;
  size_t count = 0;
  int prev_in_use = 1;
  if (!p) return 0;
  t.min_size = MIN_CHUNK;
  while (p != __dl.top) {
    t.size = chunk_size(p);
    t.room = (size_t)((char *)__dl.top - (char *)p);
    t.in_use = (p->head & CINUSE) != 0;
    t.pinuse = (p->head & PINUSE) != 0;
    t.prev_in_use = prev_in_use;
    t.footer = t.size <= t.room ? chunk_at(p, t.size)->prev_foot : 0;
    __malloc_check_tags(mem_of(p), &t);
    if (mi) {
      enum chunk_state state = !t.in_use ? CHUNK_FREE : (p->head & FAST) ? CHUNK_CACHED : CHUNK_USED;
      if (t.in_use && p->fd == (struct chunk *)GAP_MAGIC) state = CHUNK_GAP; /* between heap segments */
      __malloc_tally_chunk(mi, t.size, state);
    }
    prev_in_use = t.in_use;
    p = chunk_at(p, t.size);
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
  if (__dl.top) __malloc_tally_top(mi, __dl.top_size);
  else mi->uordblks += __malloc_counters.mmap_bytes;
}

static const struct malloc_heap_desc dl_heap = {
  HEAP_DESC_MAGIC, HEAP_DESC_VERSION, HEAP_POLICY_DL, &__dl.base, &__dl.top, &__dl.top_size,
  &__dl.bins[0], NBINS, sizeof(struct chunk), &__dl.fast[0], FAST_MAX / 8 + 1, sizeof(struct fast_list),
  0, 0, &__malloc_counters,
};

const struct malloc_policy __malloc_dl = {
  "dl", __dl_malloc, __dl_free, __dl_realloc, __dl_memalign, __dl_usable, dl_info, dl_check, &dl_heap,
};
