#include <stdio.h>
int main(int argc, char **argv) {
  printf("hello %s %d %5.3x|%-4s|%lld\n", argv[0] ? "x" : "y", argc, 42, "ab", -1234567890123LL);
  return 0;
}
