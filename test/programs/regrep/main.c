/* regrep: a grep with its own regular-expression engine (a backtracking virtual machine, as in Pike/Thompson's
 * instruction set: CHAR, ANY, CLASS, SPLIT, JMP, SAVE, BOL, EOL, MATCH).
 *
 *   regrep [-civnoH] [-g] [-m NUM] -e PATTERN [-e PATTERN...] [FILE...]
 *   regrep [options] PATTERN [FILE...]
 * Syntax (POSIX ERE flavour): literals, ., [abc] [^a-z] with ranges and \d \w \s inside, \d \w \s \D \W \S,
 * ^ $, groups ( ), alternation |, quantifiers * + ? {m} {m,} {m,n}, and their lazy forms *? +? ??.
 * -c counts matching lines, -v inverts, -n numbers lines, -o prints each match, -i ignores case, -H names
 * the file, -g prints the capture groups of the first match, -m stops after NUM matching lines.
 * Exit status: 0 if a line matched, 1 if none did, 2 for an error (a bad pattern is reported with its column).
 * With REGREP_STATS set in the environment it reports the machine's steps on standard error. */
#include <ctype.h>
#include <getopt.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { I_CHAR, I_ANY, I_CLASS, I_SPLIT, I_JMP, I_SAVE, I_BOL, I_EOL, I_MATCH };

typedef struct {
  unsigned char op;
  unsigned char c;
  short cls;      /* class index for I_CLASS */
  int x, y;       /* targets for SPLIT (x preferred) and JMP, slot for SAVE */
} Inst;

typedef struct { unsigned char bits[32]; } CharSet;

/* Parse tree */
typedef enum { N_CHAR, N_ANY, N_CLASS, N_BOL, N_EOL, N_CAT, N_ALT, N_GROUP, N_REPEAT } NodeKind;
typedef struct Node {
  NodeKind kind;
  int c, cls, group, min, max, lazy;   /* max -1: unbounded */
  struct Node *a, *b;
} Node;

#define MAX_INSTS 4000
#define MAX_CLASSES 64
#define MAX_GROUPS 10

typedef struct {
  Inst code[MAX_INSTS];
  int n;
  CharSet classes[MAX_CLASSES];
  int nclasses, ngroups;
  int icase;
} Regex;

typedef struct {
  const char *src, *p;
  Regex *re;
  jmp_buf fail;       /* parse errors unwind straight back to compile() */
  char message[120];
} ParseState;

static void parse_error(ParseState *ps, const char *what) {
  snprintf(ps->message, sizeof ps->message, "column %d: %s", (int)(ps->p - ps->src) + 1, what);
  longjmp(ps->fail, 1);
}

static Node *node(ParseState *ps, NodeKind k, Node *a, Node *b) {
  Node *n = calloc(1, sizeof *n);
  if (!n) parse_error(ps, "out of memory");
  n->kind = k; n->a = a; n->b = b;
  return n;
}

static void free_tree(Node *n) {
  if (!n) return;
  free_tree(n->a);
  free_tree(n->b);
  free(n);
}

static void set_add(CharSet *s, int c) { s->bits[(unsigned char)c >> 3] |= (unsigned char)(1 << (c & 7)); }
static int set_has(const CharSet *s, int c) { return s->bits[(unsigned char)c >> 3] >> (c & 7) & 1; }

static void set_escape(CharSet *s, int e) {
  for (int c = 0; c < 256; c++) {
    int in = e == 'd' || e == 'D' ? isdigit(c) : e == 'w' || e == 'W' ? (isalnum(c) || c == '_') : isspace(c);
    if (isupper(e)) in = !in;
    if (in) set_add(s, c);
  }
}

static int new_class(ParseState *ps) {
  if (ps->re->nclasses == MAX_CLASSES) parse_error(ps, "too many classes");
  memset(&ps->re->classes[ps->re->nclasses], 0, sizeof(CharSet));
  return ps->re->nclasses++;
}

static Node *parse_alt(ParseState *ps);

