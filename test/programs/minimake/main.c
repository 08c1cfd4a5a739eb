/* minimake: a small make. Reads a makefile, works out what is out of date and "runs" the recipes.
 *
 *   minimake [-f MAKEFILE] [-s STAMPS] [-n] [-k] [TARGET...]
 * The makefile has variables (`NAME = value`, `NAME += more`, expanded as $(NAME) and ${NAME}), rules
 * (`targets: prerequisites`, recipe lines starting with a tab), automatic variables $@ $< $^ $*, and pattern
 * rules (`%.o: %.c`). File times come from STAMPS ("name time" lines; a missing name does not exist) so the run
 * is deterministic; a recipe "runs" by being printed and giving its target the time of the run (one more than
 * the newest time seen). The updated times are written back to STAMPS. Cycles are reported and skipped, a
 * missing prerequisite without a rule is an error; -k keeps going after errors, -n only prints.
 * Exit status 0, or 2 when something could not be made. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NODES 256
#define MAX_WORDS 32

typedef enum { UNVISITED, VISITING, DONE, FAILED } State;

typedef struct {
  char *name;
  char *deps[MAX_WORDS];
  int ndeps;
  char *recipe[8];
  int nrecipe;
  int has_rule;
  long long stamp;          /* -1: does not exist */
  State state;
} Node;

typedef struct { char *name, *value; } Var;

static Node nodes[MAX_NODES];
static int nnodes;
static Var vars[64];
static int nvars;
static Node patterns[16];   /* pattern rules: name and deps contain one '%' */
static int npatterns;
static long long clock_now;
static int dry_run, keep_going, errors;

static char *dup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  memcpy(p, s, n);
  return p;
}

static char *trim(char *s) {
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = 0;
  return s;
}

static void error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("minimake: ", stdout);
  vprintf(fmt, ap);
  putchar('\n');
  va_end(ap);
  errors++;
}

static Var *find_var(const char *name) {
  for (int i = 0; i < nvars; i++) if (!strcmp(vars[i].name, name)) return &vars[i];
  return NULL;
}

static void set_var(const char *name, const char *value, int append) {
  Var *v = find_var(name);
  if (!v) { v = &vars[nvars++]; v->name = dup(name); v->value = dup(""); }
  if (append && v->value[0]) {
    char *s = malloc(strlen(v->value) + strlen(value) + 2);
    sprintf(s, "%s %s", v->value, value);
    free(v->value);
    v->value = s;
  } else {
    free(v->value);
    v->value = dup(value);
  }
}

/* Expands $(VAR), ${VAR} and the automatic variables of `n` (may be NULL) into out. */
static void expand(const char *in, char *out, size_t cap, const Node *n, const char *stem, int depth) {
  size_t o = 0;
  for (const char *p = in; *p && o + 1 < cap; p++) {
    if (*p != '$' || !p[1]) { out[o++] = *p; continue; }
    p++;
    char name[64] = "", val[512] = "";
    if (*p == '(' || *p == '{') {
      char close = *p == '(' ? ')' : '}';
      const char *end = strchr(p, close);
      if (!end) { out[o++] = '$'; p--; continue; }
      snprintf(name, sizeof name, "%.*s", (int)(end - p - 1), p + 1);
      p = end;
      Var *v = find_var(name);
      if (v && depth < 8) expand(v->value, val, sizeof val, n, stem, depth + 1);
    } else if (*p == '@' && n) snprintf(val, sizeof val, "%s", n->name);
    else if (*p == '<' && n && n->ndeps) snprintf(val, sizeof val, "%s", n->deps[0]);
    else if (*p == '*' && stem) snprintf(val, sizeof val, "%s", stem);
    else if (*p == '^' && n) {
      size_t k = 0;
      for (int i = 0; i < n->ndeps; i++) k += (size_t)snprintf(val + k, sizeof val - k, "%s%s", i ? " " : "", n->deps[i]);
    } else if (*p == '$') strcpy(val, "$");
    for (char *v = val; *v && o + 1 < cap; v++) out[o++] = *v;
  }
  out[o] = 0;
}

