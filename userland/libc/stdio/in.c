/* fgetc, getc, getchar, ungetc, fgets, fread, getline: the buffered read path.
 * Before a stream's buffer is refilled, line-buffered output is flushed so prompts appear. */
#include "stdio_impl.h"
#include <unistd.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Refills f's buffer; returns the number of bytes now available (0 at end of file or error). */
static size_t refill(FILE *f) {
  ssize_t n;
  if (!(f->flags & __F_READ)) {
    f->flags |= __F_ERR;
    return 0;
  }
  __stdio_prepare(f);
  if (stdout->flags & __F_LBF) fflush(stdout);
  if (f->flags & __F_WRITE) fflush(f);
  do n = read(f->fd, f->buf, f->size);
  while (n < 0 && errno == EINTR);
  f->rpos = 0;
  f->rend = n > 0 ? (size_t)n : 0;
  if (n == 0) f->flags |= __F_EOF;
  if (n < 0) f->flags |= __F_ERR;
  return f->rend;
}

int fgetc(FILE *f) {
  if (f->ungot >= 0) {
    int c = f->ungot;
    f->ungot = -1;
    return c;
  }
  if (f->rpos == f->rend && !refill(f)) return EOF;
  return f->buf[f->rpos++];
}

int getc(FILE *f) {
  return fgetc(f);
}

int getchar(void) {
  return fgetc(stdin);
}

int ungetc(int c, FILE *f) {
  if (c == EOF || f->ungot >= 0) return EOF;
  f->ungot = (unsigned char)c;
  f->flags &= ~__F_EOF;
  return (unsigned char)c;
}

char *fgets(char *s, int n, FILE *f) {
  int i = 0;
  if (n <= 0) return 0;
  while (i < n - 1) {
    int c = fgetc(f);
    if (c == EOF) break;
    s[i++] = (char)c;
    if (c == '\n') break;
  }
  if (i == 0) return 0;
  s[i] = 0;
  return s;
}

size_t fread(void *p, size_t size, size_t n, FILE *f) {
  unsigned char *d = p;
  size_t want = size * n, got = 0;
  if (!size || !n) return 0;
  while (got < want) {
    int c = fgetc(f);
    size_t avail;
    if (c == EOF) break;
    d[got++] = (unsigned char)c;
    avail = f->rend - f->rpos;
    if (avail > want - got) avail = want - got;
    memcpy(d + got, f->buf + f->rpos, avail);
    f->rpos += avail;
    got += avail;
  }
  return got / size;
}

ssize_t getline(char **line, size_t *cap, FILE *f) {
  size_t len = 0;
  int c;
  if (!*line || *cap == 0) {
    *cap = 64;
    *line = malloc(*cap);
    if (!*line) return -1;
  }
  for (;;) {
    c = fgetc(f);
    if (c == EOF) break;
    if (len + 2 > *cap) {
      char *grown = realloc(*line, *cap * 2);
      if (!grown) return -1;
      *line = grown;
      *cap *= 2;
    }
    (*line)[len++] = (char)c;
    if (c == '\n') break;
  }
  (*line)[len] = 0;
  return len ? (ssize_t)len : -1;
}
