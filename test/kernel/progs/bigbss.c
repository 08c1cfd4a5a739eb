#include "rt.h"
/* 3 MiB of bss: every page starts zero, takes a write, and keeps it. */
static unsigned char big[3 << 20];
int main(void) {
  u32 nz = 0, sum = 0;
  for (u32 i = 0; i < sizeof big; i += 4096) { nz += big[i] != 0; big[i] = (unsigned char)(i >> 12); }
  for (u32 i = 0; i < sizeof big; i += 4096) sum += big[i];
  kv("pages", sizeof big / 4096);
  kv("nonzero_before", nz);
  kv("sum", sum);
  return 0;
}
