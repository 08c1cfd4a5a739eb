/* malloc.h: Pagoda's allocator introspection and the extra allocation calls.
 * The policy is chosen at the first allocation from the environment variable MALLOC_POLICY:
 * dl (default), first, next, best, buddy, quick. An unknown name prints a warning and uses dl.
 * With MALLOC_STATS set as well, the bytes requested are counted for malloc_stats. */
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
  size_t requested; /* bytes asked of malloc/calloc/realloc/memalign so far (cumulative); counted
                       only when MALLOC_STATS is set in the environment, else 0 */
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
/* Bytes the allocator holds from the kernel now (heap from sbrk plus mappings), cheaply. */
size_t malloc_footprint(void);
/* The most that footprint has been since the start or the last reset. */
size_t malloc_max_footprint(void);
/* Restarts the peak at the current footprint (for measuring one phase of a program). */
void malloc_reset_max_footprint(void);
/* Allocator system calls (brk/sbrk/mmap/munmap) made so far. */
size_t malloc_syscalls(void);
/* Checks every chunk of the heap and aborts naming the first bad one. Returns the number of chunks. */
size_t malloc_check_heap(void);

#endif
