/* sh: cutting the input into tokens. A word keeps its text as written (quotes, $-forms, backquotes), so
 * expansion sees the structure; the lexer only finds where each word ends, which means it reads through
 * nested quotes, ${...}, $(...), $((...)) and `...`. Here-document bodies are read after the newline that
 * ends their command line. */
#include "sh.h"

#define MAX_PENDING 16
static struct redir *pending[MAX_PENDING];
static int npending;

void lex_reset(void) { npending = 0; }

void lex_add_heredoc(struct redir *r) {
  if (npending < MAX_PENDING) pending[npending++] = r;
}

static int is_meta(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' ||
         c == '(' || c == ')' || c == -1;
}

static int unterminated(const char *what) {
  sh_error("Syntax error: Unterminated %s", what);
  return -1;
}

static int read_dollar(struct str *b);
static int read_backquote(struct str *b);

/* Inside "...": up to and including the closing quote. */
static int read_dquote(struct str *b) {
  int c;
  for (;;) {
    c = src_get();
    if (c < 0) return unterminated("quoted string");
    if (c == '"') {
      str_addc(b, '"');
      return 0;
    }
    if (c == '\\') {
      int d = src_get();
      if (d == '\n') continue;
      str_addc(b, '\\');
      if (d < 0) return unterminated("quoted string");
      str_addc(b, (char)d);
      continue;
    }
    if (c == '$') {
      if (read_dollar(b) < 0) return -1;
      continue;
    }
    if (c == '`') {
      if (read_backquote(b) < 0) return -1;
      continue;
    }
    str_addc(b, (char)c);
  }
}

static int read_squote(struct str *b) {
  int c;
  str_addc(b, '\'');
  while ((c = src_get()) != '\'') {
    if (c < 0) return unterminated("quoted string");
    str_addc(b, (char)c);
  }
  str_addc(b, '\'');
  return 0;
}

/* After `: to the closing backquote (escaped backquotes stay escaped for the inner parse). */
static int read_backquote(struct str *b) {
  int c;
  str_addc(b, '`');
  for (;;) {
    c = src_get();
    if (c < 0) return unterminated("`...`");
    if (c == '\\') {
      int d = src_get();
      str_addc(b, '\\');
      if (d >= 0) str_addc(b, (char)d);
      continue;
    }
    str_addc(b, (char)c);
    if (c == '`') return 0;
  }
}

/* Counts case ... esac inside $( ): a pattern's ')' there does not close the substitution. word collects
 * the current bare word; at each delimiter it is checked. */
int case_depth_step(char *word, int *wl, int c, int *ncase) {
  if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
    word[*wl] = 0;
    if (!strcmp(word, "case")) (*ncase)++;
    else if (!strcmp(word, "esac") && *ncase > 0) (*ncase)--;
    *wl = 0;
  } else if (*wl < 7) {
    word[(*wl)++] = (char)c;
  } else {
    *wl = 7; /* too long to be a keyword */
    word[0] = 0;
  }
  return *ncase;
}

/* A part of a word that begins with `c` and is kept as written: a backslash escape (a backslash-newline is
 * dropped), '...', "...", `...` or $.... Returns 1 when `c` began one (read into b), 0 when `c` is plain,
 * -1 on an unterminated part. `quoted` (may be NULL) is set when the part quotes. */
static int read_quoted_part(struct str *b, int c, int *quoted) {
  int r;
  if (c == '\\') {
    int d = src_get();
    if (d == '\n') return 1;
    if (quoted) *quoted = 1;
    str_addc(b, '\\');
    if (d >= 0) str_addc(b, (char)d);
    return 1;
  }
  if (c == '\'' || c == '"') {
    if (quoted) *quoted = 1;
    if (c == '"') str_addc(b, '"');
    r = c == '"' ? read_dquote(b) : read_squote(b);
  } else if (c == '`') {
    r = read_backquote(b);
  } else if (c == '$') {
    r = read_dollar(b);
  } else {
    return 0;
  }
  return r < 0 ? -1 : 1;
}

/* Reads balanced text up to the close character that ends depth 0 (for $( and ${), through quotes. */
static int read_balanced(struct str *b, int open, int close) {
  int depth = 1, c, ncase = 0, wl = 0;
  char word[8];
  for (;;) {
    c = src_get();
    if (open == '(' && c >= 0 && case_depth_step(word, &wl, c, &ncase) && c == ')' && depth == 1) {
      str_addc(b, (char)c);
      continue;
    }
    if (c < 0) return unterminated(open == '{' ? "${...}" : "$(...)");
    switch (read_quoted_part(b, c, 0)) {
    case -1: return -1;
    case 1: continue;
    }
    str_addc(b, (char)c);
    if (c == open) depth++;
    else if (c == close && --depth == 0) return 0;
  }
}

