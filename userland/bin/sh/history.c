/* sh's line editor: the history list and its file ($HOME/.sh_history). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lineedit.h"

#define HISTORY_MAX 500

static char *entries[HISTORY_MAX];
static int count;
static char file[512];

int lineedit_history_count(void) { return count; }

const char *lineedit_history_get(int i) { return i >= 0 && i < count ? entries[i] : 0; }

/* Keeps `line` (a copy) at the end, dropping the oldest entry when full. */
static void remember(const char *line) {
  if (count == HISTORY_MAX) {
    free(entries[0]);
    memmove(entries, entries + 1, (HISTORY_MAX - 1) * sizeof entries[0]);
    count--;
  }
  entries[count++] = strdup(line);
}

static void default_path(char *out, size_t size) {
  const char *home = getenv("HOME");
  snprintf(out, size, "%s/.sh_history", home && *home ? home : "/");
}

int lineedit_history_load(const char *path) {
  char line[4096];
  FILE *f;
  if (path) snprintf(file, sizeof file, "%s", path);
  else default_path(file, sizeof file);
  f = fopen(file, "r");
  if (!f) return -1;
  while (fgets(line, sizeof line, f)) {
    size_t n = strlen(line);
    if (n > 0 && line[n - 1] == '\n') line[--n] = 0;
    if (n > 0) remember(line);
  }
  fclose(f);
  return 0;
}

void lineedit_history_add(const char *line) {
  int fd;
  if (!line[0] || strchr(line, '\n')) return;
  if (count > 0 && strcmp(entries[count - 1], line) == 0) return;
  remember(line);
  if (!file[0]) return;
  /* Appended at once, so a second shell (or the next boot of the page) sees it even if this one is killed. */
  fd = open(file, O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd < 0) return;
  write(fd, line, strlen(line));
  write(fd, "\n", 1);
  close(fd);
}

int lineedit_history_save(const char *path) {
  char name[512];
  FILE *f;
  int i;
  if (path) snprintf(name, sizeof name, "%s", path);
  else if (file[0]) snprintf(name, sizeof name, "%s", file);
  else default_path(name, sizeof name);
  f = fopen(name, "w");
  if (!f) return -1;
  for (i = 0; i < count; i++) fprintf(f, "%s\n", entries[i]);
  return fclose(f);
}

void lineedit_history_print(void) {
  int i;
  for (i = 0; i < count; i++) printf("%5d  %s\n", i + 1, entries[i]);
}
