/* cat [FILE...]: copies each file (or standard input, also for "-") to standard output. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int copy(int fd, const char *name) {
  static char buf[8192];
  long n;
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    long off = 0;
    while (off < n) {
      long w = write(1, buf + off, n - off);
      if (w <= 0) return 1;
      off += w;
    }
  }
  if (n < 0) {
    fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  int i, status = 0;
  if (argc < 2) return copy(0, "-");
  for (i = 1; i < argc; i++) {
    int fd = strcmp(argv[i], "-") == 0 ? 0 : open(argv[i], O_RDONLY);
    if (fd < 0) {
      fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
      status = 1;
      continue;
    }
    status |= copy(fd, argv[i]);
    if (fd != 0) close(fd);
  }
  return status;
}
