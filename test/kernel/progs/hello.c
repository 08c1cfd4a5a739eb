#include "rt.h"
int main(int argc, char **argv) {
  puts_("hello from user mode\n");
  return argc > 1 ? 42 : 0;
}
