/* The frame: text rows (a line-number gutter, then the line from the left scroll column, coloured), a status
 * bar (file name, modified flag, line count, line:column) and a message line (or the search prompt). A frame
 * is sent in one write, with the cursor hidden while it is drawn; a row identical to the one already on the
 * screen is not sent again, so typing a character rewrites one row and the status bar. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "edit.h"

/* What each screen row shows now (NULL: unknown, redraw it). */
static char **shown;
static int *shown_len;
static int shown_rows;

void frame_add(struct frame *f, const char *s, int n) {
  if (f->len + n > f->cap) {
    int cap = f->cap ? f->cap : 1024;
    while (cap < f->len + n) cap *= 2;
    f->b = realloc(f->b, (size_t)cap);
    if (!f->b) {
      term_restore();
      exit(1);
    }
    f->cap = cap;
  }
  memcpy(f->b + f->len, s, (size_t)n);
  f->len += n;
}

void frame_str(struct frame *f, const char *s) { frame_add(f, s, (int)strlen(s)); }

/* One byte: the common case of a frame, without a call to memcpy. */
static void frame_byte(struct frame *f, char c) {
  if (f->len < f->cap) f->b[f->len++] = c;
  else frame_add(f, &c, 1);
}

/* n in decimal, right-aligned in `width` columns (printf's %*d, without its cost on every row). */
static void frame_number(struct frame *f, int n, int width) {
  char digits[12];
  int k = 0;
  do {
    digits[k++] = (char)('0' + n % 10);
    n /= 10;
  } while (n > 0);
  while (width-- > k) frame_byte(f, ' ');
  while (k > 0) frame_byte(f, digits[--k]);
}

void frame_free(struct frame *f) {
  free(f->b);
  f->b = NULL;
  f->len = f->cap = 0;
}

void screen_invalidate(void) {
  int i;
  for (i = 0; i < shown_rows; i++) free(shown[i]);
  free(shown);
  free(shown_len);
  shown = NULL;
  shown_len = NULL;
  shown_rows = 0;
}

int text_rows(const struct editor *e) { return e->rows > 3 ? e->rows - 2 : 1; }

int gutter_width(const struct editor *e) {
  int digits = 1, n = e->text.nlines;
  while (n >= 10) {
    n /= 10;
    digits++;
  }
  return (digits < 3 ? 3 : digits) + 1;
}

void scroll_to_cursor(struct editor *e) {
  int trows = text_rows(e), tcols = e->cols - gutter_width(e);
  int rx = e->cy < e->text.nlines ? column_of(&e->text.lines[e->cy], e->cx) : 0;
  if (tcols < 1) tcols = 1;
  if (e->cy < e->top) e->top = e->cy;
  if (e->cy >= e->top + trows) e->top = e->cy - trows + 1;
  if (rx < e->left) e->left = rx;
  if (rx >= e->left + tcols) e->left = rx - tcols + 1;
}

void set_message(struct editor *e, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->message, sizeof e->message, fmt, ap);
  va_end(ap);
}

/* Switches the foreground colour (and inverse for a search match) when the class changes. */
static void set_class(struct frame *f, int *current, int cls) {
  int colour = syntax_colour(cls);
  if (cls == *current) return;
  if (cls == HL_MATCH) {
    frame_str(f, "\x1b[0;7m");
  } else if (colour) {
    frame_str(f, "\x1b[0;");
    frame_number(f, colour, 0);
    frame_byte(f, 'm');
  } else {
    frame_str(f, "\x1b[0m");
  }
  *current = cls;
}

/* One text row: the gutter, then the columns [left, left + width) of line y (or '~' past the end). */
static void draw_line(struct editor *e, struct frame *f, int y, int gutter) {
  int width = e->cols - gutter, col = 0, i, current = -1;
  const struct line *l;
  if (y >= e->text.nlines) {
    frame_str(f, "\x1b[90m~\x1b[0m\x1b[K");
    return;
  }
  frame_str(f, "\x1b[90m");
  frame_number(f, y + 1, gutter - 1);
  frame_str(f, " \x1b[0m");
  l = &e->text.lines[y];
  for (i = 0; i < l->len && col < e->left + width; i++) {
    int c = (unsigned char)l->chars[i];
    int cls = l->hl[i];
    int span = c == '\t' ? TAB_STOP - col % TAB_STOP : 1;
    int k;
    if (e->match_len > 0 && y == e->match_y && i >= e->match_x && i < e->match_x + e->match_len) cls = HL_MATCH;
    for (k = 0; k < span; k++, col++) {
      char ch;
      if (col < e->left || col >= e->left + width) continue;
      if (c == '\t') ch = ' ';
      else if (c < 32 || c == 127) ch = '?';
      else ch = (char)c;
      set_class(f, &current, cls);
      frame_byte(f, ch);
    }
  }
  frame_str(f, "\x1b[0m\x1b[K");
}

