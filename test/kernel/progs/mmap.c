#include "rt.h"
/* mmap 1 MiB and 8 MiB, fill them, unmap them; then the edge cases both kernels agree on. */
static int fill(unsigned char *p, u32 len) {
  u32 bad = 0;
  for (u32 i = 0; i < len; i += 4096) { bad += p[i] != 0; p[i] = 7; }
  for (u32 i = 0; i < len; i += 4096) bad += p[i] != 7;
  return bad;
}
int main(void) {
  unsigned char *a = mmap_(0, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
  kv("mmap1_ok", (u32)a < 0xfffff000u && ((u32)a & 4095) == 0);
  kv("mmap1_bad", fill(a, 1 << 20));
  kv("munmap1", sc2(SYS_munmap, a, 1 << 20));
  unsigned char *b = mmap_(0, 8 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
  kv("mmap8_ok", (u32)b < 0xfffff000u);
  kv("mmap8_bad", fill(b, 8 << 20));
  kv("munmap_middle", sc2(SYS_munmap, b + (1 << 20), 4096));
  kv("munmap8", sc2(SYS_munmap, b, 8 << 20));
  kv("munmap_again", sc2(SYS_munmap, b, 8 << 20));
  kv("mmap_len0", (long)mmap_(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS));
  kv("munmap_unaligned", sc2(SYS_munmap, (u32)b + 1, 4096));
  unsigned char *c = mmap_(0, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
  kv("mprotect", sc3(SYS_mprotect, c + 4096, 4096, PROT_READ));
  c[0] = 1; c[8192] = 2;
  kv("reads", c[0] + c[4096] + c[8192]);
  unsigned char *d = mmap_(c + 4096, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED);
  kv("fixed_same", d == c + 4096);
  d[0] = 9;
  kv("fixed_write", d[0]);
  return 0;
}
