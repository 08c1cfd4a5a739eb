/* sh: where the lexer's characters come from: a string (-c, eval, ., $(...)), a script file, or standard
 * input (a line at a time, with a prompt when interactive). Sources nest: eval pushes one and pops it. */
#include "sh.h"

struct source *src;
int prompt_continued; /* the parser is inside a command: the next prompt is PS2 */

void source_push_string(struct source *s, const char *text) {
  memset(s, 0, sizeof *s);
  s->text = text;
  s->len = (int)strlen(text);
  s->fd = -1;
  s->lineno = 1;
  s->prev = src;
  src = s;
}

void source_push_fd(struct source *s, int fd, int prompt) {
  memset(s, 0, sizeof *s);
  s->fd = fd;
  s->lineno = 1;
  s->prompt = prompt;
  s->prev = src;
  src = s;
}

void source_pop(struct source *s) {
  free(s->buf);
  s->buf = 0;
  src = s->prev;
}

/* Drops the text already consumed (between commands), so a session's buffer does not grow. */
void source_compact(void) {
  if (src->text || src->pos == 0) return;
  memmove(src->buf, src->buf + src->pos, src->len - src->pos);
  src->len -= src->pos;
  src->pos = 0;
}

static void append(const char *p, int n) {
  if (src->len + n + 1 > src->cap) {
    int cap = src->cap ? src->cap : 256;
    while (cap < src->len + n + 1) cap *= 2;
    src->buf = realloc(src->buf, cap);
    if (!src->buf) {
      write(2, "sh: out of memory\n", 18);
      _exit(2);
    }
    src->cap = cap;
  }
  memcpy(src->buf + src->len, p, n);
  src->len += n;
}

/* Reads more of an fd source: standard input a byte at a time up to a newline (so that the commands run
 * later read the rest), other files in blocks. Returns 0 at the end. */
static int refill(void) {
  char block[512];
  int n;
  if (src->eof) return 0;
  if (src->prompt) {
    const char *ps = var_get(prompt_continued ? "PS2" : "PS1");
    char *prompt = expand_heredoc(ps ? ps : ""); /* $PWD and the like in the prompt */
    char *line = input_read_interactive(prompt);
    free(prompt);
    if (!line) {
      src->eof = 1;
      return 0;
    }
    prompt_continued = 1;
    append(line, (int)strlen(line));
    append("\n", 1);
    free(line);
    return 1;
  }
  if (src->fd == 0) {
    int got = 0;
    for (;;) {
      char ch;
      n = (int)read(0, &ch, 1);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      append(&ch, 1);
      got++;
      if (ch == '\n') break;
    }
    if (!got) src->eof = 1;
    return got > 0;
  }
  do n = (int)read(src->fd, block, sizeof block);
  while (n < 0 && errno == EINTR);
  if (n <= 0) {
    src->eof = 1;
    return 0;
  }
  append(block, n);
  return 1;
}

int src_get(void) {
  int c;
  if (src->text) {
    if (src->pos >= src->len) {
      src->pos = src->len + 1; /* so that unget after the end is balanced */
      return -1;
    }
    c = (unsigned char)src->text[src->pos++];
  } else {
    if (src->pos >= src->len && !refill()) {
      src->pos = src->len + 1;
      return -1;
    }
    c = (unsigned char)src->buf[src->pos++];
  }
  if (c == '\n') src->lineno++;
  return c;
}

void src_unget(void) {
  if (src->pos > src->len) {
    src->pos = src->len;
    return;
  }
  src->pos--;
  if ((src->text ? src->text[src->pos] : src->buf[src->pos]) == '\n') src->lineno--;
}

int src_peek(void) {
  int c = src_get();
  src_unget();
  return c;
}

/* The line reader for the interactive shell until line editing takes over: one read() gives one line. */
char *input_read_interactive(const char *prompt) {
  struct str line = {0, 0, 0};
  char ch;
  fputs(prompt, stderr);
  fflush(stderr);
  for (;;) {
    int n = (int)read(0, &ch, 1);
    if (n < 0 && errno == EINTR) {
      if (line.len == 0) continue;
      continue;
    }
    if (n <= 0) {
      if (line.len == 0) {
        free(line.s);
        return 0;
      }
      break;
    }
    if (ch == '\n') break;
    str_addc(&line, ch);
  }
  return str_take(&line);
}
