#include "rt.h"
int main(void) {
  puts_("about to dereference NULL\n");
  *(volatile int *)0 = 1;
  puts_("still alive?\n");
  return 0;
}
