/* env: prints the environment, one NAME=VALUE per line. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
  char **e;
  for (e = environ; *e; e++) printf("%s\n", *e);
  return 0;
}
