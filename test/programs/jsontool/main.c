/* jsontool: reads a JSON document, queries and transforms it, writes the result to another file.
 *
 *   jsontool IN OUT [QUERY...]
 * Parses IN into a tree (a tagged union per value), prints each QUERY path (".a.b[2].c") with its value,
 * then writes OUT: the same document pretty-printed with two-space indentation, object keys sorted, and
 * every array of integers followed by a "<key>_sum" member in its object. Errors are reported with
 * line:column and exit status 1. Numbers keep their source text; integral ones also hold a 64-bit value. */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { J_NULL, J_FALSE, J_TRUE, J_NUMBER, J_STRING, J_ARRAY, J_OBJECT } Kind;

typedef struct Value Value;
typedef struct Member { char *key; Value *value; } Member;

struct Value {
  Kind kind;
  union {
    struct { char *text; int64_t i; unsigned integral : 1; unsigned negative : 1; } num;
    struct { char *s; size_t len; } str;
    struct { Value **items; int n; } arr;
    struct { Member *members; int n; } obj;
  } u;
};

typedef struct {
  const char *src;
  size_t pos;
  int line, col;
  char error[160];
} Parser;

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) { fputs("out of memory\n", stderr); exit(2); }
  return p;
}

static void fail(Parser *p, const char *fmt, ...) {
  if (p->error[0]) return;   /* keep the first error */
  int n = snprintf(p->error, sizeof p->error, "%d:%d: ", p->line, p->col);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(p->error + n, sizeof p->error - (size_t)n, fmt, ap);
  va_end(ap);
}

static int peek(Parser *p) { return (unsigned char)p->src[p->pos]; }

static int next(Parser *p) {
  int c = peek(p);
  if (c == 0) return 0;
  p->pos++;
  if (c == '\n') { p->line++; p->col = 1; } else p->col++;
  return c;
}

static void skip_ws(Parser *p) {
  while (peek(p) == ' ' || peek(p) == '\t' || peek(p) == '\n' || peek(p) == '\r') next(p);
}

static Value *new_value(Kind k) {
  Value *v = xmalloc(sizeof *v);
  memset(v, 0, sizeof *v);
  v->kind = k;
  return v;
}

static Value *parse_value(Parser *p, int depth);

/* Appends the UTF-8 encoding of code point cp. */
static size_t put_utf8(char *out, unsigned cp) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) { out[0] = (char)(0xc0 | cp >> 6); out[1] = (char)(0x80 | (cp & 63)); return 2; }
  if (cp < 0x10000) {
    out[0] = (char)(0xe0 | cp >> 12); out[1] = (char)(0x80 | (cp >> 6 & 63)); out[2] = (char)(0x80 | (cp & 63));
    return 3;
  }
  out[0] = (char)(0xf0 | cp >> 18); out[1] = (char)(0x80 | (cp >> 12 & 63));
  out[2] = (char)(0x80 | (cp >> 6 & 63)); out[3] = (char)(0x80 | (cp & 63));
  return 4;
}

static int hex4(Parser *p, unsigned *out) {
  unsigned v = 0;
  for (int i = 0; i < 4; i++) {
    int c = next(p);
    if (!isxdigit(c)) { fail(p, "bad \\u escape"); return -1; }
    v = v * 16 + (unsigned)(isdigit(c) ? c - '0' : tolower(c) - 'a' + 10);
  }
  *out = v;
  return 0;
}

static char *parse_string_raw(Parser *p, size_t *lenp) {
  next(p); /* opening quote */
  size_t cap = 16, len = 0;
  char *s = xmalloc(cap);
  for (;;) {
    if (len + 5 > cap) { cap *= 2; s = realloc(s, cap); }
    int c = next(p);
    if (c == 0 || c == '\n') { fail(p, "unterminated string"); break; }
    if (c == '"') break;
    if (c != '\\') { s[len++] = (char)c; continue; }
    c = next(p);
    switch (c) {
      case 'n': s[len++] = '\n'; break;
      case 't': s[len++] = '\t'; break;
      case 'r': s[len++] = '\r'; break;
      case 'b': s[len++] = '\b'; break;
      case 'f': s[len++] = '\f'; break;
      case '/': case '\\': case '"': s[len++] = (char)c; break;
      case 'u': {
        unsigned cp;
        if (hex4(p, &cp)) break;
        if (cp >= 0xd800 && cp < 0xdc00 && peek(p) == '\\') {   /* surrogate pair */
          unsigned lo;
          next(p);
          if (next(p) != 'u' || hex4(p, &lo) || lo < 0xdc00 || lo > 0xdfff) { fail(p, "bad surrogate pair"); break; }
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        }
        len += put_utf8(s + len, cp);
        break;
      }
      default: fail(p, "bad escape '\\%c'", c); break;
    }
  }
  s[len] = 0;
  *lenp = len;
  return s;
}

