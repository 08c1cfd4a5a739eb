/* sh's line editor: raw terminal mode, the keys, and redrawing the edited line (lineedit.h says what each key
 * does). The line is redrawn whole after each change: the cursor goes back to the row where the prompt starts,
 * the screen below is cleared, prompt and line are written again and the cursor is put where it belongs.
 * Rows are counted with the terminal's width (TIOCGWINSZ, asked at each key so a resize is seen), so a line
 * longer than a row wraps correctly. Characters are taken as one column per byte that is not a UTF-8
 * continuation byte. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include "lineedit.h"

#define LINE_CAP 4096

static char line[LINE_CAP];
static int len, pos;
/* Rows the last drawing took and the row (from its first) where it left the cursor. */
static int drawn_rows, cursor_row;
static const char *shown_prompt;
static struct termios saved;
static int raw_on;
static char pending_edit[LINE_CAP]; /* the line being typed while walking the history */
static int hist_at;                 /* history index shown (count: the line being typed) */
static int tabs;                    /* consecutive Tabs without another key */

static void put(const char *s, size_t n) {
  while (n > 0) {
    ssize_t w = write(1, s, n);
    if (w <= 0) {
      if (w < 0 && errno == EINTR) continue;
      return;
    }
    s += w;
    n -= (size_t)w;
  }
}

static void puts_(const char *s) { put(s, strlen(s)); }

static void restore_terminal(void) {
  if (raw_on) tcsetattr(0, TCSANOW, &saved);
  raw_on = 0;
}

/* A signal that ends the shell while the terminal is raw: the terminal is restored first. */
static void on_fatal(int sig) {
  restore_terminal();
  signal(sig, SIG_DFL);
  kill(getpid(), sig);
}

/* Raw mode from the settings in `saved`. */
static int enter_raw(void) {
  struct termios raw = saved;
  raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
  raw.c_iflag &= ~(tcflag_t)(ICRNL | IXON | INLCR);
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  if (tcsetattr(0, TCSANOW, &raw) < 0) return -1;
  raw_on = 1;
  return 0;
}

