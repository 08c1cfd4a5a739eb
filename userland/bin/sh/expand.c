/* sh: word expansion (POSIX 2.6): tilde, parameters, $(...) and `...`, $((...)), then field splitting on
 * IFS, pathname expansion and quote removal. Expansion writes characters with a flag each saying how they
 * may be treated afterwards: literal text (globbing only), quoted (nothing), or an unquoted expansion's
 * result (split and globbed); "$@" also writes field breaks. */
#include "sh.h"

enum { F_LIT, F_QUOTED, F_EXP, F_BREAK, F_SOFTBREAK }; /* SOFTBREAK: between unquoted $@'s words */
#define M_DQ 1       /* inside double quotes */
#define M_HEREDOC 2  /* a here-document body: only $ ` \ are special */
#define M_SPLITLIT 4 /* literal text of ${x-word} outside quotes: split like an expansion */

struct ebuf {
  struct str s, f;
  int quoted; /* a quoted part was seen: an empty result is still one field */
};

int expand_failed;
extern int subst_status;

static void emit(struct ebuf *o, char c, int flag) {
  str_addc(&o->s, c);
  str_addc(&o->f, (char)flag);
}

static void emits(struct ebuf *o, const char *s, int flag) {
  for (; *s; s++) emit(o, *s, flag);
}

static void ebuf_free(struct ebuf *o) {
  free(o->s.s);
  free(o->f.s);
}

/* ---- finding the ends of nested forms (the lexer made them balanced) ---- */
static const char *skip_balanced(const char *p, char open, char close);

static const char *skip_bq(const char *p) {
  while (*p && *p != '`') p += (*p == '\\' && p[1]) ? 2 : 1;
  return p;
}

static const char *skip_dq(const char *p) {
  while (*p && *p != '"') {
    if (*p == '\\' && p[1]) p += 2;
    else if (*p == '$' && (p[1] == '(' || p[1] == '{')) {
      p = skip_balanced(p + 2, p[1], p[1] == '(' ? ')' : '}');
      if (*p) p++;
    } else if (*p == '`') {
      p = skip_bq(p + 1);
      if (*p) p++;
    } else p++;
  }
  return p;
}

/* p is just after the opening character; returns a pointer to the matching close (or the NUL). */
int case_depth_step(char *word, int *wl, int c, int *ncase);

static const char *skip_balanced(const char *p, char open, char close) {
  int depth = 1, ncase = 0, wl = 0;
  char word[8];
  while (*p) {
    if (open == '(' && case_depth_step(word, &wl, (unsigned char)*p, &ncase) && *p == ')' && depth == 1) {
      p++;
      continue;
    }
    if (*p == '\\' && p[1]) { p += 2; continue; }
    if (*p == '\'') {
      const char *q = strchr(p + 1, '\'');
      p = q ? q + 1 : p + strlen(p);
      continue;
    }
    if (*p == '"') {
      p = skip_dq(p + 1);
      if (*p) p++;
      continue;
    }
    if (*p == '`') {
      p = skip_bq(p + 1);
      if (*p) p++;
      continue;
    }
    if (*p == '$' && (p[1] == '(' || p[1] == '{')) {
      p = skip_balanced(p + 2, p[1], p[1] == '(' ? ')' : '}');
      if (*p) p++;
      continue;
    }
    if (*p == open) depth++;
    else if (*p == close && --depth == 0) return p;
    p++;
  }
  return p;
}

static void expand_part(const char *p, const char *end, struct ebuf *o, int mode);

/* ---- parameters ---- */
static char *options_string(void) {
  char buf[16];
  int n = 0;
  if (opt_errexit) buf[n++] = 'e';
  if (interactive) buf[n++] = 'i';
  if (opt_noglob) buf[n++] = 'f';
  if (opt_nounset) buf[n++] = 'u';
  if (opt_verbose) buf[n++] = 'v';
  if (opt_xtrace) buf[n++] = 'x';
  buf[n] = 0;
  return xstrdup(buf);
}

static char *number(long long v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%lld", v);
  return xstrdup(buf);
}

/* The value of a parameter other than @ and * (malloc'd), or NULL when unset. */
static char *param_value(const char *name) {
  const char *v;
  if (name[0] >= '0' && name[0] <= '9') {
    int i = atoi(name);
    if (i == 0) return xstrdup(arg0);
    return i <= pos_count ? xstrdup(pos_args[i - 1]) : 0;
  }
  if (!name[1]) {
    switch (name[0]) {
    case '#': return number(pos_count);
    case '?': return number(last_status);
    case '$': return number(shell_pid);
    case '!': return last_background ? number(last_background) : 0;
    case '-': return options_string();
    }
  }
  v = var_get(name);
  return v ? xstrdup(v) : 0;
}

