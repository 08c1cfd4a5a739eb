/* sh: the parser: tokens into a tree, one complete command at a time, by recursive descent over the POSIX
 * grammar (each function carries its rule). Reserved words are plain unquoted words in command position. */
#include "sh.h"

static struct token cur;
static int parse_failed;
extern int prompt_continued;
void source_compact(void);

static void advance(void) {
  free(cur.text);
  if (lex_next(&cur) < 0) {
    parse_failed = 1;
    cur.kind = TK_EOF;
    cur.text = 0;
  }
}

static int is_word(const char *w) { return cur.kind == TK_WORD && !cur.quoted && cur.io_number < 0 && strcmp(cur.text, w) == 0; }

static const char *token_name(void) {
  switch (cur.kind) {
  case TK_WORD: return 0;
  case TK_NEWLINE: return "newline";
  case TK_EOF: return "end of file";
  case TK_SEMI: return "\";\"";
  case TK_DSEMI: return "\";;\"";
  case TK_AMP: return "\"&\"";
  case TK_PIPE: return "\"|\"";
  case TK_AND: return "\"&&\"";
  case TK_OR: return "\"||\"";
  case TK_LPAREN: return "\"(\"";
  case TK_RPAREN: return "\")\"";
  default: return "redirection";
  }
}

/* Reports the current token as unexpected (once), optionally saying what was expected. */
static void *unexpected(const char *expecting) {
  const char *name = token_name();
  if (parse_failed) return 0;
  parse_failed = 1;
  if (expecting) {
    if (name) sh_error("Syntax error: %s unexpected (expecting \"%s\")", name, expecting);
    else sh_error("Syntax error: \"%s\" unexpected (expecting \"%s\")", cur.text, expecting);
  } else {
    if (name) sh_error("Syntax error: %s unexpected", name);
    else sh_error("Syntax error: \"%s\" unexpected", cur.text);
  }
  return 0;
}

static int expect_word(const char *w) {
  if (is_word(w)) {
    advance();
    return 1;
  }
  unexpected(w);
  return 0;
}

static void linebreak(void) {
  while (cur.kind == TK_NEWLINE) advance();
}

/* A word that ends a compound list: then else elif fi do done esac } */
static int at_list_end(void) {
  static const char *const ends[] = {"then", "else", "elif", "fi", "do", "done", "esac", "}", 0};
  int i;
  if (cur.kind == TK_EOF || cur.kind == TK_RPAREN || cur.kind == TK_DSEMI) return 1;
  for (i = 0; ends[i]; i++)
    if (is_word(ends[i])) return 1;
  return 0;
}

static void push(char ***v, int *n, char *s) {
  *v = realloc(*v, sizeof(char *) * (*n + 2));
  (*v)[(*n)++] = s;
  (*v)[*n] = 0;
}

static struct node *and_or(void);
static struct node *command(void);

static struct node *seq(struct node *a, struct node *b) {
  struct node *n;
  if (!a) return b;
  n = node_new(N_SEQ);
  n->a = a;
  n->b = b;
  return n;
}

/* compound_list = linebreak and_or ((';' | '&' | newline) linebreak and_or)* [separator] */
static struct node *compound_list(void) {
  struct node *list = 0;
  linebreak();
  while (!parse_failed && !at_list_end()) {
    struct node *n = and_or();
    if (!n) break;
    if (cur.kind == TK_AMP) {
      struct node *bg = node_new(N_BG);
      bg->a = n;
      n = bg;
    }
    list = seq(list, n);
    if (cur.kind == TK_SEMI || cur.kind == TK_AMP || cur.kind == TK_NEWLINE) {
      advance();
      linebreak();
    } else {
      break;
    }
  }
  if (parse_failed) {
    node_free(list);
    return 0;
  }
  return list;
}

/* A compound list that must not be empty (dash: "Syntax error: X unexpected"). */
static struct node *body_list(void) {
  struct node *n = compound_list();
  if (!n && !parse_failed) unexpected(0);
  return n;
}

/* redirection = [io_number] op word */
static int redirection(struct redir ***tail) {
  struct redir *r;
  int fd = cur.io_number;
  enum tok op = cur.kind;
  if (op < TK_LESS) return 0;
  r = xmalloc(sizeof *r);
  memset(r, 0, sizeof *r);
  switch (op) {
  case TK_LESS: r->kind = R_IN; break;
  case TK_GREAT: r->kind = R_OUT; break;
  case TK_DGREAT: r->kind = R_APPEND; break;
  case TK_CLOBBER: r->kind = R_CLOBBER; break;
  case TK_LESSAND: r->kind = R_DUPIN; break;
  case TK_GREATAND: r->kind = R_DUPOUT; break;
  case TK_LESSGREAT: r->kind = R_RDWR; break;
  default: r->kind = R_HEREDOC; r->strip_tabs = op == TK_DLESSDASH; break;
  }
  r->fd = fd >= 0 ? fd : (r->kind == R_IN || r->kind == R_DUPIN || r->kind == R_RDWR || r->kind == R_HEREDOC) ? 0 : 1;
  cur.text = 0;
  advance();
  if (cur.kind != TK_WORD || cur.io_number >= 0) {
    free(r);
    unexpected(0);
    return -1;
  }
  r->word = cur.text;
  cur.text = 0;
  **tail = r;
  *tail = &r->next;
  if (r->kind == R_HEREDOC) lex_add_heredoc(r); /* before the newline after it is read */
  advance();
  return 1;
}

