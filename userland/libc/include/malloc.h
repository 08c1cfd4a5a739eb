/* malloc.h: Pagoda's allocator introspection and the extra allocation calls.
 * The policy is chosen at the first allocation from the environment variable MALLOC_POLICY:
 * dl (default), first, next, best, buddy, quick. An unknown name prints a warning and uses dl. */
#ifndef _MALLOC_H
#define _MALLOC_H
#include <stddef.h>
#include <stdlib.h>

/* A mallinfo-style report, in bytes unless noted (fields are size_t, as glibc's mallinfo2). */
struct mallinfo {
  size_t arena;     /* bytes obtained with sbrk and still held (heap size) */
  size_t ordblks;   /* number of free chunks (count) */
  size_t smblks;    /* number of free chunks cached in fast/quick lists (count) */
  size_t hblks;     /* number of mmapped chunks (count) */
  size_t hblkhd;    /* bytes in mmapped chunks */
  size_t usmblks;   /* peak heap size: max of arena + hblkhd over the run */
  size_t fsmblks;   /* bytes in fast/quick-list chunks */
  size_t uordblks;  /* bytes in chunks in use (heap and mmapped, headers included) */
  size_t fordblks;  /* bytes in free chunks of the heap */
  size_t keepcost;  /* bytes at the top of the heap that could be trimmed */
  size_t largest;   /* largest free chunk */
  size_t syscalls;  /* brk/sbrk/mmap/munmap calls the allocator made (count) */
  size_t requested; /* bytes requested by malloc/calloc/realloc/aligned calls so far (cumulative) */
  size_t nmalloc;   /* allocations so far (count) */
  size_t nfree;     /* frees so far (count) */
};

struct mallinfo mallinfo(void);
struct mallinfo mallinfo2(void);
/* Prints the report to stderr: policy, requested, in use, heap size, mmapped, free chunks, largest
 * free chunk, fragmentation ratio (1 - largest free / total free) and overhead (heap / in use). */
void malloc_stats(void);
/* The name of the policy in use ("dl", ...); selects it if no allocation happened yet. */
const char *malloc_policy(void);
size_t malloc_usable_size(void *ptr);
void *memalign(size_t alignment, size_t size);
/* Checks every chunk of the heap and aborts naming the first bad one. Returns the number of chunks. */
size_t malloc_check_heap(void);

#endif
