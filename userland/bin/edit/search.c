/* Ctrl-F: the search prompt on the message line. Each key typed moves the cursor to the first match at or
 * after where the search started (incremental); Enter goes on to the next match, wrapping past the end;
 * Escape (or an arrow key) leaves the prompt with the cursor on the match; Ctrl-C, Ctrl-G or Ctrl-Q put the
 * cursor back where it was. The match is shown inverted while the prompt is open. */
#include <string.h>
#include "edit.h"

/* The first match of q at or after (y, x), going round past the end; 1 with (*fy, *fx), or 0. */
int find_from(const struct text *t, const char *q, int y, int x, int *fy, int *fx) {
  int qlen = (int)strlen(q), n;
  if (qlen == 0 || t->nlines == 0) return 0;
  for (n = 0; n <= t->nlines; n++) {
    int yy = (y + n) % t->nlines;
    const struct line *l = &t->lines[yy];
    int from = n == 0 ? x : 0, i;
    for (i = from; i + qlen <= l->len; i++) {
      if (memcmp(l->chars + i, q, (size_t)qlen) == 0) {
        *fy = yy;
        *fx = i;
        return 1;
      }
    }
  }
  return 0;
}

/* Moves the cursor to the match at or after (y, x) and says what happened. */
static void go_to_match(struct editor *e, int y, int x) {
  int fy, fx;
  if (find_from(&e->text, e->query, y, x, &fy, &fx)) {
    if (fy < y || (fy == y && fx < x)) set_message(e, "search wrapped to the top");
    else e->message[0] = 0;
    e->cy = fy;
    e->cx = fx;
    e->match_y = fy;
    e->match_x = fx;
    e->match_len = (int)strlen(e->query);
  } else {
    e->match_len = 0;
    if (e->query[0]) set_message(e, "not found: %s", e->query);
  }
}

void search(struct editor *e) {
  int start_y = e->cy, start_x = e->cx, start_top = e->top, start_left = e->left;
  int len = (int)strlen(e->query);
  e->prompt = "Search (Enter: next, Esc: done): ";
  e->match_len = 0;
  e->message[0] = 0;
  if (len > 0) go_to_match(e, start_y, start_x);
  for (;;) {
    int k;
    screen_draw(e);
    k = term_key();
    if (k == KEY_RESIZE) {
      term_size(&e->rows, &e->cols);
      screen_invalidate();
    } else if (k == 27 || k == KEY_UP || k == KEY_DOWN || k == KEY_LEFT || k == KEY_RIGHT) {
      break;
    } else if (k == CTRL('c') || k == CTRL('g') || k == CTRL('q')) {
      e->cy = start_y;
      e->cx = start_x;
      e->top = start_top;
      e->left = start_left;
      break;
    } else if (k == '\r' || k == '\n') {
      if (e->match_len > 0) go_to_match(e, e->cy, e->cx + 1);
      else go_to_match(e, e->cy, e->cx);
    } else if (k == KEY_BACKSPACE || k == CTRL('h')) {
      if (len > 0) e->query[--len] = 0;
      go_to_match(e, start_y, start_x);
    } else if (k >= 32 && k < 256 && k != 127 && len + 1 < (int)sizeof e->query) {
      e->query[len++] = (char)k;
      e->query[len] = 0;
      go_to_match(e, start_y, start_x);
    }
  }
  e->prompt = NULL;
  e->match_len = 0;
  e->message[0] = 0;
}