static void draw_status(struct editor *e, struct frame *f) {
  char left[200], right[64];
  int llen, rlen, col = e->cy < e->text.nlines ? column_of(&e->text.lines[e->cy], e->cx) : 0;
  snprintf(left, sizeof left, " %s%s - %d line%s", e->path, e->text.dirty ? " [modified]" : "", e->text.nlines,
           e->text.nlines == 1 ? "" : "s");
  snprintf(right, sizeof right, "%s  %d:%d ", e->text.colour_c ? "C" : "text", e->cy + 1, col + 1);
  llen = (int)strlen(left);
  rlen = (int)strlen(right);
  frame_str(f, "\x1b[7m");
  if (llen > e->cols) llen = e->cols;
  frame_add(f, left, llen);
  while (llen < e->cols - rlen) {
    frame_add(f, " ", 1);
    llen++;
  }
  if (llen + rlen <= e->cols) frame_add(f, right, rlen);
  frame_str(f, "\x1b[0m");
}

static void draw_message(struct editor *e, struct frame *f) {
  char line[300];
  int n;
  if (e->prompt && e->message[0]) snprintf(line, sizeof line, "%s%s   (%s)", e->prompt, e->query, e->message);
  else if (e->prompt) snprintf(line, sizeof line, "%s%s", e->prompt, e->query);
  else snprintf(line, sizeof line, "%s", e->message);
  n = (int)strlen(line);
  if (n > e->cols) n = e->cols;
  frame_add(f, line, n);
  frame_str(f, "\x1b[K");
}

/* Sends screen row r (0-based) as `row` unless the screen shows it already. */
static void put_row(struct frame *out, int r, struct frame *row) {
  char at[24];
  if (r < shown_rows && shown[r] && shown_len[r] == row->len && memcmp(shown[r], row->b, (size_t)row->len) == 0) {
    row->len = 0;
    return;
  }
  snprintf(at, sizeof at, "\x1b[%d;1H", r + 1);
  frame_str(out, at);
  frame_add(out, row->b, row->len);
  if (r < shown_rows) {
    free(shown[r]);
    shown[r] = malloc((size_t)row->len + 1);
    if (shown[r]) memcpy(shown[r], row->b, (size_t)row->len);
    shown_len[r] = row->len;
  }
  row->len = 0;
}

void screen_draw(struct editor *e) {
  struct frame out = { NULL, 0, 0 }, row = { NULL, 0, 0 };
  int trows = text_rows(e), gutter = gutter_width(e), r, crow, ccol;
  char at[32];
  scroll_to_cursor(e);
  if (shown_rows != e->rows) {
    screen_invalidate();
    shown_rows = e->rows;
    shown = calloc((size_t)shown_rows, sizeof *shown);
    shown_len = calloc((size_t)shown_rows, sizeof *shown_len);
    if (!shown || !shown_len) shown_rows = 0;
    frame_str(&out, "\x1b[2J");
  }
  frame_str(&out, "\x1b[?25l");
  for (r = 0; r < trows; r++) {
    draw_line(e, &row, e->top + r, gutter);
    put_row(&out, r, &row);
  }
  draw_status(e, &row);
  put_row(&out, trows, &row);
  draw_message(e, &row);
  put_row(&out, trows + 1, &row);
  if (e->prompt) {
    crow = trows + 2;
    ccol = (int)(strlen(e->prompt) + strlen(e->query)) + 1;
  } else {
    crow = e->cy - e->top + 1;
    ccol = gutter + (e->cy < e->text.nlines ? column_of(&e->text.lines[e->cy], e->cx) : 0) - e->left + 1;
  }
  if (ccol > e->cols) ccol = e->cols;
  snprintf(at, sizeof at, "\x1b[%d;%dH\x1b[?25h", crow, ccol);
  frame_str(&out, at);
  term_write(out.b, (size_t)out.len);
  frame_free(&out);
  frame_free(&row);
}
