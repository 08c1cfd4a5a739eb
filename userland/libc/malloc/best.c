/* best: best fit: scans the whole free list for the smallest chunk that fits (stopping early on
 * an exact fit); freed chunks go to the head of the list. */
#include "fit.h"
#include "heap_desc.h"

static struct fchunk *best_search(struct fit_heap *h, size_t nb) {
  struct fchunk *q, *best = 0;
  size_t best_size = (size_t)-1;
  for (q = h->list.fd; q != &h->list; q = q->fd) {
    size_t s = fsize(q);
    if (s >= nb && s < best_size) {
      best = q;
      best_size = s;
      if (s == nb) break;
    }
  }
  return best;
}

static struct fit_heap heap = { .name = "best", .search = best_search };

static void *best_malloc(size_t n) { return __fit_malloc(&heap, n); }
static void best_free(void *p) { __fit_free(&heap, p); }
static void *best_realloc(void *p, size_t n) { return __fit_realloc(&heap, p, n); }
static void *best_memalign(size_t a, size_t n) { return __fit_memalign(&heap, a, n); }
static size_t best_usable(void *p) { return __fit_usable(&heap, p); }
static void best_info(struct mallinfo *mi) { __fit_info(&heap, mi); }
static size_t best_check(void) { return __fit_check(&heap); }

static const struct malloc_heap_desc best_heap = FIT_HEAP_DESC(HEAP_POLICY_BEST, heap, 0, 0);

const struct malloc_policy __malloc_best = {
  "best", best_malloc, best_free, best_realloc, best_memalign, best_usable, best_info, best_check, &best_heap,
};
