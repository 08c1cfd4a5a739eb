/* ls [-l] [-a] [PATH...]: lists directories (sorted; dot files only with -a) or names files. -l adds the
 * type and permissions, link count, size and name. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int opt_l, opt_a;

static void mode_string(unsigned mode, char *out) {
  const char *rwx = "rwxrwxrwx";
  int i;
  out[0] = S_ISDIR(mode) ? 'd' : S_ISCHR(mode) ? 'c' : S_ISFIFO(mode) ? 'p' : '-';
  for (i = 0; i < 9; i++) out[i + 1] = (mode & (0400 >> i)) ? rwx[i] : '-';
  out[10] = 0;
}

static void show(const char *dir, const char *name) {
  char path[512];
  struct stat st;
  char mode[11];
  if (!opt_l) {
    printf("%s\n", name);
    return;
  }
  if (dir) snprintf(path, sizeof path, "%s/%s", dir, name);
  else snprintf(path, sizeof path, "%s", name);
  if (stat(path, &st) < 0) {
    printf("?????????? %s\n", name);
    return;
  }
  mode_string(st.st_mode, mode);
  printf("%s %2d root root %8ld %s%s\n", mode, (int)st.st_nlink, (long)st.st_size, name, S_ISDIR(st.st_mode) ? "/" : "");
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list(const char *path) {
  struct stat st;
  DIR *d;
  struct dirent *e;
  char **names = 0;
  int n = 0, cap = 0, i;
  if (stat(path, &st) < 0) {
    fprintf(stderr, "ls: cannot access '%s': %s\n", path, strerror(errno));
    return 2;
  }
  if (!S_ISDIR(st.st_mode)) {
    show(0, path);
    return 0;
  }
  d = opendir(path);
  if (!d) {
    fprintf(stderr, "ls: cannot open directory '%s': %s\n", path, strerror(errno));
    return 2;
  }
  while ((e = readdir(d)) != 0) {
    if (e->d_name[0] == '.' && !opt_a) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 32;
      names = realloc(names, cap * sizeof *names);
    }
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, by_name);
  for (i = 0; i < n; i++) {
    show(path, names[i]);
    free(names[i]);
  }
  free(names);
  return 0;
}

int main(int argc, char **argv) {
  int i, status = 0, paths = 0;
  for (i = 1; i < argc; i++) {
    if (argv[i][0] == '-' && argv[i][1]) {
      const char *p = argv[i] + 1;
      for (; *p; p++) {
        if (*p == 'l') opt_l = 1;
        else if (*p == 'a') opt_a = 1;
        else { fprintf(stderr, "ls: invalid option -- '%c'\n", *p); return 2; }
      }
    }
  }
  for (i = 1; i < argc; i++) {
    if (argv[i][0] == '-' && argv[i][1]) continue;
    if (paths++ && 1) printf("\n");
    if (argc > 2 + opt_l + opt_a) printf("%s:\n", argv[i]);
    status |= list(argv[i]);
  }
  if (paths == 0) status = list(".");
  return status;
}
