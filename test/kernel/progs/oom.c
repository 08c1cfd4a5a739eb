#include "rt.h"
/* mmap 1 MiB pieces, touching every page, until memory runs out; unmap all; map again. */
static unsigned char *got[1024];
int main(void) {
  int n = 0;
  long err = 0;
  for (; n < 1024; n++) {
    unsigned char *p = mmap_(0, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
    if ((u32)p >= 0xfffff000u) { err = (long)p; break; }
    for (u32 i = 0; i < (1 << 20); i += 4096) p[i] = 1;
    got[n] = p;
  }
  kv("mapped_some", n > 4);
  kv("error", err);
  for (int i = 0; i < n; i++) sc2(SYS_munmap, got[i], 1 << 20);
  unsigned char *again = mmap_(0, 4 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
  kv("again_ok", (u32)again < 0xfffff000u);
  for (u32 i = 0; i < (4 << 20); i += 4096) again[i] = 2;
  return n;
}
