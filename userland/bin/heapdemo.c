/* heapdemo [N]: a heap to look at. Allocates N blocks (default 1000) of 8 to 200 bytes, frees every
 * third, prints its pid and mallinfo's figures, then waits for Enter: meanwhile `heap PID` in another
 * shell job, or the page's heap panel, shows the blocks. Try it under each MALLOC_POLICY. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1000, i;
  void **blocks;
  struct mallinfo mi;
  char c;
  if (n < 1) {
    fprintf(stderr, "usage: heapdemo [N]\n");
    return 2;
  }
  blocks = malloc((size_t)n * sizeof *blocks);
  if (!blocks) return 1;
  for (i = 0; i < n; i++) blocks[i] = malloc((size_t)(8 + (i * 53) % 193));
  for (i = 0; i < n; i += 3) free(blocks[i]);
  mi = mallinfo();
  printf("heapdemo %d: %d blocks under %s, %u bytes in use, %u free; Enter ends\n", (int)getpid(), n,
         malloc_policy(), (unsigned)mi.uordblks, (unsigned)mi.fordblks);
  fflush(stdout);
  while (read(0, &c, 1) == 1 && c != '\n') continue;
  return 0;
}
