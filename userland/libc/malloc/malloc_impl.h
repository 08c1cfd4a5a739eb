/* malloc_impl.h: what the allocation policies share.
 * Each policy (dl.c, first.c, next.c, best.c, buddy.c, quick.c) is a complete allocator exposed
 * as a struct malloc_policy; malloc.c picks one at the first allocation from MALLOC_POLICY and
 * forwards every call to it. All policies take memory through the counted wrappers below, so
 * the syscall count and the peak heap size are measured the same way for each. */
#ifndef _PAGODA_MALLOC_IMPL_H
#define _PAGODA_MALLOC_IMPL_H
#include <stddef.h>
#include <malloc.h>

struct malloc_policy {
  const char *name;
  /* malloc(n): any n including 0; NULL with errno ENOMEM when memory runs out. */
  void *(*malloc)(size_t n);
  /* free(p): p may be NULL; aborts naming p on a double free, a foreign or corrupted pointer. */
  void (*free)(void *p);
  /* realloc(p, n) with p != NULL: grows or shrinks in place when it can; NULL (p intact) on ENOMEM. */
  void *(*realloc)(void *p, size_t n);
  /* memalign(align, n) with align a power of two greater than 8. */
  void *(*memalign)(size_t align, size_t n);
  size_t (*usable_size)(void *p);
  /* Fills the heap fields of a mallinfo (free chunks, in use...) by walking the heap. */
  void (*info)(struct mallinfo *mi);
  /* Verifies every chunk, aborting on the first bad one; returns the number of chunks. */
  size_t (*check)(void);
  /* Where the heap's structures are, for the kernel's heap walkers (heap_desc.h); NULL: unpublished. */
  const struct malloc_heap_desc *heap;
};

extern const struct malloc_policy __malloc_dl, __malloc_first, __malloc_next, __malloc_best,
    __malloc_buddy, __malloc_quick;

/* Counters kept by the memory wrappers (and by the dispatcher for `requested`). */
struct malloc_counters {
  size_t syscalls;      /* sbrk/brk/mmap/munmap calls */
  size_t heap_bytes;    /* bytes currently obtained with sbrk */
  size_t mmap_bytes;    /* bytes currently mapped */
  size_t mmap_count;    /* mappings currently held */
  size_t peak;          /* max of heap_bytes + mmap_bytes */
  size_t requested;     /* bytes requested (cumulative) */
};
extern struct malloc_counters __malloc_counters;

/* Non-zero when MALLOC_STATS asked for request counting (see malloc.c). */
extern int __malloc_track_requests;

/* sbrk through the brk system call, counted. Returns the old break or NULL when refused. */
void *__malloc_sbrk(ptrdiff_t incr);
/* An anonymous private read-write mapping of len bytes (a multiple of 4096), counted; NULL on failure. */
void *__malloc_mmap(size_t len);
void __malloc_munmap(void *p, size_t len);

/* Reports heap corruption or a bad pointer: "malloc(POLICY): WHAT at 0xADDR", then abort(). */
void __malloc_fail(const char *what, const void *addr) __attribute__((noreturn));
/* Asks the current policy (selecting it first if needed) to fill mi's heap fields. */
void __malloc_info_current(struct mallinfo *mi);
/* Sets errno to ENOMEM and returns NULL (for policies' failure paths). */
void *__malloc_enomem(void);

/* One chunk's boundary tags as a heap walk reads them. */
struct chunk_tags {
  size_t size, min_size, room; /* room: bytes from the chunk to the end of the heap */
  int in_use, pinuse, prev_in_use;
  size_t footer;               /* the next chunk's prev_foot (checked when the chunk is free) */
};
/* Fails ("heap check: ...") unless the tags agree: size in [min_size, room], PINUSE equal to the
 * previous chunk's state, no two free neighbours, a free chunk's footer equal to its size. */
void __malloc_check_tags(const void *mem, const struct chunk_tags *t);

enum chunk_state { CHUNK_USED, CHUNK_FREE, CHUNK_CACHED, CHUNK_GAP };
/* Adds one chunk to mallinfo's figures (cached: in a fast/quick list; a gap counts nowhere). */
void __malloc_tally_chunk(struct mallinfo *mi, size_t size, enum chunk_state state);
/* Adds the top chunk (free, kept for the next growth) and the mmapped bytes (in use). */
void __malloc_tally_top(struct mallinfo *mi, size_t top_size);

#define MALLOC_PAGE 4096u
#define MALLOC_MMAP_THRESHOLD (128u * 1024u)
#define MALLOC_ALIGN_UP(x, a) (((x) + ((a) - 1)) & ~(size_t)((a) - 1))

#endif
