/* fit.h: the sequential-fit heap behind the first, next and best policies (and quick's
 * general part). Chunks use boundary tags like dl's (prev_foot, head = size | PINUSE | CINUSE,
 * footer in free chunks, 4 bytes overhead when allocated), free neighbours coalesce at once, and
 * all free chunks sit in ONE doubly-linked list that the policy's search function scans:
 * that scan is what distinguishes first fit, next fit and best fit. A top chunk borders the
 * break and grows with sbrk. Requests from MALLOC_MMAP_THRESHOLD go to bigchunk.c. */
#ifndef _PAGODA_FIT_H
#define _PAGODA_FIT_H
#include "malloc_impl.h"

struct fchunk {
  size_t prev_foot;
  size_t head;
  struct fchunk *fd;
  struct fchunk *bk;
};

#define F_PINUSE 1u
#define F_CINUSE 2u
#define F_QUICK 4u     /* in use by the heap, parked in one of quick's lists */
#define F_FLAGS 7u
#define F_MIN 16u
#define F_MAX_REQUEST 0x7ff00000u
#define F_GROW_MIN (16u * 1024u)
#define fsize(p) ((p)->head & ~(size_t)F_FLAGS)
#define fat(p, off) ((struct fchunk *)((char *)(p) + (off)))
#define fmem(p) ((void *)((char *)(p) + 8))
#define fchunk_of(m) ((struct fchunk *)((char *)(m) - 8))
#define frequest(n) ((n) < 12 ? F_MIN : ((n) + 4 + 7) & ~(size_t)7)

struct fit_heap;
/* Finds a free chunk of at least nb bytes in the list and returns it (still linked), or NULL. */
typedef struct fchunk *(*fit_search)(struct fit_heap *h, size_t nb);

struct fit_heap {
  const char *name;
  fit_search search;
  int address_ordered;   /* insert freed chunks in address order (else at the list head) */
  char *base;
  struct fchunk *top;
  size_t top_size;
  struct fchunk list;    /* sentinel of the circular free list */
  struct fchunk *rover;  /* next fit's roving pointer (any list member or the sentinel) */
  size_t free_count;
  /* Optional: gives cached chunks back to the heap before it grows; returns how many. */
  size_t (*reclaim)(struct fit_heap *h);
};

void *__fit_malloc(struct fit_heap *h, size_t n);
void __fit_free(struct fit_heap *h, void *mem);
void *__fit_realloc(struct fit_heap *h, void *mem, size_t n);
void *__fit_memalign(struct fit_heap *h, size_t align, size_t n);
size_t __fit_usable(struct fit_heap *h, void *mem);
void __fit_info(struct fit_heap *h, struct mallinfo *mi);
size_t __fit_check(struct fit_heap *h);
/* Validates an allocated heap chunk from a user pointer (aborting on misuse). */
struct fchunk *__fit_checked(struct fit_heap *h, void *mem);
/* Returns in-use chunk p to the heap, coalescing (used by quick when it flushes its lists). */
void __fit_release(struct fit_heap *h, struct fchunk *p);

/* The heap descriptor (heap_desc.h) of fit heap h for policy id: one free list; quick's lists as the
 * caches (stacks 0 when there are none). */
#define FIT_HEAP_DESC(id, h, stacks, nstacks) { HEAP_DESC_MAGIC, HEAP_DESC_VERSION, id, &(h).base, \
    &(h).top, &(h).top_size, &(h).list, 1, sizeof(struct fchunk), stacks, nstacks, sizeof(struct fchunk *), \
    0, 0, &__malloc_counters }

#endif
