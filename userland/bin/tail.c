/* tail [-n N] [FILE]: the last N lines (default 10). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  long n = 10, count = 0, i, start;
  int a = 1;
  FILE *f = stdin;
  char **ring;
  char *line = 0;
  size_t cap = 0;
  if (a + 1 < argc && strcmp(argv[a], "-n") == 0) { n = atol(argv[a + 1]); a += 2; }
  else if (a < argc && argv[a][0] == '-' && argv[a][1] >= '0' && argv[a][1] <= '9') { n = atol(argv[a] + 1); a++; }
  if (a < argc) {
    f = fopen(argv[a], "r");
    if (!f) { fprintf(stderr, "tail: %s: %s\n", argv[a], strerror(errno)); return 1; }
  }
  if (n <= 0) return 0;
  ring = calloc(n, sizeof *ring);
  while (getline(&line, &cap, f) >= 0) {
    free(ring[count % n]);
    ring[count % n] = strdup(line);
    count++;
  }
  start = count > n ? count - n : 0;
  for (i = start; i < count; i++) fputs(ring[i % n], stdout);
  return 0;
}
