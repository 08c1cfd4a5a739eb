/* The terminal: raw mode on the console (no echo, no line editing, no signals from keys), the alternate
 * screen, the window size, and keys decoded from the bytes typed (VT100/xterm escape sequences). The
 * terminal's settings come back on every way out: quitting, a fatal error, SIGTERM, SIGINT or SIGHUP. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include "edit.h"

static struct termios saved;
static int raw_on;
static volatile int resized;
/* Bytes read but not yet decoded: a read may carry several keys (a paste, a fast typist). */
static unsigned char pending[256];
static int npending, next_pending;

void term_write(const char *s, size_t n) {
  while (n > 0) {
    ssize_t w = write(1, s, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    s += w;
    n -= (size_t)w;
  }
}

static void term_puts(const char *s) { term_write(s, strlen(s)); }

int term_raw(void) {
  struct termios t;
  if (tcgetattr(0, &saved) < 0) return -1;
  t = saved;
  cfmakeraw(&t);
  t.c_cc[VMIN] = 1;
  t.c_cc[VTIME] = 0;
  if (tcsetattr(0, TCSAFLUSH, &t) < 0) return -1;
  raw_on = 1;
  /* the alternate screen (the shell's screen comes back on exit), cursor home */
  term_puts("\x1b[?1049h\x1b[H\x1b[2J");
  return 0;
}

void term_restore(void) {
  if (!raw_on) return;
  raw_on = 0;
  term_puts("\x1b[0m\x1b[?25h\x1b[?1049l");
  tcsetattr(0, TCSAFLUSH, &saved);
}

void term_size(int *rows, int *cols) {
  struct winsize w;
  if (ioctl(1, TIOCGWINSZ, &w) == 0 && w.ws_row > 0 && w.ws_col > 0) {
    *rows = w.ws_row;
    *cols = w.ws_col;
  } else {
    *rows = 24;
    *cols = 80;
  }
}

static void on_winch(int sig) {
  (void)sig;
  resized = 1;
}

/* A terminating signal: the terminal is put back before the default action ends the process. */
static void on_fatal(int sig) {
  term_restore();
  signal(sig, SIG_DFL);
  raise(sig);
}

void term_on_signals(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_winch;  /* no SA_RESTART: a read waiting for a key ends with EINTR, and the loop redraws */
  sigaction(SIGWINCH, &sa, NULL);
  sa.sa_handler = on_fatal;
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
}

/* The next typed byte; -1 when `wait_ms` (>= 0) passed without one, or a resize interrupted the wait. */
static int next_byte(int wait_ms) {
  if (next_pending < npending) return pending[next_pending++];
  for (;;) {
    ssize_t n;
    if (resized) return -1;
    if (wait_ms >= 0) {
      struct pollfd p;
      p.fd = 0;
      p.events = POLLIN;
      p.revents = 0;
      if (poll(&p, 1, wait_ms) <= 0) return -1;
    }
    n = read(0, pending, sizeof pending);
    if (n > 0) {
      npending = (int)n;
      next_pending = 1;
      return pending[0];
    }
    if (n == 0) {
      /* the terminal went away: nothing more will be typed */
      term_restore();
      exit(1);
    }
    if (errno != EINTR) return -1;
  }
}

/* The key an escape sequence names, after ESC [ or ESC O; KEY_NONE for one we do not know. */
static int escape_key(void) {
  int b = next_byte(50), c, num = 0;
  if (b != '[' && b != 'O') {
    if (b >= 0) next_pending--;   /* Escape alone, then another key: that key is read next */
    return 27;
  }
  c = next_byte(50);
  while (c >= '0' && c <= '9') {
    num = num * 10 + (c - '0');
    c = next_byte(50);
  }
  while (c == ';') {              /* modifiers (ESC [ 1 ; 5 C): read past them */
    c = next_byte(50);
    while (c >= '0' && c <= '9') c = next_byte(50);
  }
  switch (c) {
    case 'A': return KEY_UP;
    case 'B': return KEY_DOWN;
    case 'C': return KEY_RIGHT;
    case 'D': return KEY_LEFT;
    case 'H': return KEY_HOME;
    case 'F': return KEY_END;
    case '~':
      switch (num) {
        case 1: case 7: return KEY_HOME;
        case 4: case 8: return KEY_END;
        case 3: return KEY_DEL;
        case 5: return KEY_PGUP;
        case 6: return KEY_PGDN;
      }
  }
  return KEY_NONE;
}

int term_key(void) {
  int b;
  for (;;) {
    if (resized) {
      resized = 0;
      return KEY_RESIZE;
    }
    b = next_byte(-1);
    if (b < 0) continue;
    if (b == 27) return escape_key();
    return b;
  }
}
