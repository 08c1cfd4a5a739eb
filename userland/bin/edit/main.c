/* edit FILE (also installed as vi): the editor's state, its key bindings and the loop: draw a frame, read a
 * key, act on it.
 *   arrows, Home/End (Ctrl-A/Ctrl-E), PgUp/PgDn   move        Ctrl-S  save
 *   typing, Tab, Enter, Backspace, Delete         edit        Ctrl-Q  quit (twice with unsaved changes)
 *   Ctrl-F                                        search      SIGWINCH: redraw at the new size */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "edit.h"

static const char HELP[] = "Ctrl-S save | Ctrl-Q quit | Ctrl-F find";

/* Name ends in .c or .h: colour it as C. */
static int is_c_source(const char *path) {
  size_t n = strlen(path);
  return n > 2 && path[n - 2] == '.' && (path[n - 1] == 'c' || path[n - 1] == 'h');
}

static struct line *current_line(struct editor *e) {
  return e->cy < e->text.nlines ? &e->text.lines[e->cy] : NULL;
}

/* Keeps the cursor inside the text after a vertical move, at the screen column it had (want_col). */
static void settle_column(struct editor *e) {
  struct line *l = current_line(e);
  e->cx = l ? byte_at_column(l, e->want_col) : 0;
}

static void remember_column(struct editor *e) {
  struct line *l = current_line(e);
  e->want_col = l ? column_of(l, e->cx) : 0;
}

static void move(struct editor *e, int key) {
  struct line *l = current_line(e);
  int page = text_rows(e) - 1 > 0 ? text_rows(e) - 1 : 1;
  switch (key) {
    case KEY_LEFT:
      if (e->cx > 0) e->cx--;
      else if (e->cy > 0) {
        e->cy--;
        e->cx = e->text.lines[e->cy].len;
      }
      remember_column(e);
      return;
    case KEY_RIGHT:
      if (l && e->cx < l->len) e->cx++;
      else if (l && e->cy + 1 < e->text.nlines) {
        e->cy++;
        e->cx = 0;
      }
      remember_column(e);
      return;
    case KEY_HOME: case CTRL('a'):
      e->cx = 0;
      remember_column(e);
      return;
    case KEY_END: case CTRL('e'):
      e->cx = l ? l->len : 0;
      remember_column(e);
      return;
    case KEY_UP:
      if (e->cy > 0) e->cy--;
      break;
    case KEY_DOWN:
      if (e->cy + 1 < e->text.nlines) e->cy++;
      break;
    case KEY_PGUP:
      e->cy = e->cy > page ? e->cy - page : 0;
      e->top = e->top > page ? e->top - page : 0;
      break;
    case KEY_PGDN:
      e->cy += page;
      if (e->cy >= e->text.nlines) e->cy = e->text.nlines > 0 ? e->text.nlines - 1 : 0;
      /* the view moves by a page too, but never past the point where the last line is at the bottom */
      e->top += page;
      if (e->top > e->text.nlines - text_rows(e)) e->top = e->text.nlines - text_rows(e);
      if (e->top < 0) e->top = 0;
      break;
  }
  settle_column(e);
}

static void insert_char(struct editor *e, int c) {
  if (e->cy == e->text.nlines) text_insert_line(&e->text, e->text.nlines, "", 0);
  text_insert_char(&e->text, e->cy, e->cx, c);
  e->cx++;
  remember_column(e);
}

static void insert_newline(struct editor *e) {
  if (e->cy == e->text.nlines) text_insert_line(&e->text, e->text.nlines, "", 0);
  text_split_line(&e->text, e->cy, e->cx);
  e->cy++;
  e->cx = 0;
  remember_column(e);
}

/* Backspace: the byte before the cursor, or at a line's start the join with the line above. */
static void backspace(struct editor *e) {
  if (e->cy >= e->text.nlines) {
    if (e->cy == 0) return;
    e->cy--;
    e->cx = e->text.lines[e->cy].len;
  } else if (e->cx > 0) {
    text_delete_char(&e->text, e->cy, e->cx - 1);
    e->cx--;
  } else if (e->cy > 0) {
    e->cx = e->text.lines[e->cy - 1].len;
    text_join_next(&e->text, e->cy - 1);
    e->cy--;
  }
  remember_column(e);
}

/* Delete: the byte under the cursor, or at a line's end the join with the next line. */
static void delete_forward(struct editor *e) {
  struct line *l = current_line(e);
  if (!l) return;
  if (e->cx < l->len) text_delete_char(&e->text, e->cy, e->cx);
  else if (e->cy + 1 < e->text.nlines) text_join_next(&e->text, e->cy);
}

static void save(struct editor *e) {
  long n = text_save(&e->text, e->path);
  if (n < 0) {
    set_message(e, "cannot save %s: %s", e->path, strerror(errno));
    return;
  }
  e->text.dirty = 0;
  set_message(e, "wrote %ld bytes to %s", n, e->path);
}

/* Acts on one key; returns 1 when the editor is to quit. */
static int handle(struct editor *e, int key) {
  int armed = e->quit_armed;
  e->quit_armed = 0;
  switch (key) {
    case CTRL('q'):
      if (e->text.dirty && !armed) {
        set_message(e, "unsaved changes: Ctrl-S saves, Ctrl-Q again quits without saving");
        e->quit_armed = 1;
        return 0;
      }
      return 1;
    case CTRL('s'): save(e); break;
    case CTRL('f'): search(e); break;
    case KEY_RESIZE:
      term_size(&e->rows, &e->cols);
      screen_invalidate();
      break;
    case '\r': case '\n': insert_newline(e); break;
    case KEY_BACKSPACE: case CTRL('h'): backspace(e); break;
    case KEY_DEL: delete_forward(e); break;
    case CTRL('l'): screen_invalidate(); break;
    case KEY_LEFT: case KEY_RIGHT: case KEY_UP: case KEY_DOWN: case KEY_HOME: case KEY_END:
    case KEY_PGUP: case KEY_PGDN: case CTRL('a'): case CTRL('e'):
      move(e, key);
      break;
    default:
      if (key == '\t' || (key >= 32 && key < 256)) insert_char(e, key);
      break;
  }
  return 0;
}

int main(int argc, char **argv) {
  static struct editor e;
  int r;
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE\n", argv[0]);
    return 2;
  }
  e.path = argv[1];
  text_init(&e.text);
  e.text.colour_c = is_c_source(e.path);
  r = text_load(&e.text, e.path);
  if (r < 0) {
    fprintf(stderr, "%s: %s: %s\n", argv[0], e.path, strerror(errno));
    return 1;
  }
  if (term_raw() < 0) {
    fprintf(stderr, "%s: standard input is not a terminal\n", argv[0]);
    return 1;
  }
  term_on_signals();
  term_size(&e.rows, &e.cols);
  if (r == 1) set_message(&e, "new file | %s", HELP);
  else set_message(&e, "%s", HELP);
  for (;;) {
    screen_draw(&e);
    if (handle(&e, term_key())) break;
  }
  term_restore();
  return 0;
}