static int redirections(struct node *n) {
  struct redir **tail = &n->redirs;
  int r;
  while (*tail) tail = &(*tail)->next;
  while ((r = redirection(&tail)) > 0) {}
  return r;
}

/* if_clause = if list then list (elif list then list)* [else list] fi */
static struct node *if_clause(void) {
  struct node *n = node_new(N_IF);
  advance();
  n->a = body_list();
  if (parse_failed || !expect_word("then")) goto fail;
  n->b = body_list();
  if (parse_failed) goto fail;
  if (is_word("elif")) {
    n->c = if_clause(); /* elif ... fi is an if nested in the else part; it takes the fi */
    if (!n->c) goto fail;
    return n;
  }
  if (is_word("else")) {
    advance();
    n->c = body_list();
    if (parse_failed) goto fail;
  }
  if (!expect_word("fi")) goto fail;
  return n;
fail:
  node_free(n);
  return 0;
}

/* while_clause = (while | until) list do_group ; do_group = do list done */
static struct node *loop_clause(int kind) {
  struct node *n = node_new(kind);
  advance();
  n->a = body_list();
  if (parse_failed || !expect_word("do")) goto fail;
  n->b = body_list();
  if (parse_failed || !expect_word("done")) goto fail;
  return n;
fail:
  node_free(n);
  return 0;
}

/* for_clause = for name [linebreak in word* (';' | newline)] linebreak do_group */
static struct node *for_clause(void) {
  struct node *n = node_new(N_FOR);
  advance();
  if (cur.kind != TK_WORD || !is_name(cur.text, (int)strlen(cur.text))) {
    unexpected(0);
    goto fail;
  }
  n->name = cur.text;
  cur.text = 0;
  advance();
  linebreak();
  if (is_word("in")) {
    n->has_in = 1;
    advance();
    while (cur.kind == TK_WORD) {
      push(&n->words, &n->nwords, cur.text);
      cur.text = 0;
      advance();
    }
    if (cur.kind != TK_SEMI && cur.kind != TK_NEWLINE) {
      unexpected(0);
      goto fail;
    }
    advance();
    linebreak();
  } else if (cur.kind == TK_SEMI) {
    advance();
    linebreak();
  }
  if (!expect_word("do")) goto fail;
  n->b = body_list();
  if (parse_failed || !expect_word("done")) goto fail;
  return n;
fail:
  node_free(n);
  return 0;
}

/* case_clause = case word linebreak in linebreak (['('] pattern ('|' pattern)* ')' list [';;'] linebreak)* esac */
static struct node *case_clause(void) {
  struct node *n = node_new(N_CASE);
  struct case_item **tail = &n->items;
  advance();
  if (cur.kind != TK_WORD) {
    unexpected(0);
    goto fail;
  }
  n->name = cur.text;
  cur.text = 0;
  advance();
  linebreak();
  if (!expect_word("in")) goto fail;
  linebreak();
  while (!is_word("esac")) {
    struct case_item *it = xmalloc(sizeof *it);
    memset(it, 0, sizeof *it);
    *tail = it;
    tail = &it->next;
    if (cur.kind == TK_LPAREN) advance();
    for (;;) {
      if (cur.kind != TK_WORD) {
        unexpected(0);
        goto fail;
      }
      push(&it->patterns, &it->npatterns, cur.text);
      cur.text = 0;
      advance();
      if (cur.kind != TK_PIPE) break;
      advance();
    }
    if (cur.kind != TK_RPAREN) {
      unexpected(")");
      goto fail;
    }
    advance();
    it->body = compound_list();
    if (parse_failed) goto fail;
    if (cur.kind == TK_DSEMI) {
      advance();
      linebreak();
    } else if (!is_word("esac")) {
      unexpected(0);
      goto fail;
    }
  }
  advance();
  return n;
fail:
  node_free(n);
  return 0;
}

/* brace_group = '{' list '}' ; subshell = '(' list ')' */
static struct node *group(int kind) {
  struct node *n = node_new(kind);
  advance();
  n->a = body_list();
  if (parse_failed) goto fail;
  if (kind == N_GROUP) {
    if (!expect_word("}")) goto fail;
  } else {
    if (cur.kind != TK_RPAREN) {
      unexpected(")");
      goto fail;
    }
    advance();
  }
  return n;
fail:
  node_free(n);
  return 0;
}

