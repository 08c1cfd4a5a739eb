/* getdents64 and the directory streams opendir/readdir/closedir built on it. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../arch/riscv32/syscall_arch.h"

int getdents64(int fd, void *buf, size_t len) {
  return (int)__syscall_ret(__syscall3(SYS_getdents64, fd, (long)buf, (long)len));
}

DIR *opendir(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *d;
  if (fd < 0) return 0;
  d = malloc(sizeof *d);
  if (!d) {
    close(fd);
    return 0;
  }
  d->fd = fd;
  d->pos = d->len = 0;
  return d;
}

/* The record layout the kernel writes: ino 8, off 8, reclen 2, type 1, name. */
struct dirent *readdir(DIR *d) {
  struct dirent *e;
  if (d->pos >= d->len) {
    int n = getdents64(d->fd, d->buf, sizeof d->buf);
    if (n <= 0) return 0;
    d->len = n;
    d->pos = 0;
  }
  e = (struct dirent *)(d->buf + d->pos);
  d->pos += e->d_reclen;
  return e;
}

int closedir(DIR *d) {
  int r = close(d->fd);
  free(d);
  return r;
}