static Value *parse_number(Parser *p) {
  size_t start = p->pos;
  Value *v = new_value(J_NUMBER);
  int neg = peek(p) == '-';
  if (neg) next(p);
  if (!isdigit(peek(p))) { fail(p, "digit expected"); return v; }
  uint64_t mag = 0;
  int overflow = 0;
  while (isdigit(peek(p))) {
    int d = next(p) - '0';
    if (mag > (UINT64_MAX - (uint64_t)d) / 10) overflow = 1;
    mag = mag * 10 + (uint64_t)d;
  }
  int integral = !overflow && mag <= (uint64_t)INT64_MAX;
  if (peek(p) == '.') { integral = 0; next(p); while (isdigit(peek(p))) next(p); }
  if (peek(p) == 'e' || peek(p) == 'E') {
    integral = 0; next(p);
    if (peek(p) == '+' || peek(p) == '-') next(p);
    if (!isdigit(peek(p))) fail(p, "exponent digits expected");
    while (isdigit(peek(p))) next(p);
  }
  size_t n = p->pos - start;
  v->u.num.text = xmalloc(n + 1);
  memcpy(v->u.num.text, p->src + start, n);
  v->u.num.text[n] = 0;
  v->u.num.integral = (unsigned)integral;
  v->u.num.negative = (unsigned)neg;
  v->u.num.i = neg ? -(int64_t)mag : (int64_t)mag;
  return v;
}

static int keyword(Parser *p, const char *w) {
  size_t n = strlen(w);
  if (strncmp(p->src + p->pos, w, n) != 0) return 0;
  for (size_t i = 0; i < n; i++) next(p);
  return 1;
}

static Value *parse_value(Parser *p, int depth) {
  if (depth > 64) { fail(p, "nested too deeply"); return new_value(J_NULL); }
  skip_ws(p);
  int c = peek(p);
  if (c == '"') {
    Value *v = new_value(J_STRING);
    v->u.str.s = parse_string_raw(p, &v->u.str.len);
    return v;
  }
  if (c == '-' || isdigit(c)) return parse_number(p);
  if (keyword(p, "null")) return new_value(J_NULL);
  if (keyword(p, "true")) return new_value(J_TRUE);
  if (keyword(p, "false")) return new_value(J_FALSE);
  if (c == '[') {
    Value *v = new_value(J_ARRAY);
    int cap = 4;
    v->u.arr.items = xmalloc((size_t)cap * sizeof(Value *));
    next(p);
    skip_ws(p);
    if (peek(p) == ']') { next(p); return v; }
    for (;;) {
      if (v->u.arr.n == cap) { cap *= 2; v->u.arr.items = realloc(v->u.arr.items, (size_t)cap * sizeof(Value *)); }
      v->u.arr.items[v->u.arr.n++] = parse_value(p, depth + 1);
      if (p->error[0]) return v;
      skip_ws(p);
      c = next(p);
      if (c == ']') return v;
      if (c != ',') { fail(p, "',' or ']' expected in array"); return v; }
    }
  }
  if (c == '{') {
    Value *v = new_value(J_OBJECT);
    int cap = 4;
    v->u.obj.members = xmalloc((size_t)cap * sizeof(Member));
    next(p);
    skip_ws(p);
    if (peek(p) == '}') { next(p); return v; }
    for (;;) {
      skip_ws(p);
      if (peek(p) != '"') { fail(p, "member name expected"); return v; }
      size_t len;
      Member m;
      m.key = parse_string_raw(p, &len);
      skip_ws(p);
      if (next(p) != ':') { fail(p, "':' expected"); free(m.key); return v; }
      m.value = parse_value(p, depth + 1);
      if (v->u.obj.n == cap) { cap *= 2; v->u.obj.members = realloc(v->u.obj.members, (size_t)cap * sizeof(Member)); }
      v->u.obj.members[v->u.obj.n++] = m;   /* struct copy */
      if (p->error[0]) return v;
      skip_ws(p);
      c = next(p);
      if (c == '}') return v;
      if (c != ',') { fail(p, "',' or '}' expected in object"); return v; }
    }
  }
  fail(p, c ? "unexpected character '%c'" : "unexpected end of input", c);
  return new_value(J_NULL);
}

