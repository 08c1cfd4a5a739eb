/* rm [-r] [-f] PATH...: removes files (-r: directories and their contents; -f: no error for missing). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int opt_r, opt_f;

static int remove_path(const char *path) {
  struct stat st;
  if (stat(path, &st) < 0) {
    if (opt_f && errno == ENOENT) return 0;
    fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(errno));
    return 1;
  }
  if (S_ISDIR(st.st_mode)) {
    DIR *d;
    struct dirent *e;
    int status = 0;
    if (!opt_r) { fprintf(stderr, "rm: cannot remove '%s': Is a directory\n", path); return 1; }
    d = opendir(path);
    while (d && (e = readdir(d)) != 0) {
      char child[512];
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
      snprintf(child, sizeof child, "%s/%s", path, e->d_name);
      status |= remove_path(child);
    }
    if (d) closedir(d);
    if (rmdir(path) < 0) { fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(errno)); return 1; }
    return status;
  }
  if (unlink(path) < 0) { fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(errno)); return 1; }
  return 0;
}

int main(int argc, char **argv) {
  int i, status = 0, any = 0;
  for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    const char *p = argv[i] + 1;
    for (; *p; p++) {
      if (*p == 'r' || *p == 'R') opt_r = 1;
      else if (*p == 'f') opt_f = 1;
      else { fprintf(stderr, "rm: invalid option -- '%c'\n", *p); return 1; }
    }
  }
  for (; i < argc; i++) { any = 1; status |= remove_path(argv[i]); }
  if (!any && !opt_f) { fprintf(stderr, "rm: missing operand\n"); return 1; }
  return status;
}