static Node *find_node(const char *name, int create) {
  for (int i = 0; i < nnodes; i++) if (!strcmp(nodes[i].name, name)) return &nodes[i];
  if (!create) return NULL;
  if (nnodes == MAX_NODES) { error("too many targets"); exit(2); }
  Node *n = &nodes[nnodes++];
  memset(n, 0, sizeof *n);
  n->name = dup(name);
  n->stamp = -1;
  return n;
}

static int split(char *s, char **words, int max) {
  int n = 0;
  for (char *w = strtok(s, " \t"); w && n < max; w = strtok(NULL, " \t")) words[n++] = w;
  return n;
}

static int parse_makefile(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) { error("%s: cannot open", path); return -1; }
  char line[512], buf[1024];
  Node *current[MAX_WORDS];
  int ncurrent = 0, lineno = 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    if (line[0] == '\t') {
      if (!ncurrent) { error("%s:%d: recipe without a rule", path, lineno); continue; }
      char *r = trim(line);
      for (int i = 0; i < ncurrent; i++) if (current[i]->nrecipe < 8) current[i]->recipe[current[i]->nrecipe++] = dup(r);
      continue;
    }
    char *s = trim(line);
    char *hash = strchr(s, '#');
    if (hash) *hash = 0;
    s = trim(s);
    if (!*s) { ncurrent = 0; continue; }
    char *eq = strchr(s, '='), *colon = strchr(s, ':');
    if (eq && (!colon || eq < colon)) {
      int append = eq > s && eq[-1] == '+';
      eq[append ? -1 : 0] = 0;
      char *value = trim(eq + 1);
      expand(value, buf, sizeof buf, NULL, NULL, 0);   /* simple (immediate) expansion, as := */
      set_var(trim(s), buf, append);
      continue;
    }
    if (!colon) { error("%s:%d: missing separator", path, lineno); ncurrent = 0; continue; }
    *colon = 0;
    char targets[512], *tw[MAX_WORDS], *dw[MAX_WORDS];
    expand(s, targets, sizeof targets, NULL, NULL, 0);
    expand(colon + 1, buf, sizeof buf, NULL, NULL, 0);
    int nt = split(targets, tw, MAX_WORDS);
    char depcopy[1024];
    strcpy(depcopy, buf);
    int nd = split(depcopy, dw, MAX_WORDS);
    ncurrent = 0;
    for (int i = 0; i < nt; i++) {
      Node *n;
      if (strchr(tw[i], '%')) { n = &patterns[npatterns++]; memset(n, 0, sizeof *n); n->name = dup(tw[i]); }
      else n = find_node(tw[i], 1);
      n->has_rule = 1;
      for (int k = 0; k < nd && n->ndeps < MAX_WORDS; k++) n->deps[n->ndeps++] = dup(dw[k]);
      current[ncurrent++] = n;
    }
  }
  fclose(f);
  return 0;
}

/* Finds a pattern rule for `n`; fills its deps and recipe and returns the stem, or NULL. */
static char *apply_pattern(Node *n) {
  static char stem[128];
  for (int i = 0; i < npatterns; i++) {
    const Node *p = &patterns[i];
    const char *pct = strchr(p->name, '%');
    size_t pre = (size_t)(pct - p->name), post = strlen(pct + 1), len = strlen(n->name);
    if (len < pre + post || strncmp(n->name, p->name, pre) || strcmp(n->name + len - post, pct + 1)) continue;
    snprintf(stem, sizeof stem, "%.*s", (int)(len - pre - post), n->name + pre);
    /* the pattern applies only if its prerequisites exist or can be made */
    char deps[MAX_WORDS][128];
    int ok = 1;
    for (int k = 0; k < p->ndeps; k++) {
      const char *d = strchr(p->deps[k], '%');
      if (d) snprintf(deps[k], sizeof deps[k], "%.*s%s%s", (int)(d - p->deps[k]), p->deps[k], stem, d + 1);
      else snprintf(deps[k], sizeof deps[k], "%s", p->deps[k]);
      Node *dn = find_node(deps[k], 0);
      if (!dn || (dn->stamp < 0 && !dn->has_rule)) ok = 0;
    }
    if (!ok) continue;
    for (int k = 0; k < p->ndeps && n->ndeps < MAX_WORDS; k++) n->deps[n->ndeps++] = dup(deps[k]);
    for (int k = 0; k < p->nrecipe; k++) n->recipe[n->nrecipe++] = p->recipe[k];
    n->has_rule = 1;
    return stem;
  }
  return NULL;
}

