/* edit: a full-screen text editor for Pagoda's console (raw tty, ANSI escapes only). The pieces:
 *   text.c    the text: an array of lines, edited at (line, byte) positions; load and save
 *   syntax.c  C colouring: one highlight class per byte, carried across lines for comments
 *   term.c    the terminal: raw mode and its restoration, the window size, keys decoded from escapes
 *   screen.c  the frame: gutter, text, status bar and message line, sent in one write per frame
 *   search.c  the Ctrl-F prompt: incremental search, Enter for the next match
 *   main.c    the editor's state, key bindings and the loop
 * A position is (cy, cx): line index and byte offset in that line; columns on screen expand tabs to 8. */
#ifndef EDIT_H
#define EDIT_H

#include <stddef.h>

/* Highlight classes, one per byte of a line. */
enum hl {
  HL_NORMAL, HL_COMMENT, HL_KEYWORD, HL_TYPE, HL_STRING, HL_CHAR, HL_NUMBER, HL_PREPROC, HL_MATCH
};

struct line {
  char *chars;          /* the bytes, without the newline; NUL-terminated for convenience */
  int len, cap;
  unsigned char *hl;    /* len classes (capacity cap) */
  int open_comment;     /* the line ends inside a block comment */
  int starts_in_comment;/* the state it was coloured from (the previous line's open_comment then) */
};

struct text {
  struct line *lines;
  int nlines, cap;
  int dirty;            /* edits since the last load or save */
  int colour_c;         /* colour as C (the file name ends in .c or .h) */
};

/* Keys beyond bytes. */
enum key {
  KEY_BACKSPACE = 127,
  KEY_LEFT = 1000, KEY_RIGHT, KEY_UP, KEY_DOWN, KEY_HOME, KEY_END, KEY_PGUP, KEY_PGDN, KEY_DEL,
  KEY_RESIZE,           /* SIGWINCH arrived: the window has a new size */
  KEY_NONE
};

#define CTRL(c) ((c) & 0x1f)
#define TAB_STOP 8

/* text.c */
void text_init(struct text *t);
int text_load(struct text *t, const char *path);        /* 0; 1 when the file does not exist; -1 (errno) */
long text_save(const struct text *t, const char *path); /* bytes written, or -1 (errno) */
void text_insert_line(struct text *t, int at, const char *s, int len);
void text_delete_line(struct text *t, int at);
void text_insert_char(struct text *t, int y, int x, int c);
void text_delete_char(struct text *t, int y, int x);     /* the byte at x */
void text_split_line(struct text *t, int y, int x);      /* Enter at (y, x) */
void text_join_next(struct text *t, int y);              /* line y+1 appended to y */
int column_of(const struct line *l, int x);              /* screen column of byte x (tabs to 8) */
int byte_at_column(const struct line *l, int col);       /* first byte whose column reaches col */

/* syntax.c */
void syntax_update(struct text *t, int y);               /* line y's classes, and the lines after while needed */
void syntax_all(struct text *t);
int syntax_colour(int hl);                               /* SGR foreground for a class; 0 for normal */

/* term.c */
int term_raw(void);                                      /* 0, or -1 when stdin is not a terminal */
void term_restore(void);                                 /* leaves raw mode and the alternate screen */
void term_size(int *rows, int *cols);
int term_key(void);                                      /* the next key (blocks); KEY_RESIZE on SIGWINCH */
void term_write(const char *s, size_t n);
void term_on_signals(void);                              /* SIGWINCH, SIGTERM, SIGINT, SIGHUP handlers */

/* screen.c: a growing byte buffer, and the frame */
struct frame { char *b; int len, cap; };
void frame_add(struct frame *f, const char *s, int n);
void frame_str(struct frame *f, const char *s);
void frame_free(struct frame *f);

struct editor {
  struct text text;
  const char *path;
  int cx, cy;           /* cursor: byte in line, line */
  int want_col;         /* screen column kept while moving up and down */
  int top, left;        /* first line and first text column shown */
  int rows, cols;       /* window size */
  int quit_armed;       /* Ctrl-Q pressed once with unsaved changes */
  char message[160];
  const char *prompt;   /* non-NULL while the search prompt is open */
  char query[128];
  int match_y, match_x, match_len;  /* the match to show highlighted (match_len 0: none) */
};

void screen_invalidate(void);                            /* the next frame redraws every row */
void screen_draw(struct editor *e);
int text_rows(const struct editor *e);                   /* rows for text: the window less the two bars */
int gutter_width(const struct editor *e);
void scroll_to_cursor(struct editor *e);
void set_message(struct editor *e, const char *fmt, ...);

/* search.c */
void search(struct editor *e);
int find_from(const struct text *t, const char *q, int y, int x, int *fy, int *fx); /* forward, wrapping */

#endif
