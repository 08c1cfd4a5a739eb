/* mapdemo [SECONDS]: mallocs 64 KiB (heap) and mmaps 2 MiB (both touched), prints its pid and the addresses, then
 * sleeps (default 60 s) so that pmap and /proc/PID/maps can show the mappings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  struct timespec ts;
  char *heap = malloc(64 << 10);
  char *map = mmap(0, 2 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (!heap || map == MAP_FAILED) {
    fprintf(stderr, "mapdemo: allocation failed\n");
    return 1;
  }
  memset(heap, 1, 64 << 10);
  memset(map, 2, 2 << 20);
  printf("mapdemo pid %d: malloc %p, mmap %p\n", (int)getpid(), (void *)heap, (void *)map);
  fflush(stdout);
  ts.tv_sec = argc > 1 ? atoi(argv[1]) : 60;
  ts.tv_nsec = 0;
  nanosleep(&ts, 0);
  return 0;
}