/* After $: the parameter, ${...}, $(...) or $((...)) as written. */
static int read_dollar(struct str *b) {
  int c = src_get();
  str_addc(b, '$');
  if (c == '{') {
    str_addc(b, '{');
    return read_balanced(b, '{', '}');
  }
  if (c == '(') {
    str_addc(b, '(');
    return read_balanced(b, '(', ')');
  }
  if (c >= 0) src_unget();
  return 0;
}

/* Reads a word's text into b; sets *quoted when any part was quoted or escaped. */
static int read_word(struct str *b, int *quoted) {
  int c;
  for (;;) {
    c = src_get();
    if (is_meta(c)) {
      if (c >= 0) src_unget();
      return 0;
    }
    switch (read_quoted_part(b, c, quoted)) {
    case -1: return -1;
    case 1: continue;
    }
    str_addc(b, (char)c);
  }
}

static int operator(int c, struct token *t) {
  int d = src_get();
  switch (c) {
  case ';':
    if (d == ';') return t->kind = TK_DSEMI, 0;
    t->kind = TK_SEMI;
    break;
  case '&':
    if (d == '&') return t->kind = TK_AND, 0;
    t->kind = TK_AMP;
    break;
  case '|':
    if (d == '|') return t->kind = TK_OR, 0;
    t->kind = TK_PIPE;
    break;
  case '(': t->kind = TK_LPAREN; break;
  case ')': t->kind = TK_RPAREN; break;
  case '<':
    if (d == '<') {
      if (src_peek() == '-') {
        src_get();
        return t->kind = TK_DLESSDASH, 0;
      }
      return t->kind = TK_DLESS, 0;
    }
    if (d == '&') return t->kind = TK_LESSAND, 0;
    if (d == '>') return t->kind = TK_LESSGREAT, 0;
    t->kind = TK_LESS;
    break;
  case '>':
    if (d == '>') return t->kind = TK_DGREAT, 0;
    if (d == '&') return t->kind = TK_GREATAND, 0;
    if (d == '|') return t->kind = TK_CLOBBER, 0;
    t->kind = TK_GREAT;
    break;
  }
  if (d >= 0) src_unget();
  return 0;
}

int lex_next(struct token *t) {
  int c;
  t->text = 0;
  t->io_number = -1;
  t->quoted = 0;
  for (;;) {
    c = src_get();
    if (c == ' ' || c == '\t') continue;
    if (c == '\\' && src_peek() == '\n') {
      src_get();
      continue;
    }
    if (c == '#') {
      while ((c = src_get()) >= 0 && c != '\n') {}
      if (c == '\n') src_unget();
      continue;
    }
    break;
  }
  t->lineno = src->lineno;
  if (c < 0) return t->kind = TK_EOF, 0;
  if (c == '\n') {
    t->kind = TK_NEWLINE;
    t->lineno = src->lineno - 1;
    return lex_heredocs();
  }
  if (strchr(";&|()<>", c)) return operator(c, t);
  {
    struct str b = {0, 0, 0};
    int quoted = 0;
    src_unget();
    if (read_word(&b, &quoted) < 0) {
      free(b.s);
      return -1;
    }
    t->text = str_take(&b);
    t->quoted = quoted;
    t->kind = TK_WORD;
    c = src_peek();
    if ((c == '<' || c == '>') && !quoted && t->text[0] && strspn(t->text, "0123456789") == strlen(t->text) &&
        strlen(t->text) < 4) {
      t->io_number = atoi(t->text);
      free(t->text);
      t->text = 0;
      operator(src_get(), t);
    }
    return 0;
  }
}

/* Reads one here-document body: lines up to the delimiter line (leading tabs dropped for <<-). */
static void read_heredoc(struct redir *r) {
  struct str body = {0, 0, 0};
  int quoted;
  char *delim = unquote(r->word, &quoted);
  r->quoted = quoted;
  for (;;) {
    struct str line = {0, 0, 0};
    int c, ended = 0;
    char *text;
    if (r->strip_tabs)
      while ((c = src_get()) == '\t') {}
    else
      c = src_get();
    if (c < 0) {
      free(line.s);
      break;
    }
    while (c >= 0 && c != '\n') {
      if (c == '\\' && !quoted) { /* an escaped newline joins lines before the delimiter test */
        int d = src_get();
        if (d == '\n') {
          c = src_get();
          continue;
        }
        str_addc(&line, '\\');
        if (d < 0) break;
        c = d;
        if (c == '\\') {
          str_addc(&line, '\\');
          c = src_get();
        }
        continue;
      }
      str_addc(&line, (char)c);
      c = src_get();
    }
    if (c < 0) ended = 1;
    text = str_take(&line);
    if (strcmp(text, delim) == 0) {
      free(text);
      break;
    }
    str_adds(&body, text);
    str_addc(&body, '\n');
    free(text);
    if (ended) break;
  }
  free(delim);
  r->heredoc = str_take(&body);
}

int lex_heredocs(void) {
  int i;
  for (i = 0; i < npending; i++) read_heredoc(pending[i]);
  npending = 0;
  return 0;
}