/* "$*" joins with IFS's first character. */
static char *join_positional(void) {
  struct str b = {0, 0, 0};
  const char *ifs = var_get("IFS");
  int i;
  for (i = 0; i < pos_count; i++) {
    if (i && (!ifs || *ifs)) str_addc(&b, ifs ? ifs[0] : ' ');
    str_adds(&b, pos_args[i]);
  }
  return str_take(&b);
}

/* $@ or $* : quoted "$@" keeps each parameter a field; unquoted, each is split further. */
static void emit_positional(struct ebuf *o, char which, int mode) {
  int i;
  if ((mode & M_DQ) && which == '*') {
    char *all = join_positional();
    emits(o, all, F_QUOTED);
    free(all);
    return;
  }
  for (i = 0; i < pos_count; i++) {
    if (i) emit(o, ' ', (mode & M_DQ) ? F_BREAK : F_SOFTBREAK);
    emits(o, pos_args[i], (mode & M_DQ) ? F_QUOTED : F_EXP);
  }
  if ((mode & M_DQ) && pos_count > 0) o->quoted = 1;
}

static void emit_value(struct ebuf *o, const char *v, int mode) {
  emits(o, v, (mode & (M_DQ | M_HEREDOC)) ? F_QUOTED : F_EXP);
}

static void unset_error(const char *name, const char *msg) {
  if (msg && *msg) sh_error("%s: %s", name, msg);
  else sh_error("%s: parameter not set", name);
  expand_failed = 1;
  if (!interactive) sh_exit(2);
}

/* Expands [p,end) to a plain string: quotes removed, nothing split. */
static char *expand_range(const char *p, const char *end, int mode) {
  struct ebuf o;
  memset(&o, 0, sizeof o);
  expand_part(p, end, &o, mode);
  free(o.f.s);
  return str_take(&o.s);
}

/* Expands [p,end) as a pattern: quoted characters escaped with a backslash. */
static char *pattern_range(const char *p, const char *end) {
  struct ebuf o;
  struct str pat = {0, 0, 0};
  int i;
  memset(&o, 0, sizeof o);
  expand_part(p, end, &o, 0);
  for (i = 0; i < o.s.len; i++) {
    char c = o.s.s[i];
    if (o.f.s[i] == F_QUOTED && strchr("\\*?[]", c)) str_addc(&pat, '\\');
    str_addc(&pat, c);
  }
  ebuf_free(&o);
  return str_take(&pat);
}

/* ${v%pat} ${v%%pat} ${v#pat} ${v##pat} */
static char *remove_pattern(const char *v, const char *pat, int suffix, int longest) {
  int len = (int)strlen(v), i;
  char *tmp = xstrdup(v);
  char *result = 0;
  if (suffix) {
    for (i = longest ? 0 : len; longest ? i <= len : i >= 0; i += longest ? 1 : -1)
      if (pattern_match(pat, v + i)) {
        tmp[i] = 0;
        result = xstrdup(tmp);
        break;
      }
  } else {
    for (i = longest ? len : 0; longest ? i >= 0 : i <= len; i += longest ? -1 : 1) {
      char save = tmp[i];
      tmp[i] = 0;
      if (pattern_match(pat, tmp)) {
        result = xstrdup(v + i);
        break;
      }
      tmp[i] = save;
    }
  }
  free(tmp);
  return result ? result : xstrdup(v);
}

