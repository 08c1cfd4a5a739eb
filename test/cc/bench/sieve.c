#include "test.h"
/* Benchmark: sieve of Eratosthenes, counted primes below 20000. */
static char composite[20000];
int main(void) {
  int count = 0;
  for (int i = 2; i < 20000; i++) {
    if (composite[i]) continue;
    count++;
    for (int j = i * 2; j < 20000; j += i) composite[j] = 1;
  }
  ASSERT(2262, count);
  return t_done("sieve");
}
