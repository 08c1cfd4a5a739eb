/* rand, srand (musl's 64-bit LCG, so sequences match musl), rand_r. */
#include <stdlib.h>

static unsigned long long seed;

void srand(unsigned s) {
  seed = s - 1;
}

int rand(void) {
  seed = 6364136223846793005ULL * seed + 1;
  return (int)(seed >> 33);
}

int rand_r(unsigned *state) {
  unsigned x = *state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *state = x;
  return (int)(x >> 1);
}
