/* realloc, memalign and malloc_usable_size of the dl policy. */
#include "dl.h"
#include <string.h>

size_t __dl_usable(void *mem) {
  struct chunk *p = __dl_checked(mem, "malloc_usable_size");
  return is_mmapped(p) ? chunk_size(p) - 8 : chunk_size(p) - 4;
}

/* Cuts in-use chunk p (size cs) down to nb, returning the tail to the heap. */
static void shrink_to(struct chunk *p, size_t cs, size_t nb) {
  struct chunk *rest;
  if (cs - nb < MIN_CHUNK) return;
  rest = chunk_at(p, nb);
  p->head = nb | CINUSE | (p->head & PINUSE);
  rest->head = (cs - nb) | CINUSE | PINUSE;
  __dl_release(rest);
}

/* Moves in-use chunk p into free chunk fit (unlinked), copying `keep` payload bytes, and frees p
 * whole. Returns the new payload. */
static void *move_into(struct chunk *fit, struct chunk *p, size_t nb, size_t keep) {
  void *fresh = __dl_use(fit, chunk_size(fit), nb);
  memcpy(fresh, mem_of(p), keep);
  __dl_release(p);
  return fresh;
}

/* Where a shrinking block p goes when no hole below it fits: shrinking to 3/4 of its chunk or
 * less, into the best-fitting binned free chunk. Cutting it down in place would leave the small
 * block wedged inside what is now mostly free space, splitting that space into two holes; moved,
 * the old chunk coalesces with its free neighbours into one large hole that a later large request
 * can use (on mallocbench's realloc workload, peak heap / peak live 1.56 -> 1.31). Never from the
 * top chunk: that would only push used memory towards the break. NULL when no binned chunk fits. */
static void *shrink_by_moving(struct chunk *p, size_t nb) {
  struct chunk *fit = __dl_take_fit(nb);
  return fit ? move_into(fit, p, nb, nb - 4) : 0;
}

/* Grows in-use chunk p (size cs, followed by chunk next) to nb by sliding its data down over
 * the free chunk before it, taking a free chunk after it too. Only for when no binned chunk fits
 * nb: the alternative is growing the heap while the old block still holds its place. Returns the
 * new payload, or NULL when the neighbours together are too small. */
static void *grow_over_previous(struct chunk *p, size_t cs, struct chunk *next, size_t nb) {
  size_t psize, nsize, total;
  struct chunk *prev;
  if (p->head & PINUSE) return 0;
  psize = p->prev_foot;
  prev = chunk_at(p, -(ptrdiff_t)psize);
  nsize = next != __dl.top && !(next->head & CINUSE) ? chunk_size(next) : 0;
  total = psize + cs + nsize;
  if (total < nb) return 0;
  if (psize < MIN_CHUNK || (psize & 7) || chunk_size(prev) != psize || (prev->head & CINUSE))
    __malloc_fail("corrupted chunk header (previous chunk)", mem_of(p));
  __dl_unlink(prev);
  if (nsize) __dl_unlink(next);
  memmove(mem_of(prev), mem_of(p), cs - 4);
  prev->head = total | CINUSE | (prev->head & PINUSE);
  chunk_at(prev, total)->head |= PINUSE;
  shrink_to(prev, total, nb);
  return mem_of(prev);
}

static void *realloc_mmapped(struct chunk *p, size_t n, size_t nb) {
  size_t have = chunk_size(p) - 8;
  void *fresh;
  if (n <= have && nb >= MALLOC_MMAP_THRESHOLD / 2 && n >= have / 2) return mem_of(p);
  fresh = __dl_malloc(n);
  if (!fresh) return 0;
  memcpy(fresh, mem_of(p), n < have ? n : have);
  __dl_free_mmapped(p);
  return fresh;
}

/* realloc: in place when the block shrinks with no lower hole to sink into, or grows into the top
 * or a free chunk after it; otherwise it moves, preferring the lowest hole below it. Sinking blocks
 * lets free space gather and coalesce near the top (mallocbench realloc, peak heap / peak live:
 * 1.31 -> 1.22; over 48 seeds of userland/tools/realloc-model.mjs, mean 1.30 -> 1.25, worst 1.42 -> 1.33). */
void *__dl_realloc(void *mem, size_t n) {
  struct chunk *p = __dl_checked(mem, "realloc");
  size_t nb, cs;
  struct chunk *next, *fit;
  void *fresh;
  if (n > MAX_REQUEST) return __malloc_enomem();
  nb = request_size(n);
  if (is_mmapped(p)) return realloc_mmapped(p, n, nb);
  cs = chunk_size(p);
  if (nb <= cs) {
    /* a shrinking block sinks into the lowest hole below it that fits (copying only what is
     * kept): used memory gathers at the bottom of the heap, free space towards the top chunk */
    if ((fit = __dl_take_lower(nb, p)) != 0) return move_into(fit, p, nb, nb - 4);
    if (nb <= cs - cs / 4 && (fresh = shrink_by_moving(p, nb)) != 0) return fresh;
    shrink_to(p, cs, nb);
    return mem;
  }
  next = chunk_at(p, cs);
  if (next == __dl.top && (cs + __dl.top_size >= nb + MIN_CHUNK || __dl_grow_top(nb - cs) == 0) &&
      next == __dl.top) {
    /* grow into the top chunk (growing the heap first when needed) */
    __dl.top = chunk_at(p, nb);
    __dl.top_size -= nb - cs;
    __dl.top->head = __dl.top_size | PINUSE;
    p->head = nb | CINUSE | (p->head & PINUSE);
    return mem;
  }
  if (next != __dl.top && !(next->head & CINUSE) && cs + chunk_size(next) >= nb) {
    size_t total = cs + chunk_size(next);
    __dl_unlink(next);
    p->head = total | CINUSE | (p->head & PINUSE);
    chunk_at(p, total)->head |= PINUSE;
    shrink_to(p, total, nb);
    return mem;
  }
  /* move: to the lowest hole below that fits, else the best-fitting binned chunk, else over the
   * free chunk before, else from the top */
  if ((fit = __dl_take_lower(nb, p)) != 0 || (fit = __dl_take_fit(nb)) != 0)
    return move_into(fit, p, nb, cs - 4);
  if ((fresh = grow_over_previous(p, cs, next, nb)) != 0) return fresh;
  fresh = __dl_malloc(n);
  if (!fresh) return 0;
  memcpy(fresh, mem, cs - 4);
  __dl_free(mem);
  return fresh;
}

void *__dl_memalign(size_t align, size_t n) {
  size_t nb = request_size(n);
  char *mem = __dl_malloc(nb + align + MIN_CHUNK);
  struct chunk *p, *q;
  char *aligned;
  size_t lead, cs;
  if (!mem) return 0;
  if (((size_t)mem & (align - 1)) == 0) return mem;
  p = chunk_of(mem);
  aligned = (char *)MALLOC_ALIGN_UP((size_t)mem, align);
  if ((size_t)(aligned - mem) < MIN_CHUNK) aligned += align; /* room for a leading free chunk */
  q = chunk_of(aligned);
  lead = (size_t)((char *)q - (char *)p);
  cs = chunk_size(p);
  if (is_mmapped(p)) {
    q->prev_foot = (p->prev_foot + lead) | 1;
    q->head = (cs - lead) | CINUSE;
    return aligned;
  }
  q->head = (cs - lead) | CINUSE | PINUSE;
  p->head = lead | CINUSE | (p->head & PINUSE);
  __dl_release(p);
  shrink_to(q, cs - lead, nb);
  return aligned;
}
