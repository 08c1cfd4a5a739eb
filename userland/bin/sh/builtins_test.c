/* sh: test and [ (POSIX test, with its rules by argument count, then -a -o ! ( ) for longer expressions).
 * Exit 0 true, 1 false, 2 on a usage error. */
#include "sh.h"

static char **args;
static int nargs, pos, test_error;
static const char *test_name;

static int error(const char *fmt, const char *a) {
  if (!test_error) {
    char msg[256];
    snprintf(msg, sizeof msg, fmt, a);
    sh_error("%s: %s", test_name, msg);
  }
  test_error = 1;
  return 0;
}

static int is_unary(const char *s) {
  return s[0] == '-' && s[1] && !s[2] && strchr("bcdefghLnprsStuwxzk", s[1]);
}

static int is_binary(const char *s) {
  static const char *const ops[] = {"=", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef", "==", 0};
  int i;
  for (i = 0; ops[i]; i++)
    if (!strcmp(s, ops[i])) return 1;
  return 0;
}

static long long integer(const char *s) {
  char *end;
  long long v;
  const char *p = s;
  while (*p == ' ' || *p == '\t') p++;
  v = strtoll(p, &end, 10);
  while (*end == ' ' || *end == '\t') end++;
  if (end == p || *end) error("Illegal number: %s", s);
  return v;
}

static int unary(const char *op, const char *a) {
  struct stat st;
  switch (op[1]) {
  case 'n': return *a != 0;
  case 'z': return *a == 0;
  case 't': return isatty((int)integer(a));
  case 'L':
  case 'h': return lstat(a, &st) == 0 && S_ISLNK(st.st_mode);
  }
  if (stat(a, &st) != 0) return 0;
  switch (op[1]) {
  case 'e': return 1;
  case 'f': return S_ISREG(st.st_mode);
  case 'd': return S_ISDIR(st.st_mode);
  case 'c': return S_ISCHR(st.st_mode);
  case 'b': return (st.st_mode & S_IFMT) == S_IFBLK;
  case 'p': return S_ISFIFO(st.st_mode);
  case 'S': return (st.st_mode & S_IFMT) == S_IFSOCK;
  case 's': return st.st_size > 0;
  case 'r': return geteuid() == 0 || (st.st_mode & 0444);
  case 'w': return geteuid() == 0 || (st.st_mode & 0222);
  case 'x': return (st.st_mode & 0111) != 0;
  case 'u': return (st.st_mode & 04000) != 0;
  case 'g': return (st.st_mode & 02000) != 0;
  case 'k': return (st.st_mode & 01000) != 0;
  }
  return 0;
}

static int binary(const char *a, const char *op, const char *b) {
  struct stat sa, sb;
  if (!strcmp(op, "=") || !strcmp(op, "==")) return strcmp(a, b) == 0;
  if (!strcmp(op, "!=")) return strcmp(a, b) != 0;
  if (!strcmp(op, "<")) return strcmp(a, b) < 0;
  if (!strcmp(op, ">")) return strcmp(a, b) > 0;
  if (!strcmp(op, "-nt") || !strcmp(op, "-ot") || !strcmp(op, "-ef")) {
    int ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
    if (op[1] == 'e') return ea && eb && sa.st_ino == sb.st_ino && sa.st_dev == sb.st_dev;
    if (op[1] == 'n') return ea && (!eb || (sa.st_mtim.tv_sec > sb.st_mtim.tv_sec || (sa.st_mtim.tv_sec == sb.st_mtim.tv_sec && sa.st_mtim.tv_nsec > sb.st_mtim.tv_nsec)));
    return eb && (!ea || (sa.st_mtim.tv_sec < sb.st_mtim.tv_sec || (sa.st_mtim.tv_sec == sb.st_mtim.tv_sec && sa.st_mtim.tv_nsec < sb.st_mtim.tv_nsec)));
  }
  {
    long long x = integer(a), y = integer(b);
    if (!strcmp(op, "-eq")) return x == y;
    if (!strcmp(op, "-ne")) return x != y;
    if (!strcmp(op, "-lt")) return x < y;
    if (!strcmp(op, "-le")) return x <= y;
    if (!strcmp(op, "-gt")) return x > y;
    return x >= y;
  }
}

static int expr_or(void);

static const char *next(void) { return pos < nargs ? args[pos++] : 0; }

/* primary = '(' expr ')' | '!' primary | unary-op arg | arg binary-op arg | arg */
static int primary(void) {
  const char *a = next();
  if (!a) return error("%s", "argument expected");
  if (!strcmp(a, "!")) return !primary();
  if (!strcmp(a, "(") && pos < nargs) {
    int v = expr_or();
    const char *c = next();
    if (!c || strcmp(c, ")")) error("%s", "closing paren expected");
    return v;
  }
  if (pos + 1 < nargs && is_binary(args[pos])) {
    const char *op = next();
    return binary(a, op, next());
  }
  if (is_unary(a) && pos < nargs) return unary(a, next());
  return *a != 0;
}

static int expr_and(void) {
  int v = primary();
  while (pos < nargs && !strcmp(args[pos], "-a")) {
    pos++;
    v = primary() && v;
  }
  return v;
}

static int expr_or(void) {
  int v = expr_and();
  while (pos < nargs && !strcmp(args[pos], "-o")) {
    pos++;
    v = expr_and() || v;
  }
  return v;
}

/* POSIX's rules for 0 to 4 arguments, which make `test ! = x` and `test -n` mean what they say. */
static int evaluate(char **a, int n) {
  if (n == 0) return 0;
  if (n == 1) return a[0][0] != 0;
  if (n == 2) {
    if (!strcmp(a[0], "!")) return a[1][0] == 0;
    if (is_unary(a[0])) return unary(a[0], a[1]);
    error("%s: unexpected operator", a[0]);
    return 0;
  }
  if (n == 3) {
    if (is_binary(a[1])) return binary(a[0], a[1], a[2]);
    if (!strcmp(a[0], "!")) return !evaluate(a + 1, 2);
    if (!strcmp(a[0], "(") && !strcmp(a[2], ")")) return a[1][0] != 0;
    if (!strcmp(a[1], "-a")) return a[0][0] && a[2][0];
    if (!strcmp(a[1], "-o")) return a[0][0] || a[2][0];
  }
  if (n == 4) {
    if (!strcmp(a[0], "!")) return !evaluate(a + 1, 3);
    if (!strcmp(a[0], "(") && !strcmp(a[3], ")")) return evaluate(a + 1, 2);
  }
  args = a;
  nargs = n;
  pos = 0;
  {
    int v = expr_or();
    if (pos < nargs) error("%s: unexpected operator", args[pos]);
    return v;
  }
}

int bi_test(int argc, char **argv) {
  int v;
  test_error = 0;
  test_name = argv[0];
  v = evaluate(argv + 1, argc - 1);
  return test_error ? 2 : !v;
}

int bi_bracket(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[argc - 1], "]")) {
    sh_error("[: missing ]");
    return 2;
  }
  {
    char *last = argv[argc - 1];
    int r;
    argv[argc - 1] = 0;
    r = bi_test(argc - 1, argv);
    argv[argc - 1] = last;
    return r;
  }
}
