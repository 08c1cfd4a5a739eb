/* basic: an interpreter for a small integer BASIC.
 *
 *   basic PROGRAM.bas    (INPUT statements read standard input)
 * Lines are numbered; statements: LET (optional), PRINT (expressions and "strings", separated by ; or ,),
 * IF expr THEN line | statement, GOTO, GOSUB, RETURN, FOR v = a TO b [STEP s] / NEXT v, DIM A(n), INPUT v,
 * REM, END, and ':' between statements. Variables A-Z (and arrays A()-Z()) hold 32-bit integers with
 * wrap-around; operators + - * / MOD, comparisons = <> < <= > >=, AND, OR, NOT, unary minus; functions
 * ABS(x), SGN(x), SQR(x) (integer square root), RND(n) (0..n-1 from a fixed-seed generator), MIN(a,b),
 * MAX(a,b). A run-time error prints "?MESSAGE IN LINE n" and stops the program (longjmp out of any depth of
 * evaluation), exit status 1. */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINES 512

typedef struct { int number; char *text; } Line;

static Line lines[MAX_LINES];
static int nlines;
static int32_t vars[26];
static int32_t *arrays[26];
static int array_len[26];
static const char *pos;      /* the parse position in the current line */
static int current;          /* index of the current line */
static jmp_buf on_error;
static char error_text[96];
static uint32_t rnd_state = 12345;
static long statements;

static void fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(error_text, sizeof error_text, fmt, ap);
  va_end(ap);
  longjmp(on_error, 1);
}

static void skip(void) { while (*pos == ' ' || *pos == '\t') pos++; }

/* Consumes keyword `kw` (case-insensitive) if it is next. */
static int accept(const char *kw) {
  skip();
  size_t n = strlen(kw);
  for (size_t i = 0; i < n; i++) if (toupper((unsigned char)pos[i]) != kw[i]) return 0;
  if (isalpha((unsigned char)kw[n - 1]) && isalpha((unsigned char)pos[n])) return 0;
  pos += n;
  return 1;
}

static void expect(const char *kw) { if (!accept(kw)) fail("SYNTAX ERROR (%s EXPECTED)", kw); }

static int32_t expr(void);

static int var_index(void) {
  skip();
  if (!isalpha((unsigned char)*pos) || isalpha((unsigned char)pos[1])) fail("SYNTAX ERROR (VARIABLE EXPECTED)");
  return toupper((unsigned char)*pos++) - 'A';
}

/* The element `v`(index) of an array, or the scalar when no '(' follows. */
static int32_t *lvalue(int v) {
  skip();
  if (*pos != '(') return &vars[v];
  pos++;
  int32_t i = expr();
  expect(")");
  if (!arrays[v]) fail("UNDIMENSIONED ARRAY %c", 'A' + v);
  if (i < 0 || i >= array_len[v]) fail("SUBSCRIPT %d OUT OF RANGE", (int)i);
  return &arrays[v][i];
}

typedef int32_t (*Builtin)(int32_t, int32_t);
static int32_t f_abs(int32_t a, int32_t b) { (void)b; return a < 0 ? (int32_t)(0u - (uint32_t)a) : a; }
static int32_t f_sgn(int32_t a, int32_t b) { (void)b; return (a > 0) - (a < 0); }
static int32_t f_sqr(int32_t a, int32_t b) {
  (void)b;
  if (a < 0) fail("ILLEGAL QUANTITY");
  uint32_t r = 0, bit = 1u << 30, x = (uint32_t)a;
  while (bit > x) bit >>= 2;
  while (bit) {
    if (x >= r + bit) { x -= r + bit; r = (r >> 1) + bit; } else r >>= 1;
    bit >>= 2;
  }
  return (int32_t)r;
}
static int32_t f_rnd(int32_t a, int32_t b) {
  (void)b;
  if (a <= 0) fail("ILLEGAL QUANTITY");
  rnd_state = rnd_state * 1103515245u + 12345u;
  return (int32_t)((rnd_state >> 16) % (uint32_t)a);
}
static int32_t f_min(int32_t a, int32_t b) { return a < b ? a : b; }
static int32_t f_max(int32_t a, int32_t b) { return a > b ? a : b; }

