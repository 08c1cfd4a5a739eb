/* sh: shell variables (with export/readonly flags), `local` frames, positional parameters and functions. */
#include "sh.h"

struct var {
  char *name;
  char *value; /* NULL: declared (export NAME) but unset */
  int flags;
  struct var *next;
};

#define NBUCKETS 64
static struct var *table[NBUCKETS];

static unsigned hash(const char *s) {
  unsigned h = 5381;
  while (*s) h = h * 33 + (unsigned char)*s++;
  return h % NBUCKETS;
}

static struct var *find(const char *name) {
  struct var *v;
  for (v = table[hash(name)]; v; v = v->next)
    if (strcmp(v->name, name) == 0) return v;
  return 0;
}

int is_name(const char *s, int len) {
  int i;
  if (len <= 0 || !(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return 0;
  for (i = 1; i < len; i++)
    if (!(s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
      return 0;
  return 1;
}

const char *var_get(const char *name) {
  struct var *v = find(name);
  return v ? v->value : 0;
}

int var_flags(const char *name) {
  struct var *v = find(name);
  return v ? v->flags : 0;
}

static struct var *create(const char *name) {
  unsigned h = hash(name);
  struct var *v = xmalloc(sizeof *v);
  v->name = xstrdup(name);
  v->value = 0;
  v->flags = 0;
  v->next = table[h];
  table[h] = v;
  return v;
}

int var_set(const char *name, const char *value, int flags) {
  struct var *v = find(name);
  if (!v) v = create(name);
  if (v->flags & V_READONLY) {
    sh_error("%s: is read only", name);
    return -1;
  }
  if (value) {
    char *copy = xstrdup(value);
    free(v->value);
    v->value = copy;
  }
  v->flags |= flags;
  return 0;
}

int var_unset(const char *name) {
  unsigned h = hash(name);
  struct var **p;
  for (p = &table[h]; *p; p = &(*p)->next) {
    struct var *v = *p;
    if (strcmp(v->name, name) == 0) {
      if (v->flags & V_READONLY) {
        sh_error("%s: is read only", name);
        return -1;
      }
      *p = v->next;
      free(v->name);
      free(v->value);
      free(v);
      return 0;
    }
  }
  return 0;
}

void var_export(const char *name) {
  struct var *v = find(name);
  if (!v) v = create(name);
  v->flags |= V_EXPORT;
}

char **var_environ(void) {
  int n = 0, i;
  struct var *v;
  char **env;
  for (i = 0; i < NBUCKETS; i++)
    for (v = table[i]; v; v = v->next)
      if ((v->flags & V_EXPORT) && v->value) n++;
  env = xmalloc(sizeof(char *) * (n + 1));
  n = 0;
  for (i = 0; i < NBUCKETS; i++)
    for (v = table[i]; v; v = v->next)
      if ((v->flags & V_EXPORT) && v->value) {
        size_t a = strlen(v->name), b = strlen(v->value);
        char *s = xmalloc(a + b + 2);
        memcpy(s, v->name, a);
        s[a] = '=';
        memcpy(s + a + 1, v->value, b + 1);
        env[n++] = s;
      }
  env[n] = 0;
  return env;
}

void var_import(char **envp) {
  for (; envp && *envp; envp++) {
    char *eq = strchr(*envp, '=');
    char name[256];
    int len;
    if (!eq) continue;
    len = (int)(eq - *envp);
    if (!is_name(*envp, len) || len >= (int)sizeof name) continue;
    memcpy(name, *envp, len);
    name[len] = 0;
    var_set(name, eq + 1, V_EXPORT);
  }
}

static int by_name(const void *a, const void *b) {
  return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

/* Prints value quoted for re-input: 'text' with each ' as '\'' (as dash). */
static void print_quoted(const char *s) {
  putchar('\'');
  for (; *s; s++) {
    if (*s == '\'') fputs("'\\''", stdout);
    else putchar(*s);
  }
  putchar('\'');
}

void var_print(int exported_only, const char *prefix) {
  int n = 0, i;
  struct var *v, **all;
  for (i = 0; i < NBUCKETS; i++)
    for (v = table[i]; v; v = v->next) n++;
  all = xmalloc(sizeof *all * (n + 1));
  n = 0;
  for (i = 0; i < NBUCKETS; i++)
    for (v = table[i]; v; v = v->next)
      if (!exported_only || (v->flags & V_EXPORT)) all[n++] = v;
  qsort(all, n, sizeof *all, by_name);
  for (i = 0; i < n; i++) {
    if (prefix) fputs(prefix, stdout);
    fputs(all[i]->name, stdout);
    if (all[i]->value) {
      putchar('=');
      print_quoted(all[i]->value);
    }
    putchar('\n');
  }
  free(all);
}

/* ---- local frames: each function call saves the variables it makes local and restores them on return ---- */
struct saved {
  char *name;
  char *value;
  int flags;
  int existed;
  struct saved *next;
};
struct frame {
  struct saved *saved;
  struct frame *up;
};
static struct frame *frames;

void var_push_frame(void) {
  struct frame *f = xmalloc(sizeof *f);
  f->saved = 0;
  f->up = frames;
  frames = f;
}

int var_in_function(void) { return frames != 0; }

void var_make_local(const char *name) {
  struct saved *s;
  struct var *v;
  if (!frames) return;
  for (s = frames->saved; s; s = s->next)
    if (strcmp(s->name, name) == 0) return;
  v = find(name);
  s = xmalloc(sizeof *s);
  s->name = xstrdup(name);
  s->existed = v != 0;
  s->value = v && v->value ? xstrdup(v->value) : 0;
  s->flags = v ? v->flags : 0;
  s->next = frames->saved;
  frames->saved = s;
}

void var_pop_frame(void) {
  struct frame *f = frames;
  if (!f) return;
  frames = f->up;
  while (f->saved) {
    struct saved *s = f->saved;
    struct var *v;
    f->saved = s->next;
    if (!s->existed) {
      v = find(s->name);
      if (v) v->flags &= ~V_READONLY;
      var_unset(s->name);
    } else {
      v = find(s->name);
      if (!v) v = create(s->name);
      free(v->value);
      v->value = s->value;
      s->value = 0;
      v->flags = s->flags;
    }
    free(s->name);
    free(s->value);
    free(s);
  }
  free(f);
}

/* ---- positional parameters ---- */
char **pos_args;
int pos_count;

void set_positional(char **args, int n) {
  char **copy = xmalloc(sizeof(char *) * (n + 1));
  int i;
  for (i = 0; i < n; i++) copy[i] = xstrdup(args[i]);
  copy[n] = 0;
  for (i = 0; i < pos_count; i++) free(pos_args[i]);
  free(pos_args);
  pos_args = copy;
  pos_count = n;
}

/* ---- functions ---- */
struct func {
  char *name;
  struct node *body;
  struct func *next;
};
static struct func *funcs;

struct node *func_get(const char *name) {
  struct func *f;
  for (f = funcs; f; f = f->next)
    if (strcmp(f->name, name) == 0) return f->body;
  return 0;
}

void func_unset(const char *name) {
  struct func **p;
  for (p = &funcs; *p; p = &(*p)->next)
    if (strcmp((*p)->name, name) == 0) {
      struct func *f = *p;
      *p = f->next;
      free(f->name);
      node_free(f->body);
      free(f);
      return;
    }
}

void func_set(const char *name, struct node *body) {
  struct func *f = xmalloc(sizeof *f);
  func_unset(name);
  f->name = xstrdup(name);
  f->body = node_copy(body);
  f->next = funcs;
  funcs = f;
}
