/* Checks the dl policy's realloc placement rules (run by dl-realloc.test.ts on a fresh heap):
 * a shrink to 3/4 or less moves into the best-fitting free chunk, a shrink with no free chunk
 * that fits stays in place, and a growth that no free chunk serves slides down over the free
 * chunk before the block. Blocks sink: a shrinking block moves into the lowest hole below it that
 * fits, and a growth that must move takes the lowest hole below rather than the best-fitting one,
 * while a growth into the free chunk after the block stays in place. Contents survive each move
 * and the heap stays consistent. */
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

/* Fresh blocks come from the top in address order; each hole is fenced by a small block. */
static void sinking(void) {
  unsigned char *low, *mid, *b, *c, *z, *y, *f1, *f2, *f3, *f4, *g1, *g2, *g3;
  low = malloc(3000);
  f1 = malloc(16);
  mid = malloc(1200);
  f2 = malloc(16);
  z = malloc(4000);
  f3 = malloc(16);
  free(low);
  free(mid);
  fill(z, 4000, 4);
  y = realloc(z, 1000);
  check(y == low, "a shrinking block sinks into the lowest hole below it that fits, not the best fit");
  check(intact(y, 1000, 4), "the sunk block keeps its contents");
  /* the lowest holes now: what is left of low (about 2000 bytes), mid (1200), z's place (4000) */
  b = malloc(2000);
  c = malloc(2000);
  f4 = malloc(16);
  free(c);
  fill(b, 2000, 5);
  y = realloc(b, 3000);
  check(y == b, "a growth into the free chunk after the block stays in place even when a lower hole fits");
  check(intact(y, 2000, 5), "the block grown in place keeps its contents");
  /* two holes below a block that must move to grow: low fits amply, mid fits best (every block
   * here is larger than any hole left so far, so they come from the top in address order) */
  low = malloc(12000);
  g1 = malloc(9000);
  mid = malloc(10000);
  g2 = malloc(9000);
  z = malloc(6000);
  g3 = malloc(9000);
  free(low);
  free(mid);
  fill(z, 6000, 6);
  c = realloc(z, 9000);
  check(c == low, "a growth that must move takes the lowest hole below that fits, not the best fit");
  check(intact(c, 6000, 6), "the moved block keeps its contents");
  check(malloc_check_heap() > 0, "the heap is consistent after sinking");
  free(c);
  free(y);
  free(f1);
  free(f2);
  free(f3);
  free(f4);
  free(g1);
  free(g2);
  free(g3);
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
  sinking();
  check(malloc_check_heap() > 0, "the heap is consistent at the end");
  return failures ? 1 : 0;
}
