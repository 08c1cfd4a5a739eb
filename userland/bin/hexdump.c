/* hexdump [-C] [FILE]: offset, 16 bytes in hex, and their printable characters (canonical form). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  unsigned char buf[16];
  unsigned long off = 0;
  int fd = 0, i = 1, n;
  if (i < argc && strcmp(argv[i], "-C") == 0) i++;
  if (i < argc) {
    fd = open(argv[i], O_RDONLY);
    if (fd < 0) { fprintf(stderr, "hexdump: %s: %s\n", argv[i], strerror(errno)); return 1; }
  }
  for (;;) {
    int got = 0, j;
    while (got < 16 && (n = (int)read(fd, buf + got, 16 - got)) > 0) got += n;
    if (got == 0) break;
    printf("%08lx ", off);
    for (j = 0; j < 16; j++) {
      if (j == 8) printf(" ");
      if (j < got) printf(" %02x", buf[j]);
      else printf("   ");
    }
    printf("  |");
    for (j = 0; j < got; j++) putchar(buf[j] >= 32 && buf[j] < 127 ? buf[j] : '.');
    printf("|\n");
    off += got;
    if (got < 16) break;
  }
  if (off) printf("%08lx\n", off);
  return 0;
}
