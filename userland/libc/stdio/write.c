/* __fwritex and fflush: the buffered write path. */
#include "stdio_impl.h"
#include <unistd.h>
#include <errno.h>
#include <string.h>

/* Writes all n bytes to fd, retrying after partial writes and EINTR. Returns 0 or -1. */
static int write_all(int fd, const unsigned char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

int fflush(FILE *f) {
  if (!f) {
    __stdio_flush_all();
    return 0;
  }
  if (f->wpos) {
    size_t n = f->wpos;
    f->wpos = 0;
    if (write_all(f->fd, f->buf, n) < 0) {
      f->flags |= __F_ERR;
      return EOF;
    }
  }
  return 0;
}

size_t __fwritex(const unsigned char *data, size_t n, FILE *f) {
  size_t room;
  if (!(f->flags & __F_WRITE)) {
    f->flags |= __F_ERR;
    errno = EBADF;
    return 0;
  }
  __stdio_prepare(f);
  if ((f->flags & __F_NBF) || !f->buf) {
    if (fflush(f) == EOF || write_all(f->fd, data, n) < 0) {
      f->flags |= __F_ERR;
      return 0;
    }
    return n;
  }
  room = f->size - f->wpos;
  if (n > room) {
    if (fflush(f) == EOF) return 0;
    if (n >= f->size) {
      if (write_all(f->fd, data, n) < 0) {
        f->flags |= __F_ERR;
        return 0;
      }
      return n;
    }
  }
  memcpy(f->buf + f->wpos, data, n);
  f->wpos += n;
  if ((f->flags & __F_LBF) && memchr(data, '\n', n) && fflush(f) == EOF) return 0;
  return n;
}
