/* first: first fit over an address-ordered free list (Knuth's algorithm A with the list sorted
 * so that low memory is reused first, which limits fragmentation). */
#include "fit.h"
#include "heap_desc.h"

static struct fchunk *first_search(struct fit_heap *h, size_t nb) {
  struct fchunk *q;
  for (q = h->list.fd; q != &h->list; q = q->fd)
    if (fsize(q) >= nb) return q;
  return 0;
}

static struct fit_heap heap = { .name = "first", .search = first_search, .address_ordered = 1 };

static void *first_malloc(size_t n) { return __fit_malloc(&heap, n); }
static void first_free(void *p) { __fit_free(&heap, p); }
static void *first_realloc(void *p, size_t n) { return __fit_realloc(&heap, p, n); }
static void *first_memalign(size_t a, size_t n) { return __fit_memalign(&heap, a, n); }
static size_t first_usable(void *p) { return __fit_usable(&heap, p); }
static void first_info(struct mallinfo *mi) { __fit_info(&heap, mi); }
static size_t first_check(void) { return __fit_check(&heap); }

static const struct malloc_heap_desc first_heap = FIT_HEAP_DESC(HEAP_POLICY_FIRST, heap, 0, 0);

const struct malloc_policy __malloc_first = {
  "first", first_malloc, first_free, first_realloc, first_memalign, first_usable, first_info,
  first_check, &first_heap,
};
