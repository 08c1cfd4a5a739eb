/* textstat: wc, sort and uniq in one getopt_long-driven tool.
 *
 *   textstat [OPTIONS] [FILE...]        (no FILE, or "-": standard input)
 *   -l --lines  -w --words  -c --bytes  -L --max-line-length   counts, as wc (all four by default in count mode)
 *   -s --sort                sort the lines of all inputs together
 *   -r --reverse  -n --numeric  -f --ignore-case  -k --key=N (1-based field)  -t --delimiter=C
 *   -u --unique[=MODE]       collapse equal adjacent lines after sorting; MODE count prefixes counts (uniq -c),
 *                            MODE repeated keeps only the lines seen more than once (uniq -d)
 *   -o --output=FILE         write the lines there instead of standard output
 *      --top=N               with --unique=count, only the N most frequent, by count
 *   -h --help
 * Options may follow file names (they are permuted, as GNU's getopt does); "--" ends them.
 * Exit status: 0, 1 if an input could not be read, 2 for a usage error. */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
  unsigned lines : 1, words : 1, bytes : 1, longest : 1;
  unsigned sort : 1, reverse : 1, numeric : 1, icase : 1;
  unsigned unique : 1, count : 1, repeated : 1;
  int key;
  char delim;
  long top;
  const char *output;
} Options;

static Options opt;

typedef struct { char *text; size_t len; } Line;
typedef struct { Line *v; size_t n, cap; } Lines;

typedef struct { unsigned long long lines, words, bytes, longest; } Counts;

static void push(Lines *ls, const char *s, size_t len) {
  if (ls->n == ls->cap) {
    ls->cap = ls->cap ? ls->cap * 2 : 64;
    ls->v = realloc(ls->v, ls->cap * sizeof *ls->v);
  }
  char *copy = malloc(len + 1);
  memcpy(copy, s, len);
  copy[len] = 0;
  ls->v[ls->n].text = copy;
  ls->v[ls->n++].len = len;
}

static void count_line(Counts *c, const char *s, size_t len, int has_newline) {
  c->bytes += len + (size_t)has_newline;
  c->lines += (unsigned long long)has_newline;
  if (len > c->longest) c->longest = len;
  int in_word = 0;
  for (size_t i = 0; i < len; i++) {
    int space = isspace((unsigned char)s[i]);
    if (!space && !in_word) c->words++;
    in_word = !space;
  }
}

/* The key of a line: field opt.key (1-based) split at opt.delim, or at runs of blanks without one. */
static const char *key_of(const Line *l, size_t *len) {
  const char *s = l->text, *end = l->text + l->len;
  if (opt.key <= 1 && !opt.delim) { *len = l->len; return s; }
  for (int field = 1; field < opt.key && s < end; field++) {
    if (opt.delim) { const char *d = memchr(s, opt.delim, (size_t)(end - s)); s = d ? d + 1 : end; }
    else { while (s < end && isblank((unsigned char)*s)) s++; while (s < end && !isblank((unsigned char)*s)) s++; }
  }
  if (!opt.delim) while (s < end && isblank((unsigned char)*s)) s++;
  const char *e = s;
  while (e < end && (opt.delim ? *e != opt.delim : !isblank((unsigned char)*e))) e++;
  *len = (size_t)(e - s);
  return s;
}

static int compare_text(const char *a, size_t na, const char *b, size_t nb) {
  size_t n = na < nb ? na : nb;
  int c = opt.icase ? strncasecmp(a, b, n) : memcmp(a, b, n);
  if (c) return c;
  return na < nb ? -1 : na > nb;
}

static long long number_of(const char *s, size_t len) {
  char buf[32];
  if (len >= sizeof buf) len = sizeof buf - 1;
  memcpy(buf, s, len);
  buf[len] = 0;
  return strtoll(buf, NULL, 10);
}

static int compare_lines(const void *pa, const void *pb) {
  const Line *a = pa, *b = pb;
  size_t na, nb;
  const char *ka = key_of(a, &na), *kb = key_of(b, &nb);
  int c;
  if (opt.numeric) {
    long long x = number_of(ka, na), y = number_of(kb, nb);
    c = x < y ? -1 : x > y;
  } else c = compare_text(ka, na, kb, nb);
  if (c == 0) c = compare_text(a->text, a->len, b->text, b->len);   /* last resort: the whole line */
  return opt.reverse ? -c : c;
}

typedef struct { const Line *line; size_t count; } Group;

static int by_count(const void *pa, const void *pb) {
  const Group *a = pa, *b = pb;
  if (a->count != b->count) return a->count > b->count ? -1 : 1;
  return compare_text(a->line->text, a->line->len, b->line->text, b->line->len);
}

static int read_input(const char *name, Lines *ls, Counts *c) {
  FILE *f = strcmp(name, "-") ? fopen(name, "r") : stdin;
  if (!f) { fprintf(stderr, "textstat: %s: cannot open\n", name); return -1; }
  char *buf = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&buf, &cap, f)) > 0) {
    int nl = buf[n - 1] == '\n';
    count_line(c, buf, (size_t)n - (size_t)nl, nl);
    push(ls, buf, (size_t)n - (size_t)nl);
  }
  free(buf);
  if (f != stdin) fclose(f);
  return 0;
}

