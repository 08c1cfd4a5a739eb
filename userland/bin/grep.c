/* grep [-n] [-v] [-i] PATTERN [FILE...]: prints the lines containing the fixed string PATTERN (-v: those
 * not containing it; -i: ignoring case; -n: with line numbers). Status 0 when a line was selected, 1 when
 * none, 2 on errors. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int opt_n, opt_v, opt_i, multiple;
static const char *pattern;

static int contains(const char *line) {
  size_t n = strlen(pattern);
  const char *p;
  if (!opt_i) return strstr(line, pattern) != 0;
  for (p = line; *p; p++) {
    size_t i = 0;
    while (i < n && p[i] && tolower((unsigned char)p[i]) == tolower((unsigned char)pattern[i])) i++;
    if (i == n) return 1;
  }
  return n == 0;
}

static int grep_fd(FILE *f, const char *name) {
  char *line = 0;
  size_t cap = 0;
  long len, no = 0;
  int found = 0;
  while ((len = getline(&line, &cap, f)) >= 0) {
    int hit;
    no++;
    if (len > 0 && line[len - 1] == '\n') line[len - 1] = 0;
    hit = contains(line);
    if (hit != opt_v) {
      found = 1;
      if (multiple) printf("%s:", name);
      if (opt_n) printf("%ld:", no);
      printf("%s\n", line);
    }
  }
  free(line);
  return found;
}

int main(int argc, char **argv) {
  int i = 1, found = 0, errors = 0;
  for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    const char *p = argv[i] + 1;
    for (; *p; p++) {
      if (*p == 'n') opt_n = 1;
      else if (*p == 'v') opt_v = 1;
      else if (*p == 'i') opt_i = 1;
      else { fprintf(stderr, "grep: invalid option -- '%c'\n", *p); return 2; }
    }
  }
  if (i >= argc) {
    fprintf(stderr, "usage: grep [-n] [-v] [-i] PATTERN [FILE...]\n");
    return 2;
  }
  pattern = argv[i++];
  multiple = argc - i > 1;
  if (i == argc) return grep_fd(stdin, "-") ? 0 : 1;
  for (; i < argc; i++) {
    FILE *f = fopen(argv[i], "r");
    if (!f) {
      fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
      errors = 1;
      continue;
    }
    found |= grep_fd(f, argv[i]);
    fclose(f);
  }
  return errors ? 2 : found ? 0 : 1;
}
