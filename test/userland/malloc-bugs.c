/* One heap bug per mode (argv[1]), for MALLOC_DEBUG's tests (malloc-debug.test.ts). Each bug is made
 * in a function of its own so the report's call sites have names to check. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *kept;
static int calls;

/* The statements after each call keep it from being a tail call, whose callee would see main's ra. */
char *allocate_block(size_t n) {
  char *p = malloc(n);
  calls++;
  return p;
}
void release_block(char *p) {
  free(p);
  calls++;
}
void leak_some(void) { kept = malloc(100); }

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "clean";
  char *p = allocate_block(16);
  int i;
  if (!strcmp(mode, "double")) {
    release_block(p);
    free(p);
  } else if (!strcmp(mode, "wild")) {
    free(p + 4);
  } else if (!strcmp(mode, "overflow")) {
    p[16] = 1;
    release_block(p);
  } else if (!strcmp(mode, "underflow")) {
    p[-1] = 1;
    release_block(p);
  } else if (!strcmp(mode, "after-free")) {
    release_block(p);
    p[3] = 7;
    for (i = 0; i < 2000; i++) free(malloc(8)); /* pushes p out of the quarantine */
  } else if (!strcmp(mode, "realloc-freed")) {
    release_block(p);
    p = realloc(p, 32);
  } else if (!strcmp(mode, "leak")) {
    leak_some();
    free(p);
    p = calloc(3, 10);
    p = realloc(p, 40);
  } else {
    char *q = memalign(64, 10);
    p = realloc(p, 64);
    if ((size_t)q % 64 || malloc_usable_size(p) != 64) return 3;
    free(q);
    free(p);
  }
  printf("survived %s\n", mode);
  return 0;
}
