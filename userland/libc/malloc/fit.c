/* The sequential-fit heap (see fit.h): allocation, release with coalescing, growth. */
#include "fit.h"
#include "bigchunk.h"
#include <string.h>

static void list_init(struct fit_heap *h) {
  if (!h->list.fd) {
    h->list.fd = h->list.bk = &h->list;
    h->rover = &h->list;
  }
}

static void list_remove(struct fit_heap *h, struct fchunk *p) {
  struct fchunk *f = p->fd, *k = p->bk;
  if (!f || !k || f->bk != p || k->fd != p) __malloc_fail("corrupted free list", fmem(p));
  f->bk = k;
  k->fd = f;
  if (h->rover == p) h->rover = f;
  h->free_count--;
}

static void list_add(struct fit_heap *h, struct fchunk *p) {
  struct fchunk *after = &h->list;
  list_init(h);
  if (h->address_ordered) {
    struct fchunk *q = h->list.fd;
    while (q != &h->list && q < p) q = q->fd;
    after = q->bk;
  }
  p->fd = after->fd;
  p->bk = after;
  after->fd->bk = p;
  after->fd = p;
  h->free_count++;
}

/* Marks free chunk p (unlinked, size cs) in use for nb bytes; the rest becomes a free chunk. */
static void *use(struct fit_heap *h, struct fchunk *p, size_t cs, size_t nb) {
  size_t pbit = p->head & F_PINUSE;
  if (cs - nb >= F_MIN) {
    struct fchunk *rest = fat(p, nb);
    rest->head = (cs - nb) | F_PINUSE;
    fat(rest, cs - nb)->prev_foot = cs - nb;
    list_add(h, rest);
    if (h->rover == &h->list || h->rover == p) h->rover = rest;
    p->head = nb | F_CINUSE | pbit;
  } else {
    p->head = cs | F_CINUSE | pbit;
    fat(p, cs)->head |= F_PINUSE;
  }
  return fmem(p);
}

static void *from_top(struct fit_heap *h, size_t nb) {
  struct fchunk *p = h->top;
  if (!p || h->top_size < nb + F_MIN) return 0;
  h->top = fat(p, nb);
  h->top_size -= nb;
  h->top->head = h->top_size | F_PINUSE;
  p->head = nb | F_CINUSE | (p->head & F_PINUSE);
  return fmem(p);
}

/* Grows the top chunk to at least nb + F_MIN bytes; 0, or -1 when sbrk refuses. */
static int grow(struct fit_heap *h, size_t nb) {
  size_t need = nb + F_MIN + 8 - (h->top ? h->top_size : 0);
  size_t incr = MALLOC_ALIGN_UP(need, MALLOC_PAGE);
  char *old, *start;
  if (incr < F_GROW_MIN) incr = F_GROW_MIN;
  if (incr < need) return -1;
  old = __malloc_sbrk((ptrdiff_t)incr);
  if (!old) return -1;
  if (h->top && old == (char *)h->top + h->top_size) {
    h->top_size += incr;
    h->top->head = h->top_size | (h->top->head & F_PINUSE);
    return 0;
  }
  start = (char *)MALLOC_ALIGN_UP((size_t)old, 8);
  if (h->top) {
    /* the break moved behind our back: the old top becomes an in-use gap chunk */
    if (start < (char *)h->top) __malloc_fail("the break moved below the heap", old);
    h->top->head = (size_t)(start - (char *)h->top) | F_CINUSE | (h->top->head & F_PINUSE);
  } else {
    h->base = start;
  }
  h->top = (struct fchunk *)start;
  h->top_size = (size_t)(old + incr - start);
  h->top->head = h->top_size | F_PINUSE;
  return h->top_size >= nb + F_MIN ? 0 : grow(h, nb);
}

void *__fit_malloc(struct fit_heap *h, size_t n) {
  size_t nb;
  struct fchunk *p;
  void *m;
  if (n > F_MAX_REQUEST) return __malloc_enomem();
  if (n >= MALLOC_MMAP_THRESHOLD) {
    m = __big_alloc(n);
    if (m) return m;
  }
  nb = frequest(n);
  list_init(h);
  p = h->search(h, nb);
  if (p) {
    list_remove(h, p);
    return use(h, p, fsize(p), nb);
  }
  m = from_top(h, nb);
  if (m) return m;
  if (h->reclaim && h->reclaim(h)) return __fit_malloc(h, n);
  if (grow(h, nb) < 0) return __malloc_enomem();
  return from_top(h, nb);
}

struct fchunk *__fit_checked(struct fit_heap *h, void *mem) {
  struct fchunk *p = fchunk_of(mem);
  size_t size;
  if (((size_t)mem & 7) || (char *)p < h->base || p >= h->top)
    __malloc_fail("free of a pointer malloc never returned", mem);
  size = fsize(p);
  if (size < F_MIN || (char *)p + size > (char *)h->top) __malloc_fail("corrupted chunk header", mem);
  if (p->head & F_QUICK) {
    if (!h->reclaim) __malloc_fail("corrupted chunk header", mem);
    __malloc_fail("double free (chunk already in a quick list)", mem);
  }
  if (!(p->head & F_CINUSE)) __malloc_fail("double free (chunk already free)", mem);
  if (!(fat(p, size)->head & F_PINUSE)) __malloc_fail("corrupted chunk header (next chunk)", mem);
  return p;
}