/* Brings `name` up to date; returns 0, or -1 when it cannot be made. */
static int make(const char *name, int depth) {
  Node *n = find_node(name, 1);
  if (n->state == DONE) return 0;
  if (n->state == FAILED) return -1;
  if (n->state == VISITING) { error("circular dependency %s <- ... <- %s dropped", name, name); return 0; }
  n->state = VISITING;
  const char *stem = NULL;
  if (n->nrecipe == 0) stem = apply_pattern(n);
  if (!n->has_rule && n->stamp < 0) {
    error("no rule to make target '%s'", name);
    n->state = FAILED;
    return -1;
  }
  long long newest = -1;
  int failed = 0;
  for (int i = 0; i < n->ndeps; i++) {
    if (make(n->deps[i], depth + 1)) { failed = 1; if (!keep_going) break; continue; }
    Node *d = find_node(n->deps[i], 0);
    if (d->stamp > newest) newest = d->stamp;
  }
  if (failed) {
    error("target '%s' not remade because of errors", name);
    n->state = FAILED;
    return -1;
  }
  if (n->stamp < 0 || newest > n->stamp) {
    printf("%*s[%s] %s\n", 2 * depth, "", name, n->stamp < 0 ? "missing" : "out of date");
    char cmd[1024];
    for (int i = 0; i < n->nrecipe; i++) {
      expand(n->recipe[i], cmd, sizeof cmd, n, stem, 0);
      printf("%*s  %s\n", 2 * depth, "", cmd);
    }
    if (!dry_run) n->stamp = ++clock_now;
  }
  n->state = DONE;
  return 0;
}

static int by_name(const void *a, const void *b) {
  return strcmp((*(Node *const *)a)->name, (*(Node *const *)b)->name);
}

int main(int argc, char **argv) {
  const char *makefile = "Makefile", *stamps = "stamps.txt";
  int c;
  while ((c = getopt(argc, argv, "f:s:nk")) != -1) {
    switch (c) {
      case 'f': makefile = optarg; break;
      case 's': stamps = optarg; break;
      case 'n': dry_run = 1; break;
      case 'k': keep_going = 1; break;
      default: return 2;
    }
  }
  FILE *sf = fopen(stamps, "r");
  if (sf) {
    char name[128];
    long long t;
    while (fscanf(sf, "%127s %lld", name, &t) == 2) {
      find_node(name, 1)->stamp = t;
      if (t > clock_now) clock_now = t;
    }
    fclose(sf);
  }
  if (parse_makefile(makefile)) return 2;
  int first_rule = -1;
  for (int i = 0; i < nnodes; i++) if (nodes[i].has_rule) { first_rule = i; break; }
  int bad = 0;
  if (optind == argc) {
    if (first_rule < 0) { error("no targets"); return 2; }
    bad |= make(nodes[first_rule].name, 0) != 0;
  }
  for (int i = optind; i < argc; i++) bad |= make(argv[i], 0) != 0;
  if (!dry_run) {
    Node *sorted[MAX_NODES];
    int k = 0;
    for (int i = 0; i < nnodes; i++) if (nodes[i].stamp >= 0) sorted[k++] = &nodes[i];
    qsort(sorted, (size_t)k, sizeof *sorted, by_name);
    FILE *out = fopen(stamps, "w");
    for (int i = 0; i < k; i++) fprintf(out, "%s %lld\n", sorted[i]->name, sorted[i]->stamp);
    fclose(out);
  }
  printf("minimake: %d error%s, clock %lld\n", errors, errors == 1 ? "" : "s", clock_now);
  return bad ? 2 : 0;
}
