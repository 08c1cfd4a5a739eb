/* qsort: heapsort (O(n log n) always, no recursion, no allocation); not stable, as C allows. */
#include <stdlib.h>

static void swap_bytes(unsigned char *a, unsigned char *b, size_t size) {
  while (size--) {
    unsigned char t = *a;
    *a++ = *b;
    *b++ = t;
  }
}

/* Moves the element at root down until the subtree of [0, n) under it is a max-heap. */
static void sift_down(unsigned char *base, size_t root, size_t n, size_t size,
                      int (*cmp)(const void *, const void *)) {
  for (;;) {
    size_t child = 2 * root + 1;
    if (child >= n) return;
    if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0) child++;
    if (cmp(base + root * size, base + child * size) >= 0) return;
    swap_bytes(base + root * size, base + child * size, size);
    root = child;
  }
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
  unsigned char *b = base;
  size_t i;
  if (n < 2 || size == 0) return;
  for (i = n / 2; i > 0; i--) sift_down(b, i - 1, n, size, cmp);
  for (i = n - 1; i > 0; i--) {
    swap_bytes(b, b + i * size, size);
    sift_down(b, 0, i, size, cmp);
  }
}