static void free_value(Value *v) {
  switch (v->kind) {
    case J_NUMBER: free(v->u.num.text); break;
    case J_STRING: free(v->u.str.s); break;
    case J_ARRAY:
      for (int i = 0; i < v->u.arr.n; i++) free_value(v->u.arr.items[i]);
      free(v->u.arr.items);
      break;
    case J_OBJECT:
      for (int i = 0; i < v->u.obj.n; i++) { free(v->u.obj.members[i].key); free_value(v->u.obj.members[i].value); }
      free(v->u.obj.members);
      break;
    default: break;
  }
  free(v);
}

static void write_string(FILE *f, const char *s, size_t len) {
  fputc('"', f);
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
    else if (c == '\n') fputs("\\n", f);
    else if (c == '\t') fputs("\\t", f);
    else if (c < 0x20) fprintf(f, "\\u%04x", c);
    else fputc(c, f);
  }
  fputc('"', f);
}

static void write_value(FILE *f, const Value *v, int indent) {
  switch (v->kind) {
    case J_NULL: fputs("null", f); break;
    case J_TRUE: fputs("true", f); break;
    case J_FALSE: fputs("false", f); break;
    case J_NUMBER:
      if (v->u.num.integral) fprintf(f, "%lld", (long long)v->u.num.i);
      else fputs(v->u.num.text, f);
      break;
    case J_STRING: write_string(f, v->u.str.s, v->u.str.len); break;
    case J_ARRAY:
      if (v->u.arr.n == 0) { fputs("[]", f); break; }
      fputs("[\n", f);
      for (int i = 0; i < v->u.arr.n; i++) {
        fprintf(f, "%*s", indent + 2, "");
        write_value(f, v->u.arr.items[i], indent + 2);
        fputs(i + 1 < v->u.arr.n ? ",\n" : "\n", f);
      }
      fprintf(f, "%*s]", indent, "");
      break;
    case J_OBJECT:
      if (v->u.obj.n == 0) { fputs("{}", f); break; }
      fputs("{\n", f);
      for (int i = 0; i < v->u.obj.n; i++) {
        const Member *m = &v->u.obj.members[i];
        fprintf(f, "%*s", indent + 2, "");
        write_string(f, m->key, strlen(m->key));
        fputs(": ", f);
        write_value(f, m->value, indent + 2);
        fputs(i + 1 < v->u.obj.n ? ",\n" : "\n", f);
      }
      fprintf(f, "%*s}", indent, "");
      break;
  }
}

static int member_cmp(const void *a, const void *b) {
  return strcmp(((const Member *)a)->key, ((const Member *)b)->key);
}

/* Sorts keys recursively and adds "<key>_sum" after each all-integer array member. */
static void transform(Value *v) {
  if (v->kind == J_ARRAY) {
    for (int i = 0; i < v->u.arr.n; i++) transform(v->u.arr.items[i]);
  } else if (v->kind == J_OBJECT) {
    int n = v->u.obj.n;
    for (int i = 0; i < n; i++) {
      Value *a = v->u.obj.members[i].value;
      transform(a);
      if (a->kind != J_ARRAY || a->u.arr.n == 0) continue;
      int64_t sum = 0;
      int ok = 1;
      for (int j = 0; j < a->u.arr.n && ok; j++) {
        const Value *x = a->u.arr.items[j];
        if (x->kind == J_NUMBER && x->u.num.integral) sum += x->u.num.i; else ok = 0;
      }
      if (!ok) continue;
      Member m;
      size_t kl = strlen(v->u.obj.members[i].key);
      m.key = xmalloc(kl + 5);
      sprintf(m.key, "%s_sum", v->u.obj.members[i].key);
      m.value = new_value(J_NUMBER);
      m.value->u.num.integral = 1;
      m.value->u.num.i = sum;
      m.value->u.num.text = xmalloc(24);
      sprintf(m.value->u.num.text, "%lld", (long long)sum);
      v->u.obj.members = realloc(v->u.obj.members, (size_t)(v->u.obj.n + 1) * sizeof(Member));
      v->u.obj.members[v->u.obj.n++] = m;
    }
    qsort(v->u.obj.members, (size_t)v->u.obj.n, sizeof(Member), member_cmp);
  }
}

