/* fputc, putc, putchar, fputs, puts, fwrite. */
#include "stdio_impl.h"
#include <string.h>

int fputc(int c, FILE *f) {
  unsigned char b = (unsigned char)c;
  return __fwritex(&b, 1, f) == 1 ? b : EOF;
}

int putc(int c, FILE *f) {
  return fputc(c, f);
}

int putchar(int c) {
  return fputc(c, stdout);
}

int fputs(const char *s, FILE *f) {
  size_t n = strlen(s);
  return __fwritex((const unsigned char *)s, n, f) == n ? 0 : EOF;
}

int puts(const char *s) {
  if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF) return EOF;
  return 0;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f) {
  size_t total = size * n;
  if (!size || !n) return 0;
  return __fwritex(p, total, f) / size;
}