static int columns(void) {
  struct winsize ws;
  if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

/* Columns `s` takes on the screen: escape sequences (ESC [ ... letter) take none, nor UTF-8 continuations. */
static int width_of(const char *s, int n) {
  int w = 0, i;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 27 && i + 1 < n && s[i + 1] == '[') {
      for (i += 2; i < n && !((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')); i++) {}
      continue;
    }
    if ((c & 0xc0) != 0x80 && c >= 32) w++;
  }
  return w;
}

static void move_rows(int up) {
  char esc[16];
  if (up == 0) return;
  snprintf(esc, sizeof esc, "\x1b[%d%c", up > 0 ? up : -up, up > 0 ? 'A' : 'B');
  puts_(esc);
}

/* Draws prompt and line again from the prompt's first row, and puts the cursor at `pos`. */
static void redraw(void) {
  int cols = columns(), plen = width_of(shown_prompt, (int)strlen(shown_prompt));
  int end = plen + width_of(line, len), at = plen + width_of(line, pos);
  int end_row, at_row;
  char esc[16];
  move_rows(cursor_row);
  puts_("\r\x1b[J");
  puts_(shown_prompt);
  put(line, (size_t)len);
  end_row = end / cols;
  /* A line that ends exactly at the right margin leaves the cursor there (pending wrap): move it down. */
  if (end > 0 && end % cols == 0) puts_("\r\n");
  at_row = at / cols;
  move_rows(end_row - at_row);
  puts_("\r");
  if (at % cols) {
    snprintf(esc, sizeof esc, "\x1b[%dC", at % cols);
    puts_(esc);
  }
  drawn_rows = end_row + 1;
  cursor_row = at_row;
}

static void set_line(const char *s) {
  len = (int)strlen(s);
  if (len >= LINE_CAP) len = LINE_CAP - 1;
  memcpy(line, s, (size_t)len);
  line[len] = 0;
  pos = len;
}

static void insert(const char *s, int n) {
  if (len + n >= LINE_CAP) n = LINE_CAP - 1 - len;
  if (n <= 0) return;
  memmove(line + pos + n, line + pos, (size_t)(len - pos));
  memcpy(line + pos, s, (size_t)n);
  len += n;
  pos += n;
  line[len] = 0;
}

static void erase(int from, int to) {
  if (from < 0) from = 0;
  if (to > len) to = len;
  if (from >= to) return;
  memmove(line + from, line + to, (size_t)(len - to));
  len -= to - from;
  line[len] = 0;
  if (pos > to) pos -= to - from;
  else if (pos > from) pos = from;
}

/* Moves one character (a UTF-8 sequence) left or right. */
static int step(int at, int dir) {
  at += dir;
  while (at > 0 && at < len && ((unsigned char)line[at] & 0xc0) == 0x80) at += dir;
  return at < 0 ? 0 : at > len ? len : at;
}

static void history_move(int dir) {
  int n = lineedit_history_count(), to = hist_at + dir;
  if (to < 0 || to > n) return;
  if (hist_at == n) snprintf(pending_edit, sizeof pending_edit, "%s", line);
  hist_at = to;
  set_line(to == n ? pending_edit : lineedit_history_get(to));
}

/* What a list of matches shows of candidate `c` (`n`: its length without a trailing blank): the name after its
 * directory part, as bash shows path matches. */
static const char *shown_name(const char *c, int *n) {
  int i;
  for (i = *n - 2; i >= 0; i--) {
    if (c[i] == '/') {
      *n -= i + 1;
      return c + i + 1;
    }
  }
  return c;
}

/* Tab: one candidate is inserted whole; several extend the word to their common prefix, and a second Tab in
 * a row lists them under the line. */
static void complete(void) {
  int start, i, common, wlen;
  char **c = lineedit_complete(line, pos, &start);
  tabs++;
  if (!c) {
    puts_("\a");
    return;
  }
  wlen = pos - start;
  if (!c[1]) {
    const char *add = c[0] + wlen;
    size_t n = strlen(add);
    /* a candidate ending in " " gets it only when the cursor is at the end or before a blank */
    if (n > 0 && add[n - 1] == ' ' && pos < len && line[pos] == ' ') n--;
    insert(add, (int)n);
    tabs = 0;
  } else {
    common = (int)strlen(c[0]);
    for (i = 1; c[i]; i++) {
      int k = 0;
      while (k < common && c[i][k] == c[0][k]) k++;
      common = k;
    }
    if (common > wlen) {
      insert(c[0] + wlen, common - wlen);
      tabs = 0;
    } else if (tabs >= 2) {
      int cols = columns(), widest = 0, per_row, n;
      for (i = 0; c[i]; i++) {
        n = (int)strlen(c[i]);
        if (c[i][n - 1] == ' ') n--;
        shown_name(c[i], &n);
        if (n > widest) widest = n;
      }
      per_row = cols / (widest + 2);
      if (per_row < 1) per_row = 1;
      move_rows(-(drawn_rows - 1 - cursor_row));
      puts_("\r\n");
      for (i = 0; c[i]; i++) {
        char cell[600];
        const char *name;
        n = (int)strlen(c[i]);
        if (c[i][n - 1] == ' ') n--;
        name = shown_name(c[i], &n);
        snprintf(cell, sizeof cell, "%-*.*s", widest + 2, n, name);
        if ((i + 1) % per_row == 0 || !c[i + 1]) {
          int e = (int)strlen(cell);
          while (e > 0 && cell[e - 1] == ' ') e--;
          cell[e] = 0;
          puts_(cell);
          puts_("\r\n");
        } else {
          puts_(cell);
        }
      }
      drawn_rows = 1;
      cursor_row = 0;
      tabs = 0;
    } else {
      puts_("\a");
    }
  }
  lineedit_free_list(c);
}

/* Reads one byte; -1 at the end of input or on an error other than EINTR. */
static int key(void) {
  unsigned char c;
  for (;;) {
    ssize_t n = read(0, &c, 1);
    if (n == 1) return c;
    if (n < 0 && errno == EINTR) continue;
    return -1;
  }
}

/* The rest of an escape sequence after ESC: a code for the keys handled, 0 for others. */
enum { K_UP = 1000, K_DOWN, K_LEFT, K_RIGHT, K_HOME, K_END, K_DELETE };
static int escape(void) {
  int c = key(), param = 0;
  if (c == 'O') {
    c = key();
    return c == 'H' ? K_HOME : c == 'F' ? K_END : c == 'A' ? K_UP : c == 'B' ? K_DOWN : c == 'C' ? K_RIGHT : c == 'D' ? K_LEFT : 0;
  }
  if (c != '[') return 0;
  for (;;) {
    c = key();
    if (c < 0) return 0;
    if (c >= '0' && c <= '9') param = param * 10 + (c - '0');
    else if (c == ';') param = 0;
    else break;
  }
  switch (c) {
  case 'A': return K_UP;
  case 'B': return K_DOWN;
  case 'C': return K_RIGHT;
  case 'D': return K_LEFT;
  case 'H': return K_HOME;
  case 'F': return K_END;
  case '~': return param == 1 || param == 7 ? K_HOME : param == 4 || param == 8 ? K_END : param == 3 ? K_DELETE : 0;
  default: return 0;
  }
}

/* The editing loop; 1 for a line, 0 at the end of input. */
static int edit(void) {
  for (;;) {
    int c = key();
    if (c != 9) tabs = 0;
    if (c == 27) c = escape();
    switch (c) {
    case -1:
      if (len > 0) return 1;
      return 0;
    case '\r': case '\n':
      pos = len;
      redraw();
      puts_("\r\n");
      return 1;
    case 4: /* Ctrl-D */
      if (len == 0) return 0;
      erase(pos, step(pos, 1));
      break;
    case 3: /* Ctrl-C: the line is abandoned, a new prompt */
      pos = len;
      redraw();
      puts_("^C\r\n");
      len = pos = 0;
      line[0] = 0;
      hist_at = lineedit_history_count();
      drawn_rows = 1;
      cursor_row = 0;
      break;
    case 127: case 8: erase(step(pos, -1), pos); break;
    case K_DELETE: erase(pos, step(pos, 1)); break;
    case 1: case K_HOME: pos = 0; break;
    case 5: case K_END: pos = len; break;
    case 2: case K_LEFT: pos = step(pos, -1); break;
    case 6: case K_RIGHT: pos = step(pos, 1); break;
    case 11: erase(pos, len); break;
    case 21: erase(0, pos); break;
    case 23: { /* Ctrl-W: blanks, then the word before them */
      int from = pos;
      while (from > 0 && line[from - 1] == ' ') from--;
      while (from > 0 && line[from - 1] != ' ') from--;
      erase(from, pos);
      break;
    }
    case 12: /* Ctrl-L */
      puts_("\x1b[H\x1b[2J");
      drawn_rows = 1;
      cursor_row = 0;
      break;
    case 16: case K_UP: history_move(-1); break;
    case 14: case K_DOWN: history_move(1); break;
    case 9: complete(); break;
    default:
      if (c >= 32 && c < 256 && c != 127) {
        char ch = (char)c;
        int at_end = pos == len, cols = columns();
        insert(&ch, 1);
        /* Typing at the end of a line that does not reach the margin: the character is all that changes. */
        if (at_end && (width_of(shown_prompt, (int)strlen(shown_prompt)) + width_of(line, len)) % cols != 0) {
          put(&ch, 1);
          continue;
        }
      }
      break;
    }
    redraw();
  }
}

/* A plain line from a file or pipe, a byte at a time. */
static char *plain_line(void) {
  int c;
  len = 0;
  while ((c = key()) >= 0 && c != '\n') {
    if (len < LINE_CAP - 1) line[len++] = (char)c;
  }
  line[len] = 0;
  return c < 0 && len == 0 ? 0 : line;
}

char *lineedit_read(const char *prompt) {
  void (*old_term)(int), (*old_hup)(int);
  int got;
  if (prompt) puts_(prompt);
  /* A terminal that does not echo (a pipe of commands fed a line at a time) is read plainly too. */
  if (tcgetattr(0, &saved) < 0 || !(saved.c_lflag & ECHO) || enter_raw() < 0) return plain_line();
  old_term = signal(SIGTERM, on_fatal);
  old_hup = signal(SIGHUP, on_fatal);
  shown_prompt = prompt ? prompt : "";
  len = pos = 0;
  line[0] = 0;
  drawn_rows = 1;
  cursor_row = 0;
  hist_at = lineedit_history_count();
  tabs = 0;
  got = edit();
  restore_terminal();
  signal(SIGTERM, old_term);
  signal(SIGHUP, old_hup);
  return got ? line : 0;
}
