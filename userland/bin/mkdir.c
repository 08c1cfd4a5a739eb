/* mkdir [-p] DIR...: creates directories (-p: parents too, no error if present). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static int make(char *path, int parents) {
  if (parents) {
    char *p;
    for (p = path + 1; *p; p++) {
      if (*p != '/') continue;
      *p = 0;
      mkdir(path, 0755);
      *p = '/';
    }
    if (mkdir(path, 0755) < 0 && errno != EEXIST) goto fail;
    return 0;
  }
  if (mkdir(path, 0755) == 0) return 0;
fail:
  fprintf(stderr, "mkdir: cannot create directory '%s': %s\n", path, strerror(errno));
  return 1;
}

int main(int argc, char **argv) {
  int i = 1, parents = 0, status = 0;
  if (i < argc && strcmp(argv[i], "-p") == 0) { parents = 1; i++; }
  if (i == argc) { fprintf(stderr, "mkdir: missing operand\n"); return 1; }
  for (; i < argc; i++) status |= make(argv[i], parents);
  return status;
}
