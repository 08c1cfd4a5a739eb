/* The text being edited: an array of lines, each a byte array without its newline. Every edit marks the text
 * dirty and recolours the lines it touched (syntax_update carries an opened comment onward). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "edit.h"

static void *grow(void *p, int *cap, int need, int size) {
  int c = *cap ? *cap : 16;
  if (need <= *cap) return p;
  while (c < need) c *= 2;
  p = realloc(p, (size_t)c * size);
  if (!p) {
    term_restore();
    write(2, "edit: out of memory\n", 20);
    exit(1);
  }
  *cap = c;
  return p;
}

/* Room for `need` bytes (and the NUL) in l. */
static void line_reserve(struct line *l, int need) {
  int cap = l->cap;
  l->chars = grow(l->chars, &cap, need + 1, 1);
  cap = l->cap;
  l->hl = grow(l->hl, &cap, need + 1, 1);
  l->cap = cap;
}

void text_init(struct text *t) {
  memset(t, 0, sizeof *t);
}

void text_insert_line(struct text *t, int at, const char *s, int len) {
  struct line *l;
  t->lines = grow(t->lines, &t->cap, t->nlines + 1, sizeof(struct line));
  memmove(&t->lines[at + 1], &t->lines[at], (size_t)(t->nlines - at) * sizeof(struct line));
  t->nlines++;
  l = &t->lines[at];
  memset(l, 0, sizeof *l);
  line_reserve(l, len);
  memcpy(l->chars, s, (size_t)len);
  l->chars[len] = 0;
  l->len = len;
  t->dirty = 1;
  syntax_update(t, at);
}

void text_delete_line(struct text *t, int at) {
  free(t->lines[at].chars);
  free(t->lines[at].hl);
  memmove(&t->lines[at], &t->lines[at + 1], (size_t)(t->nlines - at - 1) * sizeof(struct line));
  t->nlines--;
  t->dirty = 1;
  if (at < t->nlines) syntax_update(t, at);
}

void text_insert_char(struct text *t, int y, int x, int c) {
  struct line *l = &t->lines[y];
  line_reserve(l, l->len + 1);
  memmove(l->chars + x + 1, l->chars + x, (size_t)(l->len - x + 1));
  l->chars[x] = (char)c;
  l->len++;
  t->dirty = 1;
  syntax_update(t, y);
}

void text_delete_char(struct text *t, int y, int x) {
  struct line *l = &t->lines[y];
  if (x >= l->len) return;
  memmove(l->chars + x, l->chars + x + 1, (size_t)(l->len - x));
  l->len--;
  t->dirty = 1;
  syntax_update(t, y);
}

void text_split_line(struct text *t, int y, int x) {
  struct line *l = &t->lines[y];
  text_insert_line(t, y + 1, l->chars + x, l->len - x);
  l = &t->lines[y];           /* the array may have moved */
  l->len = x;
  l->chars[x] = 0;
  syntax_update(t, y);
}

void text_join_next(struct text *t, int y) {
  struct line *l = &t->lines[y];
  struct line *next = &t->lines[y + 1];
  line_reserve(l, l->len + next->len);
  memcpy(l->chars + l->len, next->chars, (size_t)next->len + 1);
  l->len += next->len;
  text_delete_line(t, y + 1);
  syntax_update(t, y);
}

int column_of(const struct line *l, int x) {
  int col = 0, i;
  for (i = 0; i < x && i < l->len; i++) col = l->chars[i] == '\t' ? (col / TAB_STOP + 1) * TAB_STOP : col + 1;
  return col;
}

int byte_at_column(const struct line *l, int col) {
  int c = 0, i;
  for (i = 0; i < l->len; i++) {
    int next = l->chars[i] == '\t' ? (c / TAB_STOP + 1) * TAB_STOP : c + 1;
    if (next > col) return i;
    c = next;
  }
  return l->len;
}

/* Reads the file into lines split at '\n' (a last line without one is kept). */
int text_load(struct text *t, const char *path) {
  char buf[4096];
  char *data = NULL;
  int cap = 0, len = 0, n, start, i, colour;
  int fd = open(path, O_RDONLY);
  if (fd < 0) return errno == ENOENT ? 1 : -1;
  while ((n = (int)read(fd, buf, sizeof buf)) > 0) {
    data = grow(data, &cap, len + n, 1);
    memcpy(data + len, buf, (size_t)n);
    len += n;
  }
  close(fd);
  if (n < 0) {
    free(data);
    return -1;
  }
  /* coloured once at the end rather than line by line as they are added */
  colour = t->colour_c;
  t->colour_c = 0;
  for (start = 0, i = 0; i < len; i++) {
    if (data[i] != '\n') continue;
    text_insert_line(t, t->nlines, data + start, i - start);
    start = i + 1;
  }
  if (start < len) text_insert_line(t, t->nlines, data + start, len - start);
  free(data);
  t->colour_c = colour;
  syntax_all(t);
  t->dirty = 0;
  return 0;
}

/* Writes every line followed by '\n' in one write: the file is whole or the old one is untouched up to the
 * truncation. Returns the bytes written, or -1. */
long text_save(const struct text *t, const char *path) {
  long total = 0, at = 0;
  char *data;
  int fd, y;
  for (y = 0; y < t->nlines; y++) total += t->lines[y].len + 1;
  data = malloc((size_t)total + 1);
  if (!data) return -1;
  for (y = 0; y < t->nlines; y++) {
    memcpy(data + at, t->lines[y].chars, (size_t)t->lines[y].len);
    at += t->lines[y].len;
    data[at++] = '\n';
  }
  fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) {
    free(data);
    return -1;
  }
  for (at = 0; at < total;) {
    long n = (long)write(fd, data + at, (size_t)(total - at));
    if (n <= 0) break;
    at += n;
  }
  close(fd);
  free(data);
  return at == total ? total : -1;
}
