/* bigchunk.h: requests of MALLOC_MMAP_THRESHOLD bytes and more, served by their own mapping.
 * Shared by the first, next, best, quick and buddy policies. Layout of a mapping at S:
 *   S+0    MMAP_WORD ^ S          (proves the chunk came from here)
 *   m-8    m - S                  (offset of the user pointer m; 16 unless aligned)
 *   m-4    mapping length | BIG_TAG
 *   m      user memory ... S+len
 * m-4 is also where the policies keep their own header word: each recognises big chunks by
 * BIG_TAG in its low three bits, a value none of them uses. */
#ifndef _PAGODA_BIGCHUNK_H
#define _PAGODA_BIGCHUNK_H
#include "malloc_impl.h"

#define BIG_TAG 4u

/* Allocates n bytes in a fresh mapping; NULL with ENOMEM on failure. */
void *__big_alloc(size_t n);
/* The same with the user pointer aligned to align (a power of two). */
void *__big_alloc_aligned(size_t align, size_t n);
/* True when mem's header word carries BIG_TAG (cheap test, no validation). */
#define __big_tagged(mem) ((((size_t *)(mem))[-1] & 7u) == BIG_TAG)
/* Validates a tagged pointer (aborts with a message when forged) and returns its usable size. */
size_t __big_usable(void *mem);
void __big_free(void *mem);
/* realloc of a big chunk: in place when n fits and is at least half, else alloc + copy + free. */
void *__big_realloc(void *mem, size_t n, void *(*alloc)(size_t));
#endif