static struct node *compound(void) {
  struct node *n = 0;
  if (cur.kind == TK_LPAREN) n = group(N_SUBSHELL);
  else if (is_word("{")) n = group(N_GROUP);
  else if (is_word("if")) n = if_clause();
  else if (is_word("while")) n = loop_clause(N_WHILE);
  else if (is_word("until")) n = loop_clause(N_UNTIL);
  else if (is_word("for")) n = for_clause();
  else if (is_word("case")) n = case_clause();
  else return 0;
  if (n && redirections(n) < 0) {
    node_free(n);
    return 0;
  }
  return n;
}

static int is_assignment(const char *w) {
  const char *eq = strchr(w, '=');
  return eq && eq > w && is_name(w, (int)(eq - w));
}

/* simple_command = (assignment | redirection)* [word (word | redirection)*] ; function_def = name '(' ')' linebreak compound */
static struct node *simple_command(void) {
  struct node *n = node_new(N_CMD);
  struct redir **tail = &n->redirs;
  n->lineno = cur.lineno;
  for (;;) {
    int r;
    if (cur.kind == TK_WORD && cur.io_number < 0) {
      if (n->nwords == 0 && is_assignment(cur.text)) push(&n->assigns, &n->nassigns, cur.text);
      else push(&n->words, &n->nwords, cur.text);
      cur.text = 0;
      advance();
      if (n->nwords == 1 && n->nassigns == 0 && !n->redirs && cur.kind == TK_LPAREN) {
        struct node *f = node_new(N_FUNC);
        f->name = n->words[0];
        n->words[0] = 0;
        n->nwords = 0;
        node_free(n);
        advance();
        if (cur.kind != TK_RPAREN) {
          node_free(f);
          return unexpected(0);
        }
        advance();
        linebreak();
        f->a = compound();
        if (!f->a) {
          if (!parse_failed) unexpected(0);
          node_free(f);
          return 0;
        }
        return f;
      }
      continue;
    }
    r = redirection(&tail);
    if (r < 0) {
      node_free(n);
      return 0;
    }
    if (r == 0) break;
  }
  if (n->nwords == 0 && n->nassigns == 0 && !n->redirs) {
    node_free(n);
    return unexpected(0);
  }
  return n;
}

static struct node *command(void) {
  struct node *n;
  if (cur.kind == TK_WORD && !cur.quoted && at_list_end()) return unexpected(0);
  n = compound();
  if (n || parse_failed) return n;
  return simple_command();
}

/* pipeline = ['!'] command ('|' linebreak command)* */
static struct node *pipeline(void) {
  int negate = 0;
  struct node *n, *p;
  while (is_word("!")) {
    negate = !negate;
    advance();
  }
  n = command();
  if (!n) return 0;
  if (cur.kind == TK_PIPE) {
    p = node_new(N_PIPE);
    push((char ***)&p->kids, &p->nkids, (char *)n);
    while (cur.kind == TK_PIPE) {
      advance();
      linebreak();
      n = command();
      if (!n) {
        node_free(p);
        return 0;
      }
      push((char ***)&p->kids, &p->nkids, (char *)n);
    }
    n = p;
  }
  if (negate) {
    p = node_new(N_NOT);
    p->a = n;
    n = p;
  }
  return n;
}

/* and_or = pipeline (('&&' | '||') linebreak pipeline)* */
static struct node *and_or(void) {
  struct node *n = pipeline();
  while (n && (cur.kind == TK_AND || cur.kind == TK_OR)) {
    struct node *op = node_new(cur.kind == TK_AND ? N_AND : N_OR);
    advance();
    linebreak();
    op->a = n;
    op->b = pipeline();
    if (!op->b) {
      node_free(op);
      return 0;
    }
    n = op;
  }
  return n;
}

/* complete_command = and_or ((';' | '&') and_or)* [';' | '&'] (newline | EOF) */
struct node *parse_command(int *eof, int *error) {
  struct node *list = 0;
  extern int parsing;
  parse_failed = 0;
  parsing = 1;
  *eof = 0;
  *error = 0;
  prompt_continued = 0;
  source_compact();
  lex_reset();
  cur.text = 0;
  advance();
  if (cur.kind == TK_NEWLINE) { /* an empty line: back to the caller, which reports finished jobs */
    parsing = 0;
    free(cur.text);
    cur.text = 0;
    return 0;
  }
  while (!parse_failed && cur.kind != TK_NEWLINE && cur.kind != TK_EOF) {
    struct node *n = and_or();
    if (!n) break;
    if (cur.kind == TK_AMP) {
      struct node *bg = node_new(N_BG);
      bg->a = n;
      n = bg;
    }
    list = seq(list, n);
    if (cur.kind == TK_SEMI || cur.kind == TK_AMP) advance();
    else if (cur.kind != TK_NEWLINE && cur.kind != TK_EOF) unexpected(0);
  }
  parsing = 0;
  if (cur.kind == TK_EOF && !list) *eof = 1;
  free(cur.text);
  cur.text = 0;
  if (parse_failed) {
    node_free(list);
    *error = 1;
    return 0;
  }
  return list;
}
