/* buddy: the binary buddy system (Knowlton 1965; Knuth 2.5 algorithm R/S).
 * The heap is a row of 64 KiB roots, each aligned to 64 KiB and obtained with sbrk. A block of
 * order k is 2^k bytes (16 B .. 64 KiB) at an offset that is a multiple of 2^k; its buddy is at
 * offset ^ 2^k. Every block starts with an 8-byte header:
 *   word 0  offset back to the block (only for memalign's inner headers), else 0
 *   word 1  BUDDY_MAGIC | order << 3 | state     (state 1 used, 2 free, 3 memalign inner)
 * so a request costs n + 8 rounded up to a power of two. Free blocks are in per-order doubly
 * linked lists and merge with their buddy on free, all the way up to a whole root; a free root
 * at the top of the heap is given back with a negative sbrk. Requests of more than 64 KiB - 8
 * bytes get their own mapping (bigchunk.c). */
#include "malloc_impl.h"
#include "bigchunk.h"
#include "heap_desc.h"
#include <string.h>
#include <unistd.h>

#define MIN_ORDER 4
#define ROOT_ORDER 16
#define ROOT_SIZE (1u << ROOT_ORDER)
#define BUDDY_MAGIC 0x5b000000u
#define MAGIC_MASK 0xff000000u
#define USED 1u
#define FREE 2u
#define INNER 3u
#define MAX_SEGMENTS 32
#define MAX_REQUEST 0x7ff00000u

struct block {
  size_t back;
  size_t tag;
  struct block *fd;
  struct block *bk;
};

struct segment {
  char *start, *end;
};

static struct block lists[ROOT_ORDER + 1];
static struct segment segments[MAX_SEGMENTS];
static int nsegments;
static char *base; /* offsets (and so buddies) are computed from here */

#define tag_of(order, state) (BUDDY_MAGIC | ((size_t)(order) << 3) | (state))
#define order_of(b) (((b)->tag >> 3) & 31)
#define state_of(b) ((b)->tag & 7)
#define valid_tag(b) (((b)->tag & MAGIC_MASK) == BUDDY_MAGIC)

static struct block *list(unsigned order) {
  struct block *l = &lists[order];
  if (!l->fd) l->fd = l->bk = l;
  return l;
}

static void push(struct block *b, unsigned order) {
  struct block *l = list(order);
  b->back = 0;
  b->tag = tag_of(order, FREE);
  b->fd = l->fd;
  b->bk = l;
  l->fd->bk = b;
  l->fd = b;
}

static void remove_block(struct block *b) {
  if (b->fd->bk != b || b->bk->fd != b) __malloc_fail("corrupted free list", (char *)b + 8);
  b->fd->bk = b->bk;
  b->bk->fd = b->fd;
}

static int in_heap(const char *p) {
  int i;
  for (i = 0; i < nsegments; i++)
    if (p >= segments[i].start && p < segments[i].end) return 1;
  return 0;
}

/* Adds one root to the heap. Returns 0, or -1 when sbrk refuses. */
static int add_root(void) {
  char *cur = sbrk(0);
  size_t pad = MALLOC_ALIGN_UP((size_t)cur, ROOT_SIZE) - (size_t)cur;
  char *old, *root;
  if (cur == (char *)-1) return -1;
  old = __malloc_sbrk((ptrdiff_t)(pad + ROOT_SIZE));
  if (!old) return -1;
  root = old + pad;
  if (root != (char *)MALLOC_ALIGN_UP((size_t)root, ROOT_SIZE)) {
    __malloc_sbrk(-(ptrdiff_t)(pad + ROOT_SIZE)); /* the break moved meanwhile: give it back */
    return -1;
  }
  if (!base) base = root;
  if (nsegments && segments[nsegments - 1].end == root) {
    segments[nsegments - 1].end = root + ROOT_SIZE;
  } else {
    if (nsegments == MAX_SEGMENTS) return -1;
    segments[nsegments].start = root;
    segments[nsegments].end = root + ROOT_SIZE;
    nsegments++;
  }
  push((struct block *)root, ROOT_ORDER);
  return 0;
}

static unsigned order_for(size_t need) {
  unsigned order = MIN_ORDER;
  while (((size_t)1 << order) < need) order++;
  return order;
}

/* Takes a block of exactly `order`, splitting a bigger one or adding a root. NULL when out. */
static struct block *take(unsigned order) {
  unsigned k = order;
  struct block *b;
  while (k <= ROOT_ORDER && list(k)->fd == &lists[k]) k++;
  if (k > ROOT_ORDER) {
    if (add_root() < 0) return 0;
    k = ROOT_ORDER;
  }
  b = lists[k].fd;
  remove_block(b);
  while (k > order) {
    k--;
    push((struct block *)((char *)b + ((size_t)1 << k)), k); /* upper half stays free */
  }
  b->back = 0;
  b->tag = tag_of(order, USED);
  return b;
}

static void *buddy_malloc(size_t n) {
  struct block *b;
  if (n > MAX_REQUEST) return __malloc_enomem();
  if (n > ROOT_SIZE - 8) return __big_alloc(n);
  b = take(order_for(n + 8));
  if (!b) return __malloc_enomem();
  return (char *)b + 8;
}

/* Gives free whole roots at the top of the heap back to the kernel (keeping one). */
static void trim(void) {
  struct segment *s = &segments[nsegments - 1];
  while (s->end - s->start > (ptrdiff_t)ROOT_SIZE) {
    struct block *last = (struct block *)(s->end - ROOT_SIZE);
    if (last->tag != tag_of(ROOT_ORDER, FREE) || (char *)sbrk(0) != s->end) return;
    remove_block(last);
    if (!__malloc_sbrk(-(ptrdiff_t)ROOT_SIZE)) {
      push(last, ROOT_ORDER);
      return;
    }
    s->end -= ROOT_SIZE;
  }
}

