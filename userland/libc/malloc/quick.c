/* quick: quick fit (Weinstock and Wulf): exact-size LIFO lists for every chunk size up to
 * QUICK_MAX serve most requests in a few instructions; everything else goes to a general
 * first-fit heap (fit.c), from which the quick lists also take new chunks. Chunks parked in the
 * lists stay "in use" for the heap (flag F_QUICK) and are returned to it — coalescing — only
 * when the heap would otherwise have to grow. */
#include "fit.h"
#include "bigchunk.h"
#include "heap_desc.h"

#define QUICK_MAX 1024u

static struct fchunk *lists[QUICK_MAX / 8 + 1];

static struct fchunk *general_search(struct fit_heap *h, size_t nb) {
  struct fchunk *q;
  for (q = h->list.fd; q != &h->list; q = q->fd)
    if (fsize(q) >= nb) return q;
  return 0;
}

static size_t flush_lists(struct fit_heap *h) {
  size_t i, moved = 0;
  for (i = 0; i <= QUICK_MAX / 8; i++) {
    struct fchunk *p = lists[i];
    lists[i] = 0;
    while (p) {
      struct fchunk *next = p->fd;
      p->head &= ~(size_t)F_QUICK;
      __fit_release(h, p);
      p = next;
      moved++;
    }
  }
  return moved;
}

static struct fit_heap heap = { .name = "quick", .search = general_search, .reclaim = flush_lists };

static void *quick_malloc(size_t n) {
  if (n <= QUICK_MAX - 4) {
    size_t nb = frequest(n);
    struct fchunk *p = lists[nb >> 3];
    if (p) {
      lists[nb >> 3] = p->fd;
      p->head &= ~(size_t)F_QUICK;
      return fmem(p);
    }
  }
  return __fit_malloc(&heap, n);
}

static void quick_free(void *mem) {
  struct fchunk *p = fchunk_of(mem);
  size_t head, size;
  if (!mem) return;
  head = p->head;
  size = head & ~(size_t)F_FLAGS;
  if (size - F_MIN <= QUICK_MAX - F_MIN && (head & (F_CINUSE | F_QUICK)) == F_CINUSE &&
      (char *)p >= heap.base && p < heap.top) {
    p->head = head | F_QUICK;
    p->fd = lists[size >> 3];
    lists[size >> 3] = p;
    return;
  }
  __fit_free(&heap, mem);
}

static void *quick_realloc(void *p, size_t n) { return __fit_realloc(&heap, p, n); }
static void *quick_memalign(size_t a, size_t n) { return __fit_memalign(&heap, a, n); }
static size_t quick_usable(void *p) { return __fit_usable(&heap, p); }
static void quick_info(struct mallinfo *mi) { __fit_info(&heap, mi); }
static size_t quick_check(void) { return __fit_check(&heap); }

static const struct malloc_heap_desc quick_heap =
    FIT_HEAP_DESC(HEAP_POLICY_QUICK, heap, lists, QUICK_MAX / 8 + 1);

const struct malloc_policy __malloc_quick = {
  "quick", quick_malloc, quick_free, quick_realloc, quick_memalign, quick_usable, quick_info,
  quick_check, &quick_heap,
};