/* ${...}: body is [p,end) without the braces. */
static void expand_braced(const char *p, const char *end, struct ebuf *o, int mode) {
  char name[256];
  int n = 0, colon = 0, length = 0;
  char op = 0;
  char *value;
  const char *word;
  if (*p == '#' && p + 1 < end && p[1] != '}' && !(p + 1 == end)) {
    length = 1;
    p++;
  }
  if (p < end && (strchr("@*#?$!-", *p) || (*p >= '0' && *p <= '9'))) {
    if (*p >= '0' && *p <= '9')
      while (p < end && *p >= '0' && *p <= '9' && n < 250) name[n++] = *p++;
    else
      name[n++] = *p++;
  } else {
    while (p < end && n < 250 && (*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
      name[n++] = *p++;
  }
  name[n] = 0;
  if (n == 0) {
    sh_error("Syntax error: Bad substitution");
    expand_failed = 1;
    if (!interactive) sh_exit(2);
    return;
  }
  if (p < end && *p == ':') {
    colon = 1;
    p++;
  }
  if (p < end) {
    op = *p++;
    if ((op == '%' || op == '#') && p < end && *p == op) {
      op = op == '%' ? 'P' : 'H'; /* %% and ## */
      p++;
    }
    if (!strchr("-=?+%#PH", op) || (colon && strchr("%#PH", op))) {
      sh_error("Syntax error: Bad substitution");
      expand_failed = 1;
      if (!interactive) sh_exit(2);
      return;
    }
  }
  word = p;
  if (length) {
    char *v = (name[0] == '@' || name[0] == '*') && !name[1] ? join_positional() : param_value(name); /* ${#@}: as dash, the length of "$*" */
    if (!v && opt_nounset && !(name[0] == '@' || name[0] == '*')) {
      unset_error(name, 0);
      return;
    }
    {
      char *len = number(v ? (long long)strlen(v) : 0);
      free(v);
      v = len;
    }
    emit_value(o, v, mode);
    free(v);
    return;
  }
  if ((name[0] == '@' || name[0] == '*') && !name[1]) {
    int set = pos_count > 0;
    char *all = join_positional();
    int empty = !*all;
    free(all);
    if (op == '-' && !(colon ? !empty : set)) expand_part(word, end, o, mode | ((mode & M_DQ) ? 0 : M_SPLITLIT));
    else if (op == '+') {
      if (colon ? !empty : set) expand_part(word, end, o, mode | ((mode & M_DQ) ? 0 : M_SPLITLIT));
    } else emit_positional(o, name[0], mode);
    return;
  }
  value = param_value(name);
  switch (op) {
  case 0:
    if (!value && opt_nounset) {
      unset_error(name, 0);
      return;
    }
    break;
  case '-':
  case '=':
  case '?':
    if (value && !(colon && !*value)) break;
    if (op == '-') {
      free(value);
      expand_part(word, end, o, mode | ((mode & M_DQ) ? 0 : M_SPLITLIT));
      return;
    }
    free(value);
    value = expand_range(word, end, 0);
    if (op == '?') {
      unset_error(name, *value ? value : colon ? "parameter not set or null" : 0);
      free(value);
      return;
    }
    if (!is_name(name, (int)strlen(name))) {
      sh_error("%s: bad variable name", name);
      expand_failed = 1;
      free(value);
      return;
    }
    if (var_set(name, value, 0) < 0) expand_failed = 1;
    break;
  case '+':
    if (value && !(colon && !*value)) {
      free(value);
      expand_part(word, end, o, mode | ((mode & M_DQ) ? 0 : M_SPLITLIT));
      return;
    }
    free(value);
    return;
  default: {
    char *pat = pattern_range(word, end);
    char *v = remove_pattern(value ? value : "", pat, op == '%' || op == 'P', op == 'P' || op == 'H');
    free(pat);
    free(value);
    value = v;
  }
  }
  if (value) emit_value(o, value, mode);
  free(value);
}

/* $(...) / `...`: runs cmd and emits its output less trailing newlines. */
static void expand_command(const char *cmd, struct ebuf *o, int mode) {
  int status;
  char *out = command_output(cmd, &status);
  int len = (int)strlen(out);
  while (len > 0 && out[len - 1] == '\n') out[--len] = 0;
  emit_value(o, out, mode);
  free(out);
  subst_status = status;
}

/* $((...)): body [p,end). */
static void expand_arith(const char *p, const char *end, struct ebuf *o, int mode) {
  char *text = expand_range(p, end, M_HEREDOC);
  int ok = 1;
  arith_t v = arith_eval(text, &ok);
  free(text);
  if (!ok) {
    expand_failed = 1;
    if (!interactive) sh_exit(2);
    return;
  }
  {
    char *s = number(v);
    emit_value(o, s, mode);
    free(s);
  }
}

/* After a $ at p[-1]: expands what follows; returns the position after it. */
static const char *expand_dollar(const char *p, const char *end, struct ebuf *o, int mode) {
  if (p < end && *p == '{') {
    const char *close = skip_balanced(p + 1, '{', '}');
    expand_braced(p + 1, close, o, mode);
    return *close ? close + 1 : close;
  }
  if (p < end && *p == '(') {
    if (p + 1 < end && p[1] == '(') {
      const char *close = skip_balanced(p + 2, '(', ')');
      if (*close && close[1] == ')') { /* $((...)) */
        expand_arith(p + 2, close, o, mode);
        return close + 2;
      }
    }
    {
      const char *close = skip_balanced(p + 1, '(', ')');
      char *cmd = xstrdup(p + 1);
      cmd[close - (p + 1)] = 0;
      expand_command(cmd, o, mode);
      free(cmd);
      return *close ? close + 1 : close;
    }
  }
  if (p < end && (*p == '@' || *p == '*')) {
    emit_positional(o, *p, mode);
    return p + 1;
  }
  if (p < end && (strchr("#?$!-", *p) || (*p >= '0' && *p <= '9'))) {
    char name[2] = {*p, 0};
    char *v = param_value(name);
    if (!v && opt_nounset && *p != '!') unset_error(name, 0);
    else if (v) emit_value(o, v, mode);
    free(v);
    return p + 1;
  }
  if (p < end && (*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
    char name[256];
    int n = 0;
    char *v;
    while (p < end && n < 255 && (*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
      name[n++] = *p++;
    name[n] = 0;
    v = param_value(name);
    if (!v && opt_nounset) unset_error(name, 0);
    else if (v) emit_value(o, v, mode);
    free(v);
    return p;
  }
  emit(o, '$', (mode & (M_DQ | M_HEREDOC)) ? F_QUOTED : F_LIT);
  return p;
}

/* The text of `...` with its backslash escapes of $ ` \ undone. */
static char *backquote_text(const char *p, const char *close) {
  struct str b = {0, 0, 0};
  while (p < close) {
    if (*p == '\\' && p + 1 < close && strchr("$`\\", p[1])) p++;
    str_addc(&b, *p++);
  }
  return str_take(&b);
}

static void expand_part(const char *p, const char *end, struct ebuf *o, int mode) {
  int lit = (mode & (M_DQ | M_HEREDOC)) ? F_QUOTED : (mode & M_SPLITLIT) ? F_EXP : F_LIT;
  while (p < end && *p) {
    char c = *p;
    if (c == '\\') {
      if (p + 1 >= end) {
        emit(o, '\\', lit);
        p++;
        continue;
      }
      if (mode & M_HEREDOC) {
        if (p[1] == '\n') { p += 2; continue; }
        if (strchr("$`\\", p[1])) emit(o, p[1], F_QUOTED);
        else { emit(o, '\\', F_QUOTED); emit(o, p[1], F_QUOTED); }
      } else if (mode & M_DQ) {
        if (strchr("$`\"\\", p[1])) emit(o, p[1], F_QUOTED);
        else if (p[1] != '\n') { emit(o, '\\', F_QUOTED); emit(o, p[1], F_QUOTED); }
      } else {
        emit(o, p[1], F_QUOTED);
        o->quoted = 1;
      }
      p += 2;
      continue;
    }
    if (c == '\'' && !(mode & (M_DQ | M_HEREDOC))) {
      const char *q = p + 1;
      while (q < end && *q != '\'') emit(o, *q++, F_QUOTED);
      o->quoted = 1;
      p = q < end ? q + 1 : q;
      continue;
    }
    if (c == '"' && (mode & M_DQ)) { /* only in the word of "${x-"w"}": the quotes go, the text stays quoted */
      p++;
      continue;
    }
    if (c == '"' && !(mode & (M_DQ | M_HEREDOC))) {
      const char *close = skip_dq(p + 1);
      int only_at = (close - p == 3 && p[1] == '$' && p[2] == '@') || (close - p == 5 && strncmp(p + 1, "${@}", 4) == 0);
      if (!only_at) o->quoted = 1;
      expand_part(p + 1, close, o, (mode & ~M_SPLITLIT) | M_DQ);
      p = *close ? close + 1 : close;
      continue;
    }
    if (c == '$') {
      p = expand_dollar(p + 1, end, o, mode);
      continue;
    }
    if (c == '`') {
      const char *close = skip_bq(p + 1);
      char *cmd = backquote_text(p + 1, close);
      expand_command(cmd, o, mode);
      free(cmd);
      p = *close ? close + 1 : close;
      continue;
    }
    emit(o, c, lit);
    p++;
  }
}

/* ~ and ~/... at the start of a word become $HOME. Returns where the rest of the word starts. */
static const char *expand_tilde(const char *w, struct ebuf *o) {
  const char *home;
  if (w[0] != '~' || (w[1] && w[1] != '/')) return w;
  home = var_get("HOME");
  if (!home) return w;
  emits(o, home, F_QUOTED);
  return w + 1;
}

/* ---- fields ---- */
struct fields {
  char **v;
  int n, cap;
};

static void add_field(struct fields *fl, char *s) {
  if (fl->n + 2 > fl->cap) {
    fl->cap = fl->cap ? fl->cap * 2 : 8;
    fl->v = realloc(fl->v, sizeof(char *) * fl->cap);
  }
  fl->v[fl->n++] = s;
  fl->v[fl->n] = 0;
}

/* A field's text and flags: globbed when it has an unquoted magic character, else quote-removed. */
static void finish_field(struct fields *fl, struct str *s, struct str *f) {
  int i, magic = 0;
  char *text;
  str_addc(f, 0);
  text = str_take(s);
  if (!opt_noglob)
    for (i = 0; text[i]; i++)
      if (f->s[i] != F_QUOTED && (text[i] == '*' || text[i] == '?' || text[i] == '[')) magic = 1;
  if (magic) {
    struct str pat = {0, 0, 0};
    int before = fl->n;
    for (i = 0; text[i]; i++) {
      if (f->s[i] == F_QUOTED && strchr("\\*?[]", text[i])) str_addc(&pat, '\\');
      str_addc(&pat, text[i]);
    }
    {
      char *ps = str_take(&pat);
      glob_expand(ps, &fl->v, &fl->n, &fl->cap);
      free(ps);
    }
    if (fl->n > before) {
      free(text);
      free(str_take(f));
      return;
    }
  }
  add_field(fl, text);
  free(str_take(f));
}

/* Splits o on IFS (only F_EXP characters) and at F_BREAKs; appends the fields to fl. */
static void split_fields(struct ebuf *o, struct fields *fl) {
  const char *ifs = var_get("IFS");
  struct str s = {0, 0, 0}, f = {0, 0, 0};
  int i, have = 0, after_ws = 0, start = fl->n;
  if (!ifs) ifs = " \t\n";
  for (i = 0; i < o->s.len; i++) {
    char c = o->s.s[i];
    int flag = o->f.s[i];
    if (flag == F_BREAK) {
      finish_field(fl, &s, &f);
      have = 1;
      after_ws = 0;
      continue;
    }
    if (flag == F_SOFTBREAK || (flag == F_EXP && c && strchr(ifs, c))) {
      int ws = flag == F_SOFTBREAK || c == ' ' || c == '\t' || c == '\n';
      if (ws) {
        if (have) {
          finish_field(fl, &s, &f);
          after_ws = 1;
        }
        have = 0;
      } else {
        if (have || !after_ws) finish_field(fl, &s, &f);
        have = 0;
        after_ws = 0;
      }
      continue;
    }
    str_addc(&s, c);
    str_addc(&f, (char)flag);
    have = 1;
    after_ws = 0;
  }
  if (have || (fl->n == start && o->quoted)) finish_field(fl, &s, &f);
  free(s.s);
  free(f.s);
}

char **expand_words(char **words, int nwords, int *count) {
  struct fields fl = {0, 0, 0};
  int i;
  add_field(&fl, 0);
  fl.n = 0;
  for (i = 0; i < nwords; i++) {
    struct ebuf o;
    const char *w;
    memset(&o, 0, sizeof o);
    w = expand_tilde(words[i], &o);
    expand_part(w, w + strlen(w), &o, 0);
    split_fields(&o, &fl);
    ebuf_free(&o);
  }
  if (count) *count = fl.n;
  return fl.v;
}

char *expand_word(const char *word) {
  struct ebuf o;
  const char *w;
  memset(&o, 0, sizeof o);
  w = expand_tilde(word, &o);
  expand_part(w, w + strlen(w), &o, 0);
  free(o.f.s);
  return str_take(&o.s);
}

char *expand_pattern(const char *word) { return pattern_range(word, word + strlen(word)); }

char *expand_heredoc(const char *body) { return expand_range(body, body + strlen(body), M_HEREDOC); }

char *unquote(const char *word, int *was_quoted) {
  struct str b = {0, 0, 0};
  const char *p = word;
  *was_quoted = 0;
  while (*p) {
    if (*p == '\\' && p[1]) {
      *was_quoted = 1;
      str_addc(&b, p[1]);
      p += 2;
    } else if (*p == '\'' || *p == '"') {
      char q = *p++;
      *was_quoted = 1;
      while (*p && *p != q) {
        if (q == '"' && *p == '\\' && p[1] && strchr("$`\"\\", p[1])) p++;
        str_addc(&b, *p++);
      }
      if (*p) p++;
    } else {
      str_addc(&b, *p++);
    }
  }
  return str_take(&b);
}

void free_argv(char **argv) {
  char **p;
  if (!argv) return;
  for (p = argv; *p; p++) free(*p);
  free(argv);
}
