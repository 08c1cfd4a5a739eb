/* sh: shell patterns (POSIX 2.13): matching text (case, ${v%pat}) and pathname expansion, one directory
 * level at a time, results sorted; names starting with '.' only by a pattern that starts with '.'. */
#include "sh.h"
#include <dirent.h>

static int class_match(const char *name, int len, int c) {
  if (len == 5 && !strncmp(name, "alpha", 5)) return (c | 32) >= 'a' && (c | 32) <= 'z';
  if (len == 5 && !strncmp(name, "digit", 5)) return c >= '0' && c <= '9';
  if (len == 5 && !strncmp(name, "alnum", 5)) return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
  if (len == 5 && !strncmp(name, "upper", 5)) return c >= 'A' && c <= 'Z';
  if (len == 5 && !strncmp(name, "lower", 5)) return c >= 'a' && c <= 'z';
  if (len == 5 && !strncmp(name, "space", 5)) return c == ' ' || (c >= '\t' && c <= '\r');
  if (len == 5 && !strncmp(name, "blank", 5)) return c == ' ' || c == '\t';
  if (len == 5 && !strncmp(name, "punct", 5)) return c > 32 && c < 127 && !(((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9'));
  if (len == 6 && !strncmp(name, "xdigit", 6)) return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'f');
  return 0;
}

/* A bracket expression at p (just after '['): sets *matched for c; returns the pointer after ']', or NULL
 * when there is no closing bracket (then '[' is an ordinary character). */
static const char *bracket(const char *p, int c, int *matched) {
  int negate = 0, found = 0, first = 1;
  if (*p == '!' || *p == '^') {
    negate = 1;
    p++;
  }
  while (*p && (first || *p != ']')) {
    int lo, hi;
    first = 0;
    if (p[0] == '[' && p[1] == ':') {
      const char *e = strstr(p + 2, ":]");
      if (e) {
        if (class_match(p + 2, (int)(e - p - 2), c)) found = 1;
        p = e + 2;
        continue;
      }
    }
    if (*p == '\\' && p[1]) p++;
    lo = (unsigned char)*p++;
    hi = lo;
    if (p[0] == '-' && p[1] && p[1] != ']') {
      p++;
      if (*p == '\\' && p[1]) p++;
      hi = (unsigned char)*p++;
    }
    if (c >= lo && c <= hi) found = 1;
  }
  if (*p != ']') return 0;
  *matched = found != negate;
  return p + 1;
}

int pattern_match(const char *pat, const char *text) {
  while (*pat) {
    if (*pat == '*') {
      while (*pat == '*') pat++;
      if (!*pat) return 1;
      for (; *text; text++)
        if (pattern_match(pat, text)) return 1;
      return pattern_match(pat, text);
    }
    if (!*text) return 0;
    if (*pat == '?') {
      pat++;
      text++;
      continue;
    }
    if (*pat == '[') {
      int matched = 0;
      const char *after = bracket(pat + 1, (unsigned char)*text, &matched);
      if (after) {
        if (!matched) return 0;
        pat = after;
        text++;
        continue;
      }
    }
    if (*pat == '\\' && pat[1]) pat++;
    if (*pat != *text) return 0;
    pat++;
    text++;
  }
  return !*text;
}

int pattern_has_magic(const char *p) {
  for (; *p; p++) {
    if (*p == '\\' && p[1]) p++;
    else if (*p == '*' || *p == '?' || *p == '[') return 1;
  }
  return 0;
}

static void add(char ***list, int *count, int *cap, char *s) {
  if (*count + 2 > *cap) {
    *cap = *cap ? *cap * 2 : 8;
    *list = realloc(*list, sizeof(char *) * *cap);
  }
  (*list)[(*count)++] = s;
  (*list)[*count] = 0;
}

static char *unescape(const char *p, int len) {
  struct str b = {0, 0, 0};
  int i;
  for (i = 0; i < len; i++) {
    if (p[i] == '\\' && i + 1 < len) i++;
    str_addc(&b, p[i]);
  }
  return str_take(&b);
}

static int by_string(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Expands the components of rest below prefix (a path ending in '/' or empty). */
static void glob_in(const char *prefix, const char *rest, char ***list, int *count, int *cap) {
  const char *slash = strchr(rest, '/');
  int len = slash ? (int)(slash - rest) : (int)strlen(rest);
  char *comp = xmalloc(len + 1);
  struct str path = {0, 0, 0};
  memcpy(comp, rest, len);
  comp[len] = 0;
  if (!pattern_has_magic(comp)) {
    char *plain = unescape(comp, len);
    struct stat st;
    str_adds(&path, prefix);
    str_adds(&path, plain);
    free(plain);
    if (slash) {
      str_addc(&path, '/');
      {
        char *next = str_take(&path);
        glob_in(next, slash + 1, list, count, cap);
        free(next);
      }
    } else {
      char *p = str_take(&path);
      if (lstat(p, &st) == 0) add(list, count, cap, p);
      else free(p);
    }
    free(comp);
    return;
  }
  {
    DIR *d = opendir(*prefix ? prefix : ".");
    struct dirent *e;
    char **names = 0;
    int n = 0, ncap = 0, i;
    if (!d) {
      free(comp);
      return;
    }
    while ((e = readdir(d)) != 0) {
      if (e->d_name[0] == '.' && comp[0] != '.') continue;
      if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) {
        if (!(comp[0] == '.' && pattern_match(comp, e->d_name))) continue;
      }
      if (pattern_match(comp, e->d_name)) add(&names, &n, &ncap, xstrdup(e->d_name));
    }
    closedir(d);
    if (n) qsort(names, n, sizeof(char *), by_string);
    for (i = 0; i < n; i++) {
      struct str full = {0, 0, 0};
      str_adds(&full, prefix);
      str_adds(&full, names[i]);
      free(names[i]);
      if (slash) {
        struct stat st;
        char *dir;
        str_addc(&full, '/');
        dir = str_take(&full);
        if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) glob_in(dir, slash + 1, list, count, cap);
        free(dir);
      } else {
        add(list, count, cap, str_take(&full));
      }
    }
    free(names);
  }
  free(comp);
}

int glob_expand(const char *pattern, char ***list, int *count, int *cap) {
  int before = *count;
  if (pattern[0] == '/') {
    const char *p = pattern;
    while (*p == '/') p++;
    glob_in("/", p, list, count, cap);
  } else {
    glob_in("", pattern, list, count, cap);
  }
  return *count - before;
}
