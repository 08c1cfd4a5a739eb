#include "test.h"
/* Benchmark: insertion sort and a checksum over pseudo-random ints. */
static int a[600];
static unsigned seed = 12345;
static unsigned rnd(void) { seed = seed * 1103515245u + 12345u; return seed >> 8; }
static void sort(int *v, int n) {
  for (int i = 1; i < n; i++) {
    int x = v[i], j = i - 1;
    while (j >= 0 && v[j] > x) { v[j + 1] = v[j]; j--; }
    v[j + 1] = x;
  }
}
int main(void) {
  for (int i = 0; i < 600; i++) a[i] = (int)(rnd() % 10000);
  sort(a, 600);
  int ok = 1;
  for (int i = 1; i < 600; i++) if (a[i - 1] > a[i]) ok = 0;
  ASSERT(1, ok);
  long long sum = 0;
  for (int i = 0; i < 600; i++) sum += a[i] * (long long)(i + 1);
  ASSERT(sum, sum);
  return t_done("sort");
}
