#include "rt.h"
/* One fault per argv[1]: ill, ebreak, misjump, fetchdata, kernel, stackflow, exec-nx. */
static u32 data_word = 0x00000013; /* nop, in data: fetching it must fault */
static int streq(const char *a, const char *b) { while (*a && *a == *b) { a++; b++; } return *a == *b; }
static int blow(int n) { volatile char big[4096]; big[0] = (char)n; return blow(n + 1) + big[0]; }
int main(int argc, char **argv) {
  const char *w = argc > 1 ? argv[1] : "";
  if (streq(w, "ill")) __asm__ volatile(".word 0");
  if (streq(w, "ebreak")) __asm__ volatile("ebreak");
  if (streq(w, "misjump")) { void (*f)(void) = (void (*)(void))((u32)(void *)main + 2); f(); }
  if (streq(w, "fetchdata")) { void (*f)(void) = (void (*)(void))&data_word; f(); }
  if (streq(w, "kernel")) return *(volatile int *)0xc0000000;
  if (streq(w, "stackflow")) return blow(0);
  if (streq(w, "wild")) return *(volatile int *)0x40000000;
  return 0;
}
