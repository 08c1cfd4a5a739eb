/* sh's line editor: Tab completion. The first word of a command (at the start of the line or after ; | & ( )
 * completes from the shell's commands and the executables of $PATH's directories, unless it holds a '/';
 * any other word completes as a path, listing the directory its part up to the last '/' names. Names starting
 * with '.' are offered only for a word starting with '.'. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lineedit.h"

static const char *const *commands;

void lineedit_set_commands(const char *const *names) { commands = names; }

struct list {
  char **items;
  int n, cap;
};

static void add(struct list *l, const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  char *copy;
  int i;
  for (i = 0; i < l->n; i++) {
    if (strncmp(l->items[i], s, a) == 0 && strcmp(l->items[i] + a, suffix) == 0) return;
  }
  if (l->n + 2 > l->cap) {
    int cap = l->cap ? l->cap * 2 : 16;
    char **grown = realloc(l->items, (size_t)cap * sizeof *grown);
    if (!grown) return;
    l->items = grown;
    l->cap = cap;
  }
  copy = malloc(a + b + 1);
  if (!copy) return;
  memcpy(copy, s, a);
  memcpy(copy + a, suffix, b + 1);
  l->items[l->n++] = copy;
}

static int by_name(const void *x, const void *y) { return strcmp(*(char *const *)x, *(char *const *)y); }

void lineedit_free_list(char **list) {
  int i;
  if (!list) return;
  for (i = 0; list[i]; i++) free(list[i]);
  free(list);
}

/* The executables of $PATH's directories whose names start with `prefix`. */
static void path_commands(struct list *l, const char *prefix) {
  const char *path = getenv("PATH");
  char dir[512];
  size_t plen = strlen(prefix);
  if (!path) path = "/bin";
  while (*path) {
    const char *end = strchr(path, ':');
    size_t n = end ? (size_t)(end - path) : strlen(path);
    DIR *d;
    struct dirent *e;
    if (n == 0 || n >= sizeof dir) n = 0;
    memcpy(dir, n ? path : ".", n ? n : 1);
    dir[n ? n : 1] = 0;
    d = opendir(dir);
    while (d && (e = readdir(d)) != 0) {
      char full[1024];
      struct stat st;
      if (e->d_name[0] == '.' || strncmp(e->d_name, prefix, plen) != 0) continue;
      strcpy(full, dir);
      strcat(full, "/");
      strncat(full, e->d_name, sizeof full - strlen(full) - 1);
      if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111)) add(l, e->d_name, " ");
    }
    if (d) closedir(d);
    path += end ? n + 1 : n;
  }
}

/* The entries of the directory `word` names up to its last '/', whose names start with the rest; each
 * candidate is the whole word completed. */
static void path_names(struct list *l, const char *word) {
  const char *slash = strrchr(word, '/');
  char dir[512], full[1024];
  const char *base = slash ? slash + 1 : word;
  size_t dlen = slash ? (size_t)(slash - word) + 1 : 0, blen = strlen(base);
  DIR *d;
  struct dirent *e;
  if (dlen >= sizeof dir) return;
  memcpy(dir, word, dlen);
  dir[dlen] = 0;
  d = opendir(dlen ? dir : ".");
  while (d && (e = readdir(d)) != 0) {
    struct stat st;
    if (strncmp(e->d_name, base, blen) != 0) continue;
    if (e->d_name[0] == '.' && base[0] != '.') continue;
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    if (dlen + strlen(e->d_name) + 1 >= sizeof full) continue;
    memcpy(full, dir, dlen);
    strcpy(full + dlen, e->d_name);
    add(l, full, stat(full, &st) == 0 && S_ISDIR(st.st_mode) ? "/" : " ");
  }
  if (d) closedir(d);
}

char **lineedit_complete(const char *buf, int pos, int *start) {
  struct list l = {0, 0, 0};
  char word[512];
  int s = pos, i, first;
  while (s > 0 && buf[s - 1] != ' ' && buf[s - 1] != '\t' && !strchr(";|&()<>", buf[s - 1])) s--;
  if (pos - s >= (int)sizeof word) return 0;
  memcpy(word, buf + s, (size_t)(pos - s));
  word[pos - s] = 0;
  *start = s;
  i = s;
  while (i > 0 && (buf[i - 1] == ' ' || buf[i - 1] == '\t')) i--;
  first = i == 0 || strchr(";|&(", buf[i - 1]) != 0;
  if (first && !strchr(word, '/')) {
    for (i = 0; commands && commands[i]; i++) {
      if (strncmp(commands[i], word, strlen(word)) == 0) add(&l, commands[i], " ");
    }
    path_commands(&l, word);
  } else {
    path_names(&l, word);
  }
  if (l.n == 0) {
    free(l.items);
    return 0;
  }
  qsort(l.items, (size_t)l.n, sizeof *l.items, by_name);
  l.items[l.n] = 0;
  return l.items;
}
