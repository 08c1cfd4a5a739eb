/* Checks the dl policy's realloc placement rules (run by dl-realloc.test.ts on a fresh heap):
 * a shrink to 3/4 or less moves into the best-fitting free chunk, a shrink with no free chunk
 * that fits stays in place, and a growth that no free chunk serves slides down over the free
 * chunk before the block. Contents survive each move and the heap stays consistent. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>

static int failures;

static void fill(unsigned char *p, size_t n, unsigned seed) {
  size_t i;
  for (i = 0; i < n; i++) p[i] = (unsigned char)(seed + i * 7);
}

static int intact(const unsigned char *p, size_t n, unsigned seed) {
  size_t i;
  for (i = 0; i < n; i++)
    if (p[i] != (unsigned char)(seed + i * 7)) return 0;
  return 1;
}

static void check(int ok, const char *what) {
  printf("%s %s\n", ok ? "ok" : "FAIL", what);
  if (!ok) failures++;
}

int main(void) {
  unsigned char *a, *b, *guard, *hole, *x, *y, *z;
  /* growth over the previous free chunk: a is freed, b cannot grow into c and no bin fits */
  a = malloc(2000);
  b = malloc(3000);
  guard = malloc(200);
  fill(b, 3000, 1);
  free(a);
  y = realloc(b, 4500);
  check(y == a, "a growth no free chunk serves slides down over the free chunk before it");
  check(intact(y, 3000, 1), "the slid block keeps its contents");
  check(malloc_check_heap() > 0, "the heap is consistent after sliding");
  /* shrink by moving: a 500-byte hole exists, an 8000-byte block shrinks to 400 */
  hole = malloc(500);
  x = malloc(200);
  free(hole);
  z = malloc(8000);
  fill(z, 8000, 2);
  y = realloc(z, 400);
  check(y == hole, "a shrink to a quarter moves into the best-fitting free chunk");
  check(intact(y, 400, 2), "the moved block keeps its contents");
  check(malloc_check_heap() > 0, "the heap is consistent after the move");
  /* no free chunk fits: the shrink happens in place */
  z = malloc(6000);
  fill(z, 6000, 3);
  y = realloc(z, 3000);
  check(y == z, "a shrink with no fitting free chunk stays in place");
  check(intact(y, 3000, 3), "the shrunk block keeps its contents");
  free(y);
  free(x);
  free(guard);
  free(malloc(100));
  check(malloc_check_heap() > 0, "the heap is consistent at the end");
  return failures ? 1 : 0;
}
