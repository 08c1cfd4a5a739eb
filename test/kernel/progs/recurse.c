#include "rt.h"
/* Deep recursion: about 4 MiB of stack, grown a page at a time by faults. */
static u32 depth(u32 n, volatile char *prev) {
  volatile char frame[48];
  frame[0] = (char)n;
  frame[47] = prev ? prev[0] : 0;
  if (n == 0) return 0;
  return 1 + depth(n - 1, frame) + (frame[0] & 0);
}
int main(void) {
  kv("depth", depth(60000, 0));
  return 0;
}