/* Frees block b of the given order, merging with free buddies. */
static void release(struct block *b, unsigned order) {
  while (order < ROOT_ORDER) {
    size_t offset = (size_t)((char *)b - base);
    struct block *buddy = (struct block *)(base + (offset ^ ((size_t)1 << order)));
    if (buddy->tag != tag_of(order, FREE)) break;
    remove_block(buddy);
    if (buddy < b) b = buddy;
    order++;
  }
  push(b, order);
  if (order == ROOT_ORDER) trim();
}

/* Finds the block of a user pointer, validating its header; aborts on misuse. */
static struct block *checked(void *mem) {
  struct block *b = (struct block *)((char *)mem - 8);
  if (((size_t)mem & 7) || !in_heap((char *)b) || !valid_tag(b))
    __malloc_fail("free of a pointer malloc never returned", mem);
  if (state_of(b) == INNER) {
    b = (struct block *)((char *)b - b->back);
    if (!in_heap((char *)b) || !valid_tag(b) || state_of(b) != USED)
      __malloc_fail("corrupted chunk header (aligned block)", mem);
  }
  if (state_of(b) == FREE) __malloc_fail("double free (block already free)", mem);
  if (state_of(b) != USED || order_of(b) < MIN_ORDER || order_of(b) > ROOT_ORDER ||
      ((size_t)((char *)b - base) & (((size_t)1 << order_of(b)) - 1)))
    __malloc_fail("corrupted chunk header", mem);
  return b;
}

static void buddy_free(void *mem) {
  struct block *b;
  if (!mem) return;
  if (__big_tagged(mem)) {
    __big_free(mem);
    return;
  }
  b = checked(mem);
  release(b, order_of(b));
}

static size_t buddy_usable(void *mem) {
  struct block *b;
  if (__big_tagged(mem)) return __big_usable(mem);
  b = checked(mem);
  return ((size_t)1 << order_of(b)) - (size_t)((char *)mem - (char *)b);
}

static void *buddy_realloc(void *mem, size_t n) {
  struct block *b;
  unsigned order, want;
  void *fresh;
  size_t have;
  if (__big_tagged(mem)) return __big_realloc(mem, n, buddy_malloc);
  b = checked(mem);
  order = order_of(b);
  if ((char *)mem == (char *)b + 8 && n <= ROOT_SIZE - 8) {
    want = order_for(n + 8);
    while (order > want) { /* shrink: free upper halves */
      order--;
      release((struct block *)((char *)b + ((size_t)1 << order)), order);
    }
    while (order < want) { /* grow while the upper buddy is free */
      size_t offset = (size_t)((char *)b - base);
      struct block *buddy = (struct block *)((char *)b + ((size_t)1 << order));
      if ((offset & ((size_t)1 << order)) || buddy->tag != tag_of(order, FREE)) break;
      remove_block(buddy);
      order++;
    }
    b->tag = tag_of(order, USED);
    if (order == want) return mem;
  }
  have = ((size_t)1 << order) - (size_t)((char *)mem - (char *)b);
  fresh = buddy_malloc(n);
  if (!fresh) return 0;
  memcpy(fresh, mem, n < have ? n : have);
  release(b, order);
  return fresh;
}

static void *buddy_memalign(size_t align, size_t n) {
  struct block *b, *inner;
  if (n + align + 8 > ROOT_SIZE) return __big_alloc_aligned(align, n);
  b = take(order_for(n + align + 8));
  if (!b) return __malloc_enomem();
  /* blocks are aligned to their size, which exceeds align: b + align is aligned */
  inner = (struct block *)((char *)b + align - 8);
  inner->back = align - 8;
  inner->tag = tag_of(order_of(b), INNER);
  return (char *)b + align;
}

static size_t walk(struct mallinfo *mi) {
  int i;
  size_t count = 0;
  for (i = 0; i < nsegments; i++) {
    char *p = segments[i].start;
    while (p < segments[i].end) {
      struct block *b = (struct block *)p;
      size_t size;
      if (!valid_tag(b) || order_of(b) < MIN_ORDER || order_of(b) > ROOT_ORDER)
        __malloc_fail("heap check: corrupted block header", p + 8);
      size = (size_t)1 << order_of(b);
      if (mi) {
        if (state_of(b) == FREE) {
          mi->ordblks++;
          mi->fordblks += size;
          if (size > mi->largest) mi->largest = size;
        } else {
          mi->uordblks += size;
        }
      }
      p += size;
      count++;
    }
  }
  return count;
}

static void buddy_info(struct mallinfo *mi) {
  walk(mi);
  mi->uordblks += __malloc_counters.mmap_bytes;
}

static size_t buddy_check(void) {
  return walk(0);
}

/* No top chunk; base (offsets, and so buddies, are computed from it) in the base slot; the order
 * lists as rings (ring i is order i). */
static const struct malloc_heap_desc buddy_heap = {
  HEAP_DESC_MAGIC, HEAP_DESC_VERSION, HEAP_POLICY_BUDDY, &base, 0, 0, lists, ROOT_ORDER + 1,
  sizeof(struct block), 0, 0, 0, segments, &nsegments, &__malloc_counters,
};

const struct malloc_policy __malloc_buddy = {
  "buddy", buddy_malloc, buddy_free, buddy_realloc, buddy_memalign, buddy_usable, buddy_info,
  buddy_check, &buddy_heap,
};
