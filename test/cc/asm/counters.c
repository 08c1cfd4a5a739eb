/* The user counters read from C with extended asm: instret counts the instructions retired between two
 * reads (Pagoda counts exactly one per instruction), cycle and time do not go backwards. */
#include "test.h"

static unsigned instret(void) {
  unsigned v;
  asm volatile("rdinstret %0" : "=r"(v));
  return v;
}

static unsigned cycle(void) {
  unsigned v;
  asm volatile("rdcycle %0" : "=r"(v));
  return v;
}

/* A loop of a known number of instructions per iteration: addi, bnez. */
static void spin(unsigned n) {
  asm volatile("1: addi %0, %0, -1\n\tbnez %0, 1b" : "+r"(n));
}

int main(void) {
  unsigned a = instret();
  unsigned b = instret();
  ASSERT(1, b - a >= 1 && b - a < 20);
  unsigned before = instret();
  spin(1000);
  unsigned after = instret();
  /* 2000 in the loop, plus the calls and moves around it */
  ASSERT(1, after - before >= 2000 && after - before < 2100);
  unsigned c0 = cycle();
  spin(10);
  ASSERT(1, cycle() - c0 >= 20);
  return t_done("counters");
}
