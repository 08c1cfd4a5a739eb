#include "rt.h"
/* Pagoda's sbrk (1000): the adversarial cases from the issue. */
static long sbrk_(long inc) { return sc1(SYS_sbrk, inc); }
int main(int argc, char **argv) {
  u32 start = sbrk_(0);
  u32 prev = start, contiguous = 1;
  for (int i = 0; i < 5000; i++) { u32 p = sbrk_(1); contiguous &= p == prev; prev = p + 1; *(char *)p = 1; }
  kv("contiguous", contiguous);
  kv("after", sbrk_(0) - start);
  kv("shrink_to_start", sbrk_(-5000) == (long)(start + 5000));
  kv("at_start", sbrk_(0) == (long)start);
  kv("below_start", sbrk_(-1));
  kv("wrap", sbrk_(0x80000004));
  kv("huge", sbrk_(0x7ffff000));
  sbrk_(8192);
  char *p = (char *)start;
  p[4096] = 7;
  kv("small_shrink", sbrk_(-100) == (long)(start + 8192));
  kv("kept", p[4096]);
  sbrk_(-(8192 - 100));
  kv("given_back_to_kernel", sc3(SYS_write, 1, p + 4096, 1));
  sbrk_(8192);
  kv("regrown_zero", p[4096]);
  sbrk_(-8192);
  if (argc > 1) { puts_("touching given-back memory\n"); p[4096] = 1; }
  return 0;
}
