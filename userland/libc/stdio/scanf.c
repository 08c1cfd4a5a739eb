/* scanf, fscanf, sscanf, vscanf, vfscanf, vsscanf: __scan (scan.c) over a stream or a string. */
#include "stdio_impl.h"

int vfscanf(FILE *f, const char *fmt, va_list ap) {
  struct scan_in in;
  in.file = f;
  in.str = 0;
  in.count = 0;
  return __scan(&in, fmt, ap);
}

int vsscanf(const char *s, const char *fmt, va_list ap) {
  struct scan_in in;
  in.file = 0;
  in.str = s;
  in.count = 0;
  return __scan(&in, fmt, ap);
}

int vscanf(const char *fmt, va_list ap) {
  return vfscanf(stdin, fmt, ap);
}

int fscanf(FILE *f, const char *fmt, ...) {
  va_list ap;
  int r;
  va_start(ap, fmt);
  r = vfscanf(f, fmt, ap);
  va_end(ap);
  return r;
}

int sscanf(const char *s, const char *fmt, ...) {
  va_list ap;
  int r;
  va_start(ap, fmt);
  r = vsscanf(s, fmt, ap);
  va_end(ap);
  return r;
}

int scanf(const char *fmt, ...) {
  va_list ap;
  int r;
  va_start(ap, fmt);
  r = vfscanf(stdin, fmt, ap);
  va_end(ap);
  return r;
}
