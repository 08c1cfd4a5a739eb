/* The bins of the dl policy: exact small bins, sorted large bins, the bitmap of non-empty bins. */
#include "dl.h"

struct dl_state __dl;

static struct chunk *bin_head(unsigned i) {
  struct chunk *b = &__dl.bins[i];
  if (!b->fd) b->fd = b->bk = b; /* lazily initialised circular list */
  return b;
}

/* Small sizes: size / 8 (2..63). Large: 64 + 4 * (log2(size) - 9) + the next two bits. */
unsigned __dl_bin_index(size_t size) {
  unsigned b = 9; /* becomes floor(log2(size)) by binary search: 9 + 16 + 8 + 4 + 2 + 1 > 31 */
  if (size < SMALL_LIMIT) return (unsigned)(size >> 3);
  if (size >> (b + 16)) b += 16;
  if (size >> (b + 8)) b += 8;
  if (size >> (b + 4)) b += 4;
  if (size >> (b + 2)) b += 2;
  if (size >> (b + 1)) b += 1;
  return 64 + 4 * (b - 9) + (unsigned)((size >> (b - 2)) & 3);
}

void __dl_insert(struct chunk *p, size_t size) {
  unsigned i = __dl_bin_index(size);
  struct chunk *b = bin_head(i);
  struct chunk *after = b;
  if (i >= 64) {
    /* keep large bins ascending: insert before the first bigger chunk (after equal ones);
     * a chunk at least as big as the last one goes straight to the end */
    struct chunk *q = b->fd;
    if (b->bk != b && chunk_size(b->bk) <= size) q = b;
    while (q != b && chunk_size(q) <= size) q = q->fd;
    after = q->bk;
  } else {
    after = b->bk; /* small bins are FIFO */
  }
  p->fd = after->fd;
  p->bk = after;
  after->fd->bk = p;
  after->fd = p;
  __dl.binmap[i >> 5] |= 1u << (i & 31);
}

void __dl_unlink(struct chunk *p) {
  struct chunk *f = p->fd, *k = p->bk;
  if (!f || !k || f->bk != p || k->fd != p) __malloc_fail("corrupted free list", mem_of(p));
  f->bk = k;
  k->fd = f;
  if (f == k && f >= &__dl.bins[0] && f < &__dl.bins[NBINS]) {
    /* only the head is left in the ring: the bin is empty now */
    unsigned i = (unsigned)(f - __dl.bins);
    __dl.binmap[i >> 5] &= ~(1u << (i & 31));
  }
}

/* Index of the lowest set bit of x (x != 0): x & -x isolates it, and multiplying by a de Bruijn
 * sequence puts a distinct 5-bit pattern in the top bits for each of the 32 positions. */
static const unsigned char lowest_bit_position[32] = {
  0, 1, 28, 2, 29, 14, 24, 3, 30, 22, 20, 15, 25, 17, 4, 8,
  31, 27, 13, 23, 21, 19, 16, 7, 26, 12, 18, 6, 11, 5, 10, 9,
};
#define lowest_bit(x) lowest_bit_position[(((x) & -(x)) * 0x077cb531u) >> 27]

/* The first non-empty bin at index >= i, or NBINS: a word of the bitmap at a time. */
static unsigned next_bin(unsigned i) {
  const unsigned *w = &__dl.binmap[i >> 5];
  const unsigned *end = &__dl.binmap[NBINS / 32];
  unsigned word = *w & (~0u << (i & 31));
  while (!word) {
    if (++w == end) return NBINS;
    word = *w;
  }
  return (unsigned)(w - __dl.binmap) * 32 + lowest_bit(word);
}

struct chunk *__dl_take_fit(size_t nb) {
  unsigned i = __dl_bin_index(nb);
  struct chunk *b, *q;
  if (i >= 64 && (__dl.binmap[i >> 5] >> (i & 31)) & 1) {
    b = &__dl.bins[i];
    for (q = b->fd; q != b; q = q->fd)
      if (chunk_size(q) >= nb) {
        __dl_unlink(q);
        return q;
      }
    i++;
  }
  i = next_bin(i);
  if (i == NBINS) return 0;
  q = __dl.bins[i].fd; /* smallest of the bin: every chunk here is >= nb */
  __dl_unlink(q);
  return q;
}

/* The lowest-addressed binned chunk below `limit` with at least nb bytes, unlinked, or NULL.
 * Visits every non-empty bin from nb's upward (one bitmap word at a time): realloc pays this so
 * that blocks sink to the bottom of the heap (see dl_resize.c). */
struct chunk *__dl_take_lower(size_t nb, struct chunk *limit) {
  unsigned i = __dl_bin_index(nb);
  unsigned w = i >> 5;
  unsigned word = __dl.binmap[w] & (~0u << (i & 31));
  struct chunk *low = limit, *b, *q;
  for (;;) {
    while (word) {
      b = &__dl.bins[w * 32 + lowest_bit(word)];
      word &= word - 1;
      for (q = b->fd; q != b; q = q->fd)
        if (q < low && chunk_size(q) >= nb) low = q;
    }
    if (++w == NBINS / 32) break;
    word = __dl.binmap[w];
  }
  if (low == limit) return 0;
  __dl_unlink(low);
  return low;
}
