#include "rt.h"
/* brk grow, write, shrink, grow again: the re-grown memory reads as zero. */
int main(void) {
  u32 start = sc1(SYS_brk, 0);
  u32 grown = sc1(SYS_brk, start + (1 << 20));
  kv("grow_ok", grown == start + (1 << 20));
  unsigned char *p = (unsigned char *)start;
  for (u32 i = 0; i < (1 << 20); i += 4096) p[i] = 0x5a;
  u32 shrunk = sc1(SYS_brk, start + 4096);
  kv("shrink_ok", shrunk == start + 4096);
  u32 regrown = sc1(SYS_brk, start + (1 << 20));
  kv("regrow_ok", regrown == start + (1 << 20));
  u32 nz = 0;
  for (u32 i = 8192; i < (1 << 20); i += 4096) nz += p[i] != 0;
  kv("nonzero_after_regrow", nz);
  kv("first_page_kept", p[0] == 0x5a);
  kv("below_start_refused", sc1(SYS_brk, start - 4096) == regrown);
  return 0;
}
