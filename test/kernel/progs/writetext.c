#include "rt.h"
int main(void) {
  puts_("about to write to text\n");
  *(volatile u32 *)(void *)main = 0;
  puts_("still alive?\n");
  return 0;
}