static Node *parse_atom(ParseState *ps) {
  char c = *ps->p;
  if (c == '(') {
    ps->p++;
    int g = ++ps->re->ngroups;
    if (g >= MAX_GROUPS) parse_error(ps, "too many groups");
    Node *inner = parse_alt(ps);
    if (*ps->p != ')') parse_error(ps, "missing )");
    ps->p++;
    Node *n = node(ps, N_GROUP, inner, NULL);
    n->group = g;
    return n;
  }
  if (c == '[') {
    ps->p++;
    int k = new_class(ps), neg = 0;
    CharSet *s = &ps->re->classes[k];
    if (*ps->p == '^') { neg = 1; ps->p++; }
    int first = 1;
    while (*ps->p && (*ps->p != ']' || first)) {
      int lo = (unsigned char)*ps->p++;
      first = 0;
      if (lo == '\\' && *ps->p && strchr("dwsDWS", *ps->p)) { set_escape(s, *ps->p++); continue; }
      if (lo == '\\' && *ps->p) lo = (unsigned char)*ps->p++;
      int hi = lo;
      if (ps->p[0] == '-' && ps->p[1] && ps->p[1] != ']') { hi = (unsigned char)ps->p[1]; ps->p += 2; }
      if (hi < lo) parse_error(ps, "reversed range");
      for (int x = lo; x <= hi; x++) set_add(s, x);
    }
    if (*ps->p != ']') parse_error(ps, "missing ]");
    ps->p++;
    if (ps->re->icase)
      for (int x = 0; x < 256; x++)
        if (set_has(s, x)) { set_add(s, tolower(x)); set_add(s, toupper(x)); }
    if (neg) for (int i = 0; i < 32; i++) s->bits[i] = (unsigned char)~s->bits[i];
    Node *n = node(ps, N_CLASS, NULL, NULL);
    n->cls = k;
    return n;
  }
  if (c == '.') { ps->p++; return node(ps, N_ANY, NULL, NULL); }
  if (c == '^') { ps->p++; return node(ps, N_BOL, NULL, NULL); }
  if (c == '$') { ps->p++; return node(ps, N_EOL, NULL, NULL); }
  if (c == '\\') {
    ps->p++;
    if (!*ps->p) parse_error(ps, "trailing backslash");
    char e = *ps->p++;
    if (strchr("dwsDWS", e)) {
      Node *n = node(ps, N_CLASS, NULL, NULL);
      n->cls = new_class(ps);
      set_escape(&ps->re->classes[n->cls], e);
      return n;
    }
    Node *n = node(ps, N_CHAR, NULL, NULL);
    n->c = e == 'n' ? '\n' : e == 't' ? '\t' : (unsigned char)e;
    return n;
  }
  if (c == 0 || c == '|' || c == ')') parse_error(ps, "empty expression");
  if (c == '*' || c == '+' || c == '?' || c == '{') parse_error(ps, "nothing to repeat");
  ps->p++;
  Node *n = node(ps, N_CHAR, NULL, NULL);
  n->c = (unsigned char)c;
  return n;
}

static int parse_int(ParseState *ps) {
  if (!isdigit((unsigned char)*ps->p)) parse_error(ps, "number expected");
  int v = 0;
  while (isdigit((unsigned char)*ps->p)) { v = v * 10 + (*ps->p++ - '0'); if (v > 100) parse_error(ps, "repeat count too large"); }
  return v;
}

static Node *parse_repeat(ParseState *ps) {
  Node *a = parse_atom(ps);
  for (;;) {
    int min, max;
    char c = *ps->p;
    if (c == '*') { min = 0; max = -1; ps->p++; }
    else if (c == '+') { min = 1; max = -1; ps->p++; }
    else if (c == '?') { min = 0; max = 1; ps->p++; }
    else if (c == '{') {
      ps->p++;
      min = max = parse_int(ps);
      if (*ps->p == ',') { ps->p++; max = *ps->p == '}' ? -1 : parse_int(ps); }
      if (*ps->p != '}') parse_error(ps, "missing }");
      ps->p++;
      if (max >= 0 && max < min) parse_error(ps, "bad repeat bounds");
    } else return a;
    Node *r = node(ps, N_REPEAT, a, NULL);
    r->min = min; r->max = max;
    if (*ps->p == '?') { r->lazy = 1; ps->p++; }
    a = r;
  }
}

static Node *parse_cat(ParseState *ps) {
  Node *left = NULL;
  while (*ps->p && *ps->p != '|' && *ps->p != ')') {
    Node *r = parse_repeat(ps);
    left = left ? node(ps, N_CAT, left, r) : r;
  }
  if (!left) parse_error(ps, "empty alternative");
  return left;
}

static Node *parse_alt(ParseState *ps) {
  Node *left = parse_cat(ps);
  while (*ps->p == '|') { ps->p++; left = node(ps, N_ALT, left, parse_cat(ps)); }
  return left;
}

