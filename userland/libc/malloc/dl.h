/* dl.h: the default policy, an allocator of the dlmalloc family.
 *
 * Chunk layout (addresses grow down the page), sizes are multiples of 8, at least 16:
 *
 *   p+0   prev_foot  size of the previous chunk when it is free (else its last payload word)
 *   p+4   head       size | PINUSE (previous chunk in use) | CINUSE (this one in use) | FAST
 *   p+8   payload    (free chunks: fd, bk list links) ... runs into the next chunk's prev_foot
 *
 * so an allocated chunk costs 4 bytes of header and usable size is size - 4. Free chunks are
 * coalesced at once with free neighbours and kept in bins: exact small bins (sizes < 512, one
 * per 8 bytes) and large bins (four per power of two) sorted by size, with a bitmap of the
 * non-empty ones. In front of the bins, chunks up to FAST_MAX bytes go to per-size LIFO fast
 * lists without coalescing (they keep CINUSE and gain FAST); they are merged back
 * ("consolidated") before the heap grows and when a large request or a large free needs them.
 * The top chunk borders the break: it grows with sbrk and is trimmed with a negative sbrk.
 * Requests of MALLOC_MMAP_THRESHOLD and more get their own mapping: prev_foot holds the
 * chunk's offset in the mapping | 1, and the mapping's first word is MMAP_MAGIC ^ its address. */
#ifndef _PAGODA_DL_H
#define _PAGODA_DL_H
#include "malloc_impl.h"

struct chunk {
  size_t prev_foot;
  size_t head;
  struct chunk *fd;
  struct chunk *bk;
};

#define PINUSE 1u
#define CINUSE 2u
#define FAST 4u
#define FLAG_BITS 7u
#define MIN_CHUNK 16u
#define FAST_MAX 120u       /* largest chunk size kept in fast lists: heads below 128 */
#define SMALL_LIMIT 512u    /* chunk sizes below this have exact bins */
#define NBINS 160
#define MMAP_MAGIC 0x6d6d6170u
#define GAP_MAGIC 0x67617021u  /* first payload word of a pseudo-chunk covering a hole */
#define MAX_REQUEST 0x7ff00000u
#define TRIM_THRESHOLD (256u * 1024u)
#define TOP_PAD (64u * 1024u)
/* The heap grows by what a request needs, page-rounded: a larger step would sit idle in the top
 * chunk (on mallocbench's realloc workload a 32 KiB minimum cost 0.03 of peak heap / peak live,
 * for a brk call per ~4 KiB of growth instead of per 32 KiB). */
#define GROW_MIN (4u * 1024u)

#define chunk_size(p) ((p)->head & ~(size_t)FLAG_BITS)
#define chunk_at(p, off) ((struct chunk *)((char *)(p) + (off)))
#define mem_of(p) ((void *)((char *)(p) + 8))
#define chunk_of(m) ((struct chunk *)((char *)(m) - 8))
#define is_mmapped(p) (!((p)->head & PINUSE) && ((p)->prev_foot & 1))
/* Chunk size for a request: payload + 4-byte header, rounded to 8, at least MIN_CHUNK. */
#define fast_list_for(size) ((struct fast_list *)((char *)&__dl + (size)))
#define request_size(n) ((n) < 12 ? MIN_CHUNK : ((n) + 4 + 7) & ~(size_t)7)

/* A fast list head, padded to 8 bytes so that the list of chunk size s sits at byte offset s
 * of struct dl_state: the fast paths index it with the size itself. */
struct fast_list {
  struct chunk *head;
  size_t pad;
};

struct dl_state {
  struct fast_list fast[FAST_MAX / 8 + 1]; /* must stay first (see struct fast_list) */
  char *base;                 /* first chunk of the heap (NULL before the first sbrk) */
  struct chunk *top;          /* the top chunk; its size reaches the end of the heap */
  size_t top_size;
  struct chunk bins[NBINS];   /* list heads: only fd and bk are used */
  unsigned binmap[NBINS / 32];
};

extern struct dl_state __dl;

void *__dl_malloc(size_t n);
void __dl_free(void *mem);
void *__dl_realloc(void *mem, size_t n);
void *__dl_memalign(size_t align, size_t n);
size_t __dl_usable(void *mem);
unsigned __dl_bin_index(size_t size);
void __dl_insert(struct chunk *p, size_t size);
void __dl_unlink(struct chunk *p);
/* Finds, unlinks and returns the smallest binned chunk of at least nb bytes, or NULL. */
struct chunk *__dl_take_fit(size_t nb);
/* Finds, unlinks and returns the lowest-addressed binned chunk below limit of at least nb bytes, or NULL. */
struct chunk *__dl_take_lower(size_t nb, struct chunk *limit);
/* Carves nb bytes from free chunk p (unlinked, size cs): marks it in use, bins the remainder. */
void *__dl_use(struct chunk *p, size_t cs, size_t nb);
/* Returns a chunk that has been marked in use to the heap (coalescing). */
void __dl_release(struct chunk *p);
/* Validates an allocated chunk from the user's pointer, aborting with a message when it is not;
 * op ("free", "realloc", "malloc_usable_size") names the call in the message. */
struct chunk *__dl_checked(void *mem, const char *op);
void *__dl_malloc_slow(size_t n);
void __dl_free_mmapped(struct chunk *p);
void *__dl_alloc_from_top(size_t nb);
int __dl_grow_top(size_t nb);
void __dl_consolidate(void);

#endif
