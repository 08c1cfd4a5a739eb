/* chunks: the physical memory map from /proc/chunks, one cell per 2 MiB chunk ('#' used, '.' free), 32
 * chunks (64 MiB) per row with the row's start address, then the counts. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
  static char map[4096];
  int fd = open("/proc/chunks", O_RDONLY), n, i, used = 0, total = 0;
  if (fd < 0) { perror("chunks: /proc/chunks"); return 1; }
  n = (int)read(fd, map, sizeof map - 1);
  close(fd);
  if (n < 0) n = 0;
  printf("physical memory, 2 MiB per chunk ('#' used, '.' free):\n");
  for (i = 0; i < n && map[i] != '\n'; i++) {
    if (i % 32 == 0) printf("%s%08x  ", i ? "\n" : "", (unsigned)i * 2 * 1024 * 1024);
    putchar(map[i]);
    total++;
    if (map[i] == '#') used++;
  }
  printf("\n%d chunks, %d used, %d free\n", total, used, total - used);
  return 0;
}
