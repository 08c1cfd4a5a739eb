/* mv SOURCE DEST, or mv SOURCE... DIRECTORY: renames (into DIRECTORY when the last operand is one). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* The last component of `path` (after its final slash; trailing slashes ignored). */
static void base_name(const char *path, char *out, size_t size) {
  size_t n = strlen(path);
  size_t start;
  while (n > 1 && path[n - 1] == '/') n--;
  start = n;
  while (start > 0 && path[start - 1] != '/') start--;
  if (n - start >= size) n = start + size - 1;
  memcpy(out, path + start, n - start);
  out[n - start] = 0;
}

int main(int argc, char **argv) {
  struct stat st;
  const char *dest;
  int i, status = 0, into_dir;
  if (argc < 3) {
    fprintf(stderr, "usage: mv SOURCE DEST | mv SOURCE... DIRECTORY\n");
    return 1;
  }
  dest = argv[argc - 1];
  into_dir = stat(dest, &st) == 0 && S_ISDIR(st.st_mode);
  if (argc > 3 && !into_dir) {
    fprintf(stderr, "mv: target '%s' is not a directory\n", dest);
    return 1;
  }
  for (i = 1; i < argc - 1; i++) {
    char target[1024], base[256];
    if (into_dir) {
      base_name(argv[i], base, sizeof base);
      snprintf(target, sizeof target, "%s/%s", dest, base);
    } else {
      snprintf(target, sizeof target, "%s", dest);
    }
    if (rename(argv[i], target) < 0) {
      fprintf(stderr, "mv: cannot move '%s' to '%s': %s\n", argv[i], target, strerror(errno));
      status = 1;
    }
  }
  return status;
}