static void usage(FILE *to) {
  fputs("usage: textstat [-lwcL] [-s [-rnf] [-k N] [-t C]] [-u[MODE]] [-o FILE] [--top=N] [FILE...]\n", to);
}

int main(int argc, char **argv) {
  static const struct option longopts[] = {
    { "lines", no_argument, NULL, 'l' }, { "words", no_argument, NULL, 'w' }, { "bytes", no_argument, NULL, 'c' },
    { "max-line-length", no_argument, NULL, 'L' }, { "sort", no_argument, NULL, 's' },
    { "reverse", no_argument, NULL, 'r' }, { "numeric", no_argument, NULL, 'n' },
    { "ignore-case", no_argument, NULL, 'f' }, { "key", required_argument, NULL, 'k' },
    { "delimiter", required_argument, NULL, 't' }, { "unique", optional_argument, NULL, 'u' },
    { "output", required_argument, NULL, 'o' }, { "top", required_argument, NULL, 'T' },
    { "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
  };
  int ch, index;
  opt.top = -1;
  while ((ch = getopt_long(argc, argv, "lwcLsrnfk:t:u::o:h", longopts, &index)) != -1) {
    switch (ch) {
      case 'l': opt.lines = 1; break;
      case 'w': opt.words = 1; break;
      case 'c': opt.bytes = 1; break;
      case 'L': opt.longest = 1; break;
      case 's': opt.sort = 1; break;
      case 'r': opt.reverse = 1; break;
      case 'n': opt.numeric = 1; break;
      case 'f': opt.icase = 1; break;
      case 'k': opt.key = atoi(optarg); if (opt.key < 1) { fprintf(stderr, "textstat: bad key '%s'\n", optarg); return 2; } break;
      case 't': if (strlen(optarg) != 1) { fprintf(stderr, "textstat: the delimiter must be one character\n"); return 2; } opt.delim = optarg[0]; break;
      case 'u':
        opt.unique = 1;
        if (optarg && !strcmp(optarg, "count")) opt.count = 1;
        else if (optarg && !strcmp(optarg, "repeated")) opt.repeated = 1;
        else if (optarg) { fprintf(stderr, "textstat: bad --unique mode '%s'\n", optarg); return 2; }
        break;
      case 'o': opt.output = optarg; break;
      case 'T': opt.top = atol(optarg); break;
      case 'h': usage(stdout); return 0;
      default: usage(stderr); return 2;
    }
  }
  int line_mode = opt.sort || opt.unique;
  if (!line_mode && !opt.lines && !opt.words && !opt.bytes && !opt.longest) opt.lines = opt.words = opt.bytes = 1;
  Lines ls = { NULL, 0, 0 };
  Counts total = { 0, 0, 0, 0 };
  int status = 0, ninputs = argc - optind;
  for (int i = optind; i < argc || (i == optind && ninputs == 0); i++) {
    const char *name = ninputs ? argv[i] : "-";
    Counts c = { 0, 0, 0, 0 };
    if (read_input(name, &ls, &c)) { status = 1; continue; }
    total.lines += c.lines; total.words += c.words; total.bytes += c.bytes;
    if (c.longest > total.longest) total.longest = c.longest;
    if (!line_mode) {
      if (opt.lines) printf("%7llu ", c.lines);
      if (opt.words) printf("%7llu ", c.words);
      if (opt.bytes) printf("%7llu ", c.bytes);
      if (opt.longest) printf("%7llu ", c.longest);
      printf("%s\n", ninputs ? name : "");
    }
  }
  if (!line_mode) {
    if (ninputs > 1) {
      if (opt.lines) printf("%7llu ", total.lines);
      if (opt.words) printf("%7llu ", total.words);
      if (opt.bytes) printf("%7llu ", total.bytes);
      if (opt.longest) printf("%7llu ", total.longest);
      printf("total\n");
    }
  } else {
    FILE *out = opt.output ? fopen(opt.output, "w") : stdout;
    if (!out) { fprintf(stderr, "textstat: %s: cannot create\n", opt.output); return 1; }
    if (opt.sort || opt.unique) qsort(ls.v, ls.n, sizeof *ls.v, compare_lines);
    if (!opt.unique) {
      for (size_t i = 0; i < ls.n; i++) fprintf(out, "%s\n", ls.v[i].text);
    } else {
      Group *groups = malloc((ls.n ? ls.n : 1) * sizeof *groups);
      size_t ng = 0;
      for (size_t i = 0; i < ls.n; i++) {
        if (ng && compare_text(groups[ng - 1].line->text, groups[ng - 1].line->len, ls.v[i].text, ls.v[i].len) == 0) groups[ng - 1].count++;
        else { groups[ng].line = &ls.v[i]; groups[ng++].count = 1; }
      }
      if (opt.top >= 0) qsort(groups, ng, sizeof *groups, by_count);
      size_t shown = 0;
      for (size_t i = 0; i < ng; i++) {
        if (opt.repeated && groups[i].count < 2) continue;
        if (opt.top >= 0 && (long)shown >= opt.top) break;
        if (opt.count) fprintf(out, "%7zu %s\n", groups[i].count, groups[i].line->text);
        else fprintf(out, "%s\n", groups[i].line->text);
        shown++;
      }
      free(groups);
    }
    if (out != stdout) fclose(out);
  }
  for (size_t i = 0; i < ls.n; i++) free(ls.v[i].text);
  free(ls.v);
  return status;
}