static int emit(ParseState *ps, int op) {
  Regex *re = ps->re;
  if (re->n == MAX_INSTS) parse_error(ps, "pattern too large");
  memset(&re->code[re->n], 0, sizeof(Inst));
  re->code[re->n].op = (unsigned char)op;
  return re->n++;
}

static void gen(ParseState *ps, const Node *n) {
  Regex *re = ps->re;
  int at, split, jmp;
  switch (n->kind) {
    case N_CHAR: at = emit(ps, I_CHAR); re->code[at].c = (unsigned char)n->c; break;
    case N_ANY: emit(ps, I_ANY); break;
    case N_CLASS: at = emit(ps, I_CLASS); re->code[at].cls = (short)n->cls; break;
    case N_BOL: emit(ps, I_BOL); break;
    case N_EOL: emit(ps, I_EOL); break;
    case N_CAT: gen(ps, n->a); gen(ps, n->b); break;
    case N_ALT:
      split = emit(ps, I_SPLIT);
      re->code[split].x = re->n; gen(ps, n->a);
      jmp = emit(ps, I_JMP);
      re->code[split].y = re->n; gen(ps, n->b);
      re->code[jmp].x = re->n;
      break;
    case N_GROUP:
      at = emit(ps, I_SAVE); re->code[at].x = 2 * n->group;
      gen(ps, n->a);
      at = emit(ps, I_SAVE); re->code[at].x = 2 * n->group + 1;
      break;
    case N_REPEAT:
      for (int i = 0; i < n->min; i++) gen(ps, n->a);
      if (n->max < 0) {                     /* L: split body, out; body; jmp L */
        split = emit(ps, I_SPLIT);
        gen(ps, n->a);
        jmp = emit(ps, I_JMP);
        re->code[jmp].x = split;
        re->code[split].x = n->lazy ? re->n : split + 1;
        re->code[split].y = n->lazy ? split + 1 : re->n;
      } else {
        int pending[101], np = 0;
        for (int i = n->min; i < n->max; i++) {
          split = emit(ps, I_SPLIT);
          pending[np++] = split;
          re->code[split].x = split + 1;
          gen(ps, n->a);
        }
        for (int i = 0; i < np; i++) {
          Inst *s = &re->code[pending[i]];
          if (n->lazy) { s->y = s->x; s->x = re->n; } else s->y = re->n;
        }
      }
      break;
  }
}

/* Compiles `pattern`; returns 0, or -1 with the error in `err`. */
static int compile(Regex *re, const char *pattern, int icase, char *err, size_t errlen) {
  ParseState ps;
  Node *volatile tree = NULL;
  memset(re, 0, sizeof *re);
  re->icase = icase;
  ps.src = ps.p = pattern;
  ps.re = re;
  if (setjmp(ps.fail)) {
    snprintf(err, errlen, "%s", ps.message);
    return -1;   /* the partial tree leaks: a bad pattern ends the program anyway */
  }
  tree = parse_alt(&ps);
  if (*ps.p) parse_error(&ps, "unmatched )");
  int at = emit(&ps, I_SAVE); re->code[at].x = 0;
  gen(&ps, tree);
  at = emit(&ps, I_SAVE); re->code[at].x = 1;
  emit(&ps, I_MATCH);
  free_tree(tree);
  return 0;
}

static unsigned long steps;

/* Backtracking run from instruction pc at text position sp; saves capture positions in `cap`. */
static int run(const Regex *re, int pc, const char *line, const char *sp, const char **cap, int depth) {
  if (depth > 5000) return 0;   /* refuse runaway recursion rather than overflow the stack */
  for (;;) {
    const Inst *in = &re->code[pc];
    steps++;
    switch (in->op) {
      case I_CHAR: {
        int a = (unsigned char)*sp, b = in->c;
        if (!a) return 0;
        if (re->icase ? tolower(a) != tolower(b) : a != b) return 0;
        sp++; pc++; break;
      }
      case I_ANY: if (!*sp) return 0; sp++; pc++; break;
      case I_CLASS: if (!*sp || !set_has(&re->classes[in->cls], (unsigned char)*sp)) return 0; sp++; pc++; break;
      case I_BOL: if (sp != line) return 0; pc++; break;
      case I_EOL: if (*sp) return 0; pc++; break;
      case I_JMP: pc = in->x; break;
      case I_SPLIT:
        if (run(re, in->x, line, sp, cap, depth + 1)) return 1;
        pc = in->y;
        break;
      case I_SAVE: {
        const char *old = cap[in->x];
        cap[in->x] = sp;
        if (run(re, pc + 1, line, sp, cap, depth + 1)) return 1;
        cap[in->x] = old;
        return 0;
      }
      case I_MATCH: return 1;
    }
  }
}