static const struct { const char *name; int args; Builtin fn; } builtins[] = {
  { "ABS", 1, f_abs }, { "SGN", 1, f_sgn }, { "SQR", 1, f_sqr }, { "RND", 1, f_rnd }, { "MIN", 2, f_min }, { "MAX", 2, f_max },
};

static int32_t primary(void) {
  skip();
  if (*pos == '(') { pos++; int32_t v = expr(); expect(")"); return v; }
  if (isdigit((unsigned char)*pos)) {
    int64_t v = 0;
    while (isdigit((unsigned char)*pos)) { v = v * 10 + (*pos++ - '0'); if (v > INT32_MAX) fail("OVERFLOW"); }
    return (int32_t)v;
  }
  for (size_t i = 0; i < sizeof builtins / sizeof *builtins; i++) {
    if (!accept(builtins[i].name)) continue;
    expect("(");
    int32_t a = expr(), b = 0;
    if (builtins[i].args == 2) { expect(","); b = expr(); }
    expect(")");
    return builtins[i].fn(a, b);
  }
  if (isalpha((unsigned char)*pos)) return *lvalue(var_index());
  fail("SYNTAX ERROR");
  return 0;
}

static int32_t unary(void) {
  if (accept("-")) return (int32_t)(0u - (uint32_t)unary());
  if (accept("NOT")) return !unary();
  return primary();
}

static int32_t term(void) {
  int32_t v = unary();
  for (;;) {
    if (accept("*")) v = (int32_t)((uint32_t)v * (uint32_t)unary());
    else if (accept("/") || accept("MOD")) {
      int is_div = pos[-1] == '/';
      int32_t d = unary();
      if (d == 0) fail("DIVISION BY ZERO");
      if (d == -1) v = is_div ? (int32_t)(0u - (uint32_t)v) : 0;
      else v = is_div ? v / d : v % d;
    } else return v;
  }
}

static int32_t sum(void) {
  int32_t v = term();
  for (;;) {
    if (accept("+")) v = (int32_t)((uint32_t)v + (uint32_t)term());
    else if (accept("-")) v = (int32_t)((uint32_t)v - (uint32_t)term());
    else return v;
  }
}

static int32_t comparison(void) {
  int32_t v = sum();
  if (accept("<>")) return v != sum();
  if (accept("<=")) return v <= sum();
  if (accept(">=")) return v >= sum();
  if (accept("<")) return v < sum();
  if (accept(">")) return v > sum();
  if (accept("=")) return v == sum();
  return v;
}

static int32_t conjunction(void) {
  int32_t v = comparison();
  while (accept("AND")) { int32_t w = comparison(); v = v && w; }
  return v;
}

static int32_t expr(void) {
  int32_t v = conjunction();
  while (accept("OR")) { int32_t w = conjunction(); v = v || w; }
  return v;
}

static int find_line(int number) {
  int lo = 0, hi = nlines - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (lines[mid].number == number) return mid;
    if (lines[mid].number < number) lo = mid + 1; else hi = mid - 1;
  }
  fail("UNDEFINED LINE %d", number);
  return -1;
}

typedef struct { int line; const char *resume; int var; int32_t limit, step; } Frame;
static Frame gosubs[64], fors[16];
static int ngosub, nfor;

