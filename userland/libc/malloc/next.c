/* next: next fit (Knuth's exercise 2.5-6): the search resumes where the last one stopped,
 * spreading allocations over the heap; freed chunks go to the head of the list. */
#include "fit.h"
#include "heap_desc.h"

static struct fchunk *next_search(struct fit_heap *h, size_t nb) {
  struct fchunk *start = h->rover, *q = start;
  do {
    if (q != &h->list && fsize(q) >= nb) {
      h->rover = q->fd;
      return q;
    }
    q = q->fd;
  } while (q != start);
  return 0;
}

static struct fit_heap heap = { .name = "next", .search = next_search };

static void *next_malloc(size_t n) { return __fit_malloc(&heap, n); }
static void next_free(void *p) { __fit_free(&heap, p); }
static void *next_realloc(void *p, size_t n) { return __fit_realloc(&heap, p, n); }
static void *next_memalign(size_t a, size_t n) { return __fit_memalign(&heap, a, n); }
static size_t next_usable(void *p) { return __fit_usable(&heap, p); }
static void next_info(struct mallinfo *mi) { __fit_info(&heap, mi); }
static size_t next_check(void) { return __fit_check(&heap); }

static const struct malloc_heap_desc next_heap = FIT_HEAP_DESC(HEAP_POLICY_NEXT, heap, 0, 0);

const struct malloc_policy __malloc_next = {
  "next", next_malloc, next_free, next_realloc, next_memalign, next_usable, next_info, next_check, &next_heap,
};
