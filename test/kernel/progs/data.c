#include "rt.h"
/* Initialized data, read-only data, bss: values as linked, bss zero, all writable where they should be. */
static const char message[] = "rodata says hi";
int counter = 41;
static int table[5] = {1, 2, 3, 4, 5};
static int zeroes[1000];
int main(void) {
  counter++;
  int sum = 0, nz = 0;
  for (int i = 0; i < 5; i++) { table[i] *= 2; sum += table[i]; }
  for (int i = 0; i < 1000; i++) { nz += zeroes[i] != 0; zeroes[i] = i; }
  puts_(message); puts_("\n");
  kv("counter", counter);
  kv("table_sum", sum);
  kv("bss_nonzero", nz);
  kv("bss_after", zeroes[999]);
  return 0;
}