/* Runs the statements from `pos` to the end of the line; returns the next line index. */
static int run_line(void) {
  int next = current + 1;
  for (;;) {
    skip();
    statements++;
    if (!*pos || accept("REM")) return next;
    if (accept("PRINT")) {
      int newline = 1;
      skip();
      while (*pos && *pos != ':') {
        if (*pos == '"') {
          const char *end = strchr(pos + 1, '"');
          if (!end) fail("SYNTAX ERROR (UNTERMINATED STRING)");
          fwrite(pos + 1, 1, (size_t)(end - pos - 1), stdout);
          pos = end + 1;
        } else printf("%d", (int)expr());
        skip();
        newline = 1;
        if (*pos == ';') { pos++; newline = 0; }
        else if (*pos == ',') { pos++; putchar('\t'); newline = 0; }
        skip();
      }
      if (newline) putchar('\n');
    } else if (accept("IF")) {
      int32_t c = expr();
      expect("THEN");
      skip();
      if (!c) return next;
      if (isdigit((unsigned char)*pos)) return find_line((int)expr());
      continue;   /* the statement after THEN */
    } else if (accept("GOTO")) {
      return find_line((int)expr());
    } else if (accept("GOSUB")) {
      int target = find_line((int)expr());
      if (ngosub == 64) fail("GOSUB NESTED TOO DEEPLY");
      gosubs[ngosub].line = current;
      gosubs[ngosub++].resume = pos;
      return target;
    } else if (accept("RETURN")) {
      if (ngosub == 0) fail("RETURN WITHOUT GOSUB");
      Frame f = gosubs[--ngosub];
      current = f.line;
      pos = f.resume;
      next = current + 1;
      if (accept(":")) continue;
      return next;
    } else if (accept("FOR")) {
      int v = var_index();
      expect("=");
      vars[v] = expr();
      expect("TO");
      int32_t limit = expr(), step = 1;
      if (accept("STEP")) step = expr();
      if (step == 0) fail("FOR WITH STEP 0");
      if (nfor == 16) fail("FOR NESTED TOO DEEPLY");
      Frame f = { current, pos, v, limit, step };
      fors[nfor++] = f;
    } else if (accept("NEXT")) {
      skip();
      int v = isalpha((unsigned char)*pos) ? var_index() : -1;
      if (nfor == 0 || (v >= 0 && fors[nfor - 1].var != v)) fail("NEXT WITHOUT FOR");
      Frame *f = &fors[nfor - 1];
      vars[f->var] = (int32_t)((uint32_t)vars[f->var] + (uint32_t)f->step);
      if (f->step > 0 ? vars[f->var] <= f->limit : vars[f->var] >= f->limit) {
        current = f->line;
        pos = f->resume;
        next = current + 1;
      } else nfor--;
    } else if (accept("DIM")) {
      int v = var_index();
      expect("(");
      int32_t n = expr();
      expect(")");
      if (n < 0 || n > 100000) fail("ILLEGAL QUANTITY");
      free(arrays[v]);
      arrays[v] = calloc((size_t)n + 1, sizeof(int32_t));
      array_len[v] = n + 1;
    } else if (accept("INPUT")) {
      int v = var_index();
      int32_t *p = lvalue(v);
      char buf[64];
      printf("? ");
      if (!fgets(buf, sizeof buf, stdin)) fail("OUT OF DATA");
      *p = (int32_t)strtol(buf, NULL, 10);
      printf("%d\n", (int)*p);
    } else if (accept("END")) {
      return nlines;
    } else {
      accept("LET");
      int v = var_index();
      int32_t *p = lvalue(v);
      expect("=");
      *p = expr();
    }
    skip();
    if (*pos == ':') { pos++; continue; }
    if (*pos) fail("SYNTAX ERROR");
    return next;
  }
}

static int by_number(const void *a, const void *b) {
  return ((const Line *)a)->number - ((const Line *)b)->number;
}

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: %s PROGRAM.bas\n", argv[0]); return 2; }
  FILE *f = fopen(argv[1], "r");
  if (!f) { perror(argv[1]); return 2; }
  char buf[256];
  while (fgets(buf, sizeof buf, f)) {
    char *end;
    long number = strtol(buf, &end, 10);
    if (end == buf) continue;
    if (nlines == MAX_LINES) { fprintf(stderr, "program too long\n"); return 2; }
    while (*end == ' ') end++;
    end[strcspn(end, "\r\n")] = 0;
    lines[nlines].number = (int)number;
    lines[nlines].text = strdup(end);
    nlines++;
  }
  fclose(f);
  qsort(lines, (size_t)nlines, sizeof *lines, by_number);
  int status = 0;
  current = 0;
  if (setjmp(on_error)) {
    fflush(stdout);
    printf("?%s IN LINE %d\n", error_text, lines[current].number);
    status = 1;
  } else {
    while (current < nlines) {
      pos = lines[current].text;
      current = run_line();
    }
  }
  printf("-- %ld statements\n", statements);
  for (int i = 0; i < 26; i++) free(arrays[i]);
  for (int i = 0; i < nlines; i++) free(lines[i].text);
  return status;
}
