/* printf, fprintf, vprintf, vfprintf, dprintf, vdprintf: __format into a stream or descriptor. */
#include "stdio_impl.h"
#include <unistd.h>

static void put_file(struct sink *s, const char *p, size_t n) {
  if (__fwritex((const unsigned char *)p, n, s->file) != n) s->failed = 1;
}

int vfprintf(FILE *f, const char *fmt, va_list ap) {
  struct sink s;
  s.put = put_file;
  s.count = 0;
  s.failed = 0;
  s.file = f;
  return __format(&s, fmt, ap);
}

int vprintf(const char *fmt, va_list ap) {
  return vfprintf(stdout, fmt, ap);
}

int fprintf(FILE *f, const char *fmt, ...) {
  va_list ap;
  int r;
  va_start(ap, fmt);
  r = vfprintf(f, fmt, ap);
  va_end(ap);
  return r;
}

int printf(const char *fmt, ...) {
  va_list ap;
  int r;
  va_start(ap, fmt);
  r = vfprintf(stdout, fmt, ap);
  va_end(ap);
  return r;
}

static void put_fd(struct sink *s, const char *p, size_t n) {
  while (n) {
    ssize_t w = write(s->fd, p, n);
    if (w <= 0) {
      s->failed = 1;
      return;
    }
    p += w;
    n -= (size_t)w;
  }
}

int vdprintf(int fd, const char *fmt, va_list ap) {
  struct sink s;
  s.put = put_fd;
  s.count = 0;
  s.failed = 0;
  s.fd = fd;
  return __format(&s, fmt, ap);
}

int dprintf(int fd, const char *fmt, ...) {
  va_list ap;
  int r;
  va_start(ap, fmt);
  r = vdprintf(fd, fmt, ap);
  va_end(ap);
  return r;
}
