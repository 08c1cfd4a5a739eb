/* memwalk: sums N numbers held in an array or in a linked list, to show what memory access patterns cost
 * (README "What memory costs"): run it under `perf stat --cache l1d=32k:8:64,l2=512k:16:64`.
 *
 *   memwalk array|list|sorted-list [N] [PASSES]   (default N 100000, PASSES 4)
 *
 * array: N ints in one block, walked in order. list: N nodes from malloc, linked in a shuffled order, so each
 * step jumps somewhere else in the heap. sorted-list: the same nodes linked in address order. Prints the sum. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
  struct node *next;
  int value;
};

static unsigned rng = 12345;
static unsigned next_random(void) {
  rng = rng * 1103515245u + 12345u;
  return rng >> 8;
}

static long long walk_list(int n, int passes, int shuffled) {
  struct node **nodes = malloc(n * sizeof *nodes), *head = 0, *p;
  long long sum = 0;
  int i, r;
  for (i = 0; i < n; i++) {
    nodes[i] = malloc(sizeof **nodes);
    nodes[i]->value = i;
  }
  if (shuffled)
    for (i = n - 1; i > 0; i--) {
      int j = (int)(next_random() % (unsigned)(i + 1));
      struct node *t = nodes[i];
      nodes[i] = nodes[j];
      nodes[j] = t;
    }
  for (i = n - 1; i >= 0; i--) {
    nodes[i]->next = head;
    head = nodes[i];
  }
  for (r = 0; r < passes; r++)
    for (p = head; p; p = p->next) sum += p->value;
  return sum;
}

static long long walk_array(int n, int passes) {
  int *a = malloc(n * sizeof *a);
  long long sum = 0;
  int i, r;
  for (i = 0; i < n; i++) a[i] = i;
  for (r = 0; r < passes; r++)
    for (i = 0; i < n; i++) sum += a[i];
  return sum;
}

int main(int argc, char **argv) {
  int n = argc > 2 ? atoi(argv[2]) : 100000, passes = argc > 3 ? atoi(argv[3]) : 4;
  if (argc < 2 || n <= 0 || passes < 0) {
    fprintf(stderr, "usage: memwalk array|list|sorted-list [N] [PASSES]\n");
    return 2;
  }
  if (strcmp(argv[1], "array") == 0) printf("%lld\n", walk_array(n, passes));
  else if (strcmp(argv[1], "list") == 0) printf("%lld\n", walk_list(n, passes, 1));
  else if (strcmp(argv[1], "sorted-list") == 0) printf("%lld\n", walk_list(n, passes, 0));
  else {
    fprintf(stderr, "memwalk: unknown walk %s\n", argv[1]);
    return 2;
  }
  return 0;
}
