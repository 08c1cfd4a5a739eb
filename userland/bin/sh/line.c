/* sh: a command line split into list elements (; && || &), each parsed into a pipeline and run. */
#include "sh.h"

/* Parses toks[*pos..] up to a list operator into cmds; returns the count, or -1 on a syntax error. */
static int parse_pipeline(int *pos, struct command *cmds) {
  int n = 0;
  struct command *c = &cmds[0];
  memset(c, 0, sizeof *c);
  for (;;) {
    struct token *t = &toks[*pos];
    if (t->kind == T_WORD) {
      if (c->argc < MAX_WORDS) c->argv[c->argc++] = t->text;
      (*pos)++;
    } else if (t->kind == T_LT || t->kind == T_GT || t->kind == T_GTGT || t->kind == T_ERR_GT) {
      struct token *f = &toks[*pos + 1];
      if (f->kind != T_WORD) { fprintf(stderr, "sh: syntax error: missing file name\n"); return -1; }
      if (t->kind == T_LT) c->in = f->text;
      else if (t->kind == T_ERR_GT) c->err = f->text;
      else { c->out = f->text; c->append = t->kind == T_GTGT; }
      *pos += 2;
    } else if (t->kind == T_ERR_TO_OUT) {
      c->err_to_out = 1;
      (*pos)++;
    } else if (t->kind == T_OUT_TO_ERR) {
      c->out_to_err = 1;
      (*pos)++;
    } else if (t->kind == T_PIPE) {
      if (c->argc == 0 || n + 1 >= MAX_CMDS) { fprintf(stderr, "sh: syntax error near '|'\n"); return -1; }
      c->argv[c->argc] = 0;
      n++;
      c = &cmds[n];
      memset(c, 0, sizeof *c);
      (*pos)++;
    } else {
      break;
    }
  }
  c->argv[c->argc] = 0;
  if (c->argc == 0) {
    if (n == 0 && !c->in && !c->out) return 0;
    fprintf(stderr, "sh: syntax error: missing command\n");
    return -1;
  }
  return n + 1;
}

/* Finds the next top-level list operator (; && || &) in line, outside quotes; stores the segment before it
 * (NUL-terminated) in seg and the operator kind in *op (T_END at the end). Returns the rest of the line. */
static const char *next_segment(const char *line, char *seg, int cap, int *op) {
  const char *p = line;
  char quote = 0;
  int n = 0;
  *op = T_END;
  while (*p) {
    if (quote) {
      if (*p == quote) quote = 0;
    } else if (*p == '\\' && p[1]) {
      if (n < cap - 2) seg[n++] = *p;
      p++;
    } else if (*p == '\'' || *p == '"') {
      quote = *p;
    } else if (*p == ';') {
      *op = T_SEMI;
      p++;
      break;
    } else if (p[0] == '&' && p[1] == '&') {
      *op = T_AND;
      p += 2;
      break;
    } else if (p[0] == '|' && p[1] == '|') {
      *op = T_OR;
      p += 2;
      break;
    } else if (*p == '&' && !(p > line && p[-1] == '>')) {
      *op = T_AMP;
      p++;
      break;
    }
    if (n < cap - 1) seg[n++] = *p;
    p++;
  }
  seg[n] = 0;
  return p;
}

/* Runs one command line: each list element is expanded ($VAR, $?) just before it runs. */
void run_line(const char *line) {
  static struct command cmds[MAX_CMDS];
  static char seg[LINE_MAX];
  int skip = 0;
  while (*line) {
    int op, pos = 0, n;
    line = next_segment(line, seg, sizeof seg, &op);
    if (skip) {
      /* a skipped element leaves $? as it was; the next operator decides again on it */
      skip = (op == T_AND && last_status != 0) || (op == T_OR && last_status == 0);
      continue;
    }
    if (lex(seg) < 0) {
      last_status = 2;
      return;
    }
    n = parse_pipeline(&pos, cmds);
    if (n > 0 && toks[pos].kind != T_END) {
      fprintf(stderr, "sh: syntax error\n");
      n = -1;
    }
    if (n < 0) {
      last_status = 2;
      free_tokens();
      return;
    }
    if (n == 0 && op != T_END && op != T_SEMI) {
      fprintf(stderr, "sh: syntax error near operator\n");
      last_status = 2;
      free_tokens();
      return;
    }
    if (n > 0) last_status = run_pipeline(cmds, n, op == T_AMP);
    free_tokens();
    skip = (op == T_AND && last_status != 0) || (op == T_OR && last_status == 0);
  }
}