void __fit_release(struct fit_heap *h, struct fchunk *p) {
  size_t size = fsize(p);
  struct fchunk *next = fat(p, size);
  if (!(p->head & F_PINUSE)) {
    size_t psize = p->prev_foot;
    struct fchunk *prev = fat(p, -(ptrdiff_t)psize);
    if (psize < F_MIN || (psize & 7) || fsize(prev) != psize || (prev->head & F_CINUSE))
      __malloc_fail("corrupted chunk header (previous chunk)", fmem(p));
    list_remove(h, prev);
    p = prev;
    size += psize;
  }
  if (next == h->top) {
    h->top = p;
    h->top_size += size;
    p->head = h->top_size | F_PINUSE;
    return;
  }
  if (!(next->head & F_CINUSE)) {
    size += fsize(next);
    list_remove(h, next);
  } else {
    next->head &= ~(size_t)F_PINUSE;
  }
  p->head = size | F_PINUSE;
  fat(p, size)->prev_foot = size;
  list_add(h, p);
}

void __fit_free(struct fit_heap *h, void *mem) {
  if (!mem) return;
  if (__big_tagged(mem)) {
    __big_free(mem);
    return;
  }
  __fit_release(h, __fit_checked(h, mem));
}

size_t __fit_usable(struct fit_heap *h, void *mem) {
  if (__big_tagged(mem)) return __big_usable(mem);
  return fsize(__fit_checked(h, mem)) - 4;
}

/* Shrinks in-use chunk p (size cs) to nb, releasing the tail. */
static void shrink(struct fit_heap *h, struct fchunk *p, size_t cs, size_t nb) {
  struct fchunk *rest;
  if (cs - nb < F_MIN) return;
  rest = fat(p, nb);
  p->head = nb | F_CINUSE | (p->head & F_PINUSE);
  rest->head = (cs - nb) | F_CINUSE | F_PINUSE;
  __fit_release(h, rest);
}

void *__fit_realloc(struct fit_heap *h, void *mem, size_t n) {
  struct fchunk *p, *next;
  size_t nb, cs;
  void *fresh;
  if (n > F_MAX_REQUEST) return __malloc_enomem();
  if (__big_tagged(mem)) {
    size_t have = __big_usable(mem);
    if (n <= have && n >= have / 2) return mem;
    fresh = __fit_malloc(h, n);
    if (!fresh) return 0;
    memcpy(fresh, mem, n < have ? n : have);
    __big_free(mem);
    return fresh;
  }
  p = __fit_checked(h, mem);
  nb = frequest(n);
  cs = fsize(p);
  if (nb <= cs) {
    shrink(h, p, cs, nb);
    return mem;
  }
  next = fat(p, cs);
  if (next == h->top && (cs + h->top_size >= nb + F_MIN || grow(h, nb - cs) == 0) && next == h->top) {
    h->top = fat(p, nb);
    h->top_size -= nb - cs;
    h->top->head = h->top_size | F_PINUSE;
    p->head = nb | F_CINUSE | (p->head & F_PINUSE);
    return mem;
  }
  if (next != h->top && !(next->head & F_CINUSE) && cs + fsize(next) >= nb) {
    size_t total = cs + fsize(next);
    list_remove(h, next);
    p->head = total | F_CINUSE | (p->head & F_PINUSE);
    fat(p, total)->head |= F_PINUSE;
    shrink(h, p, total, nb);
    return mem;
  }
  fresh = __fit_malloc(h, n);
  if (!fresh) return 0;
  memcpy(fresh, mem, cs - 4);
  __fit_release(h, p);
  return fresh;
}

void *__fit_memalign(struct fit_heap *h, size_t align, size_t n) {
  size_t nb = frequest(n);
  char *mem, *aligned;
  struct fchunk *p, *q;
  size_t lead, cs;
  /* always in the heap (big chunks are only 8-aligned): over-allocate, then cut both ends */
  list_init(h);
  p = h->search(h, nb + align + F_MIN);
  if (p) {
    list_remove(h, p);
    mem = use(h, p, fsize(p), nb + align + F_MIN);
  } else {
    mem = from_top(h, nb + align + F_MIN);
    if (!mem && grow(h, nb + align + F_MIN) == 0) mem = from_top(h, nb + align + F_MIN);
  }
  if (!mem) return __malloc_enomem();
  if (((size_t)mem & (align - 1)) == 0) return mem;
  p = fchunk_of(mem);
  aligned = (char *)MALLOC_ALIGN_UP((size_t)mem, align);
  if ((size_t)(aligned - mem) < F_MIN) aligned += align;
  q = fchunk_of(aligned);
  lead = (size_t)((char *)q - (char *)p);
  cs = fsize(p);
  q->head = (cs - lead) | F_CINUSE | F_PINUSE;
  p->head = lead | F_CINUSE | (p->head & F_PINUSE);
  __fit_release(h, p);
  shrink(h, q, cs - lead, nb);
  return aligned;
}
