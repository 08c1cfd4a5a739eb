/* getdelim: reads through the next `delim` byte (kept) or end of file into *line, growing it with realloc.
 * Returns the length, or -1 at end of file with nothing read, on error, or with EINVAL for NULL pointers. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>

ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f) {
  size_t len = 0;
  int c;
  if (!line || !cap || !f) {
    errno = EINVAL;
    return -1;
  }
  if (!*line || *cap == 0) {
    char *fresh = realloc(*line, 120);
    if (!fresh) return -1;
    *line = fresh;
    *cap = 120;
  }
  while ((c = fgetc(f)) != EOF) {
    if (len + 2 > *cap) {
      char *grown = realloc(*line, *cap * 2);
      if (!grown) return -1;
      *line = grown;
      *cap *= 2;
    }
    (*line)[len++] = (char)c;
    if (c == (unsigned char)delim) break;
  }
  (*line)[len] = 0;
  return len ? (ssize_t)len : -1;
}