/* Follows a path such as ".store.book[1].title"; NULL when it leads nowhere. */
static const Value *query(const Value *v, const char *path) {
  while (*path && v) {
    if (*path == '.') {
      path++;
      size_t n = strcspn(path, ".[");
      if (v->kind != J_OBJECT) return NULL;
      const Value *found = NULL;
      for (int i = 0; i < v->u.obj.n; i++)
        if (strlen(v->u.obj.members[i].key) == n && !strncmp(v->u.obj.members[i].key, path, n)) found = v->u.obj.members[i].value;
      v = found;
      path += n;
    } else if (*path == '[') {
      char *end;
      long i = strtol(path + 1, &end, 10);
      if (*end != ']' || v->kind != J_ARRAY || i < 0 || i >= v->u.arr.n) return NULL;
      v = v->u.arr.items[i];
      path = end + 1;
    } else {
      return NULL;
    }
  }
  return v;
}

typedef struct { int values[7]; int depth; int64_t int_sum; size_t string_bytes; } Stats;

static void count(const Value *v, int depth, Stats *st) {
  st->values[v->kind]++;
  if (depth > st->depth) st->depth = depth;
  if (v->kind == J_NUMBER && v->u.num.integral) st->int_sum += v->u.num.i;
  if (v->kind == J_STRING) st->string_bytes += v->u.str.len;
  if (v->kind == J_ARRAY) for (int i = 0; i < v->u.arr.n; i++) count(v->u.arr.items[i], depth + 1, st);
  if (v->kind == J_OBJECT) for (int i = 0; i < v->u.obj.n; i++) count(v->u.obj.members[i].value, depth + 1, st);
}

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1024, len = 0, got;
  char *buf = xmalloc(cap);
  while ((got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
    len += got;
    if (len + 1 == cap) { cap *= 2; buf = realloc(buf, cap); }
  }
  buf[len] = 0;
  fclose(f);
  return buf;
}

int main(int argc, char **argv) {
  static const char *kind_names[] = { "null", "false", "true", "number", "string", "array", "object" };
  if (argc < 3) { fprintf(stderr, "usage: %s IN OUT [QUERY...]\n", argv[0]); return 2; }
  char *text = read_file(argv[1]);
  if (!text) { perror(argv[1]); return 1; }
  Parser p = { text, 0, 1, 1, "" };
  Value *root = parse_value(&p, 0);
  skip_ws(&p);
  if (!p.error[0] && peek(&p)) fail(&p, "trailing characters after the document");
  if (p.error[0]) { fprintf(stderr, "%s:%s\n", argv[1], p.error); free_value(root); free(text); return 1; }
  Stats st;
  memset(&st, 0, sizeof st);
  count(root, 0, &st);
  for (int k = 0; k < 7; k++) printf("%-7s %d\n", kind_names[k], st.values[k]);
  printf("depth %d, integer sum %lld, string bytes %zu\n", st.depth, (long long)st.int_sum, st.string_bytes);
  for (int i = 3; i < argc; i++) {
    const Value *v = query(root, argv[i]);
    printf("%s => ", argv[i]);
    if (v) write_value(stdout, v, 0); else fputs("(none)", stdout);
    putchar('\n');
  }
  transform(root);
  FILE *out = fopen(argv[2], "w");
  if (!out) { perror(argv[2]); return 1; }
  write_value(out, root, 0);
  fputc('\n', out);
  fclose(out);
  /* Round trip: the written file must parse back to the same statistics (plus the added sums). */
  char *again = read_file(argv[2]);
  Parser q = { again, 0, 1, 1, "" };
  Value *back = parse_value(&q, 0);
  Stats st2;
  memset(&st2, 0, sizeof st2);
  count(back, 0, &st2);
  printf("reparsed %s: %s, %d values\n", argv[2], q.error[0] ? q.error : "ok",
         st2.values[0] + st2.values[1] + st2.values[2] + st2.values[3] + st2.values[4] + st2.values[5] + st2.values[6]);
  free_value(back);
  free_value(root);
  free(again);
  free(text);
  /* a broken document reports where */
  Parser bad = { "{\"a\": [1, 2,\n  \"x\" \"y\"]}", 0, 1, 1, "" };
  free_value(parse_value(&bad, 0));
  printf("broken: %s\n", bad.error);
  return 0;
}