/* Leftmost match in `line` starting the search at `from`; fills cap[0..2*MAX_GROUPS). */
static int search(const Regex *re, const char *line, const char *from, const char **cap) {
  for (const char *s = from;; s++) {
    for (int i = 0; i < 2 * MAX_GROUPS; i++) cap[i] = NULL;
    if (run(re, 0, line, s, cap, 0)) return 1;
    if (!*s) return 0;
  }
}

typedef struct {
  int count, invert, number, only, icase, with_name, groups;
  long max_count;
} Options;

static int grep_stream(FILE *f, const char *name, Regex *res, int nres, const Options *o) {
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  long lineno = 0, matched = 0;
  const char *caps[2 * MAX_GROUPS];
  while ((len = getline(&line, &cap, f)) > 0) {
    if (line[len - 1] == '\n') line[--len] = 0;
    lineno++;
    int hit = -1;
    for (int r = 0; r < nres && hit < 0; r++) if (search(&res[r], line, line, caps)) hit = r;
    if ((hit >= 0) == !o->invert) {
      matched++;
      if (!o->count) {
        if (o->only && hit >= 0) {
          const char *from = line;
          while (*from && search(&res[hit], line, from, caps)) {
            if (caps[1] == caps[0]) { from = caps[0] + 1; continue; }   /* skip empty matches */
            if (o->with_name) printf("%s:", name);
            if (o->number) printf("%ld:", lineno);
            printf("%.*s\n", (int)(caps[1] - caps[0]), caps[0]);
            from = caps[1];
          }
        } else {
          if (o->with_name) printf("%s:", name);
          if (o->number) printf("%ld:", lineno);
          puts(line);
        }
        if (o->groups && hit >= 0) {
          search(&res[hit], line, line, caps);
          for (int g = 1; g <= res[hit].ngroups; g++) {
            if (caps[2 * g]) printf("  \\%d = '%.*s'\n", g, (int)(caps[2 * g + 1] - caps[2 * g]), caps[2 * g]);
            else printf("  \\%d unset\n", g);
          }
        }
      }
      if (o->max_count >= 0 && matched >= o->max_count) break;
    }
  }
  free(line);
  if (o->count) {
    if (o->with_name) printf("%s:", name);
    printf("%ld\n", matched);
  }
  return matched > 0;
}

int main(int argc, char **argv) {
  Options o = { 0, 0, 0, 0, 0, 0, 0, -1 };
  const char *patterns[16];
  int npat = 0, c;
  opterr = 0;
  while ((c = getopt(argc, argv, "civnoHgm:e:")) != -1) {
    switch (c) {
      case 'c': o.count = 1; break;
      case 'i': o.icase = 1; break;
      case 'v': o.invert = 1; break;
      case 'n': o.number = 1; break;
      case 'o': o.only = 1; break;
      case 'H': o.with_name = 1; break;
      case 'g': o.groups = 1; break;
      case 'm': o.max_count = strtol(optarg, NULL, 10); break;
      case 'e': if (npat < 16) patterns[npat++] = optarg; break;
      default:
        fprintf(stderr, "regrep: invalid option -%c\n", optopt);
        return 2;
    }
  }
  if (npat == 0) {
    if (optind >= argc) { fprintf(stderr, "usage: regrep [-civnoHg] [-m NUM] [-e PATTERN]... [FILE]...\n"); return 2; }
    patterns[npat++] = argv[optind++];
  }
  Regex *res = malloc((size_t)npat * sizeof(Regex));
  char err[160];
  for (int i = 0; i < npat; i++)
    if (compile(&res[i], patterns[i], o.icase, err, sizeof err)) {
      fprintf(stderr, "regrep: bad pattern '%s': %s\n", patterns[i], err);
      free(res);
      return 2;
    }
  int any = 0, status = 0;
  if (optind == argc) any = grep_stream(stdin, "(standard input)", res, npat, &o);
  if (argc - optind > 1) o.with_name = 1;
  for (int i = optind; i < argc; i++) {
    FILE *f = fopen(argv[i], "r");
    if (!f) { fprintf(stderr, "regrep: %s: cannot open\n", argv[i]); status = 2; continue; }
    any |= grep_stream(f, argv[i], res, npat, &o);
    fclose(f);
  }
  fflush(stdout);
  if (getenv("REGREP_STATS")) fprintf(stderr, "regrep: %lu steps\n", steps);
  free(res);
  return status ? status : any ? 0 : 1;
}
