/* cfmt: a tokenizer and pretty-printer for C-like source.
 *
 *   cfmt IN OUT
 * Splits IN into tokens (keywords, identifiers, numbers, strings, characters, operators, punctuation,
 * comments, preprocessor lines), prints a count per kind and the ten most used identifiers, then writes OUT
 * re-laid out: four-space indentation by brace depth, one statement per line (except inside for (;;)),
 * spaces around binary operators and after commas and keywords, none inside parentheses, comments and
 * preprocessor lines kept as they are. An unterminated string or comment is reported with line:column and
 * exit status 1 (OUT is still written up to that point). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { T_KEYWORD, T_IDENT, T_NUMBER, T_STRING, T_CHAR, T_OP, T_PUNCT, T_COMMENT, T_PREPROC, T_EOF, T_KINDS } Kind;
static const char *const kind_names[T_KINDS] = { "keyword", "identifier", "number", "string", "char", "operator",
                                                 "punct", "comment", "preproc", "eof" };

typedef struct {
  Kind kind;
  const char *start;
  int len, line, col;
  unsigned newline_before : 1;   /* the token began a source line */
  unsigned unary : 1;            /* an operator used as a prefix (-x, *p, &v, !a) */
} Token;

static const char *const keywords[] = {   /* sorted for bsearch */
  "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern", "float",
  "for", "goto", "if", "int", "long", "return", "short", "signed", "sizeof", "static", "struct", "switch",
  "typedef", "union", "unsigned", "void", "volatile", "while",
};

static int cmp_keyword(const void *key, const void *elem) { return strcmp(key, *(const char *const *)elem); }

/* Operators, longest first so the first match is the longest. */
static const char *const ops[] = {
  "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=",
  "%=", "&=", "|=", "^=", "+", "-", "*", "/", "%", "<", ">", "=", "!", "~", "&", "|", "^", "?", ":", ".",
};

typedef struct {
  const char *src, *p;
  int line, col;
  char error[128];
} Lexer;

static void advance(Lexer *lx, int n) {
  while (n-- > 0 && *lx->p) {
    if (*lx->p == '\n') { lx->line++; lx->col = 1; } else lx->col++;
    lx->p++;
  }
}

static Token next_token(Lexer *lx) {
  int newline = lx->p == lx->src;
  while (*lx->p && isspace((unsigned char)*lx->p)) { if (*lx->p == '\n') newline = 1; advance(lx, 1); }
  Token t = { T_EOF, lx->p, 0, lx->line, lx->col, (unsigned)newline, 0 };
  const char *s = lx->p;
  if (!*s) return t;
  if (*s == '#' && newline) {
    const char *e = s;
    while (*e && !(*e == '\n' && e[-1] != '\\')) e++;
    t.kind = T_PREPROC;
  } else if (s[0] == '/' && s[1] == '/') {
    t.kind = T_COMMENT;
  } else if (s[0] == '/' && s[1] == '*') {
    const char *e = strstr(s + 2, "*/");
    t.kind = T_COMMENT;
    if (!e) { snprintf(lx->error, sizeof lx->error, "%d:%d: unterminated comment", t.line, t.col); t.kind = T_EOF; return t; }
    t.len = (int)(e + 2 - s);
  } else if (isalpha((unsigned char)*s) || *s == '_') {
    while (isalnum((unsigned char)s[t.len]) || s[t.len] == '_') t.len++;
    char word[32];
    snprintf(word, sizeof word, "%.*s", t.len, s);
    t.kind = bsearch(word, keywords, sizeof keywords / sizeof *keywords, sizeof *keywords, cmp_keyword) ? T_KEYWORD : T_IDENT;
  } else if (isdigit((unsigned char)*s) || (*s == '.' && isdigit((unsigned char)s[1]))) {
    t.kind = T_NUMBER;
    while (isalnum((unsigned char)s[t.len]) || s[t.len] == '.' ||
           ((s[t.len] == '+' || s[t.len] == '-') && (s[t.len - 1] == 'e' || s[t.len - 1] == 'E'))) t.len++;
  } else if (*s == '"' || *s == '\'') {
    t.kind = *s == '"' ? T_STRING : T_CHAR;
    t.len = 1;
    while (s[t.len] && s[t.len] != *s && s[t.len] != '\n') t.len += s[t.len] == '\\' && s[t.len + 1] ? 2 : 1;
    if (s[t.len] != *s) {
      snprintf(lx->error, sizeof lx->error, "%d:%d: unterminated %s", t.line, t.col, t.kind == T_STRING ? "string" : "character");
      t.kind = T_EOF;
      return t;
    }
    t.len++;
  } else if (strchr("{}()[];,", *s)) {
    t.kind = T_PUNCT;
    t.len = 1;
  } else {
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
      size_t n = strlen(ops[i]);
      if (!strncmp(s, ops[i], n)) { t.kind = T_OP; t.len = (int)n; break; }
    }
    if (t.kind != T_OP) {
      snprintf(lx->error, sizeof lx->error, "%d:%d: stray '%c'", t.line, t.col, *s);
      t.kind = T_EOF;
      return t;
    }
  }
  if (t.kind == T_PREPROC || (t.kind == T_COMMENT && s[1] == '/')) {
    while (s[t.len] && !(s[t.len] == '\n' && (t.len == 0 || s[t.len - 1] != '\\'))) t.len++;
  }
  advance(lx, t.len);
  return t;
}

static int is(const Token *t, const char *text) {
  return t->len == (int)strlen(text) && !strncmp(t->start, text, (size_t)t->len);
}

typedef struct { FILE *out; int depth, at_line_start, paren, for_parens; } Printer;

