/* hello.c: the tour's program (see /etc/motd). Change the greeting with `edit hello.c`, build it with
 * `cc -O1 -o hello hello.c`, run it with `./hello`. It stays a few seconds, so that the page's address-space
 * view (which follows the newest process) shows its text, data, heap and stack; `./hello 30 &` then
 * `pmap $!` lists the same regions in the terminal. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
  int seconds = argc > 1 ? atoi(argv[1]) : 5;
  char *greeting = malloc(64 * 1024);   /* a heap big enough to see */
  snprintf(greeting, 64 * 1024, "hello, world");
  printf("%s, from pid %d\n", greeting, getpid());
  sleep((unsigned)seconds);
  printf("bye\n");
  free(greeting);
  return 0;
}