static void newline(Printer *pr) {
  if (!pr->at_line_start) fputc('\n', pr->out);
  pr->at_line_start = 1;
}

static void emit(Printer *pr, const Token *t, int space_before) {
  if (pr->at_line_start) { fprintf(pr->out, "%*s", 4 * pr->depth, ""); pr->at_line_start = 0; }
  else if (space_before) fputc(' ', pr->out);
  fwrite(t->start, 1, (size_t)t->len, pr->out);
}

typedef struct { const char *name; int len, count; } IdentCount;

static int by_count(const void *a, const void *b) {
  const IdentCount *x = a, *y = b;
  if (x->count != y->count) return y->count - x->count;
  int n = x->len < y->len ? x->len : y->len, c = strncmp(x->name, y->name, (size_t)n);
  return c ? c : x->len - y->len;
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: %s IN OUT\n", argv[0]); return 2; }
  FILE *in = fopen(argv[1], "r");
  if (!in) { perror(argv[1]); return 2; }
  static char src[65536];
  size_t n = fread(src, 1, sizeof src - 1, in);
  src[n] = 0;
  fclose(in);
  FILE *out = fopen(argv[2], "w");
  if (!out) { perror(argv[2]); return 2; }

  Lexer lx = { src, src, 1, 1, "" };
  Printer pr = { out, 0, 1, 0, 0 };
  int counts[T_KINDS] = { 0 };
  static IdentCount idents[1024];
  int nidents = 0;
  Token prev = { T_PUNCT, ";", 1, 0, 0, 0, 0 };
  for (;;) {
    Token t = next_token(&lx);
    counts[t.kind]++;
    if (t.kind == T_EOF) break;
    if (t.kind == T_IDENT) {
      int i;
      for (i = 0; i < nidents; i++) if (idents[i].len == t.len && !strncmp(idents[i].name, t.start, (size_t)t.len)) break;
      if (i == nidents && nidents < 1024) { idents[nidents].name = t.start; idents[nidents].len = t.len; idents[nidents++].count = 0; }
      if (i < 1024) idents[i].count++;
    }
    /* a prefix operator follows an operator, '(' '[' ',' ';' '{' '}' 'return' or nothing */
    int after_value = prev.kind == T_IDENT || prev.kind == T_NUMBER || prev.kind == T_STRING || prev.kind == T_CHAR ||
                      (prev.kind == T_PUNCT && (is(&prev, ")") || is(&prev, "]")));
    if (t.kind == T_OP && !after_value && (is(&t, "-") || is(&t, "+") || is(&t, "*") || is(&t, "&") || is(&t, "!") ||
                                           is(&t, "~") || is(&t, "++") || is(&t, "--"))) t.unary = 1;
    if (t.kind == T_PREPROC || (t.kind == T_COMMENT && t.newline_before)) {
      newline(&pr);
      int saved = pr.depth;
      if (t.kind == T_PREPROC) pr.depth = 0;
      emit(&pr, &t, 0);
      pr.depth = saved;
      newline(&pr);
      continue;
    }
    if (t.kind == T_COMMENT) { emit(&pr, &t, 1); if (t.start[1] == '/') newline(&pr); continue; }
    if (is(&t, "}")) { if (pr.depth > 0) pr.depth--; newline(&pr); emit(&pr, &t, 0); }
    else if (is(&t, "{")) { emit(&pr, &t, 1); pr.depth++; newline(&pr); }
    else if (is(&t, ";")) { emit(&pr, &t, 0); if (!pr.for_parens) newline(&pr); }
    else if (is(&t, ",")) emit(&pr, &t, 0);
    else if (is(&t, "(")) {
      int space = prev.kind == T_KEYWORD || (prev.kind == T_OP && !prev.unary) || is(&prev, ",");
      emit(&pr, &t, space);
      pr.paren++;
      if (prev.kind == T_KEYWORD && is(&prev, "for")) pr.for_parens = pr.paren;
    } else if (is(&t, ")")) {
      emit(&pr, &t, 0);
      if (pr.for_parens == pr.paren) pr.for_parens = 0;
      pr.paren--;
    } else if (is(&t, "[") || is(&t, "]") || is(&t, ".") || is(&t, "->")) emit(&pr, &t, 0);
    else if (t.kind == T_OP && (is(&t, "++") || is(&t, "--")) && !t.unary) emit(&pr, &t, 0);
    else {
      int space = !(prev.kind == T_PUNCT && (is(&prev, "(") || is(&prev, "["))) && !prev.unary &&
                  !(prev.kind == T_OP && (is(&prev, ".") || is(&prev, "->")));
      if (prev.kind == T_PUNCT && is(&prev, "}") && is(&t, "else")) space = 1;
      if (prev.kind == T_PUNCT && is(&prev, "}") && !is(&t, "else") && !is(&t, "while") && t.kind != T_PUNCT &&
          (pr.depth > 0 || t.kind == T_KEYWORD || pr.paren)) newline(&pr);   /* "} name;" stays one line */
      emit(&pr, &t, space);
    }
    prev = t;   /* struct copy */
  }
  newline(&pr);
  fclose(out);

  for (int k = 0; k < T_EOF; k++) printf("%-10s %5d\n", kind_names[k], counts[k]);
  printf("lines      %5d\n", lx.line - (lx.col == 1));
  qsort(idents, (size_t)nidents, sizeof *idents, by_count);
  printf("identifiers (%d distinct):", nidents);
  for (int i = 0; i < nidents && i < 10; i++) printf(" %.*s=%d", idents[i].len, idents[i].name, idents[i].count);
  putchar('\n');
  if (lx.error[0]) { fprintf(stderr, "%s:%s\n", argv[1], lx.error); printf("error at %s\n", lx.error); return 1; }
  return 0;
}
