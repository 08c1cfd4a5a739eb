/* realpath without symbolic links (the file systems here have none): the absolute path, normalized
 * component by component, each checked with stat. */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

#define REALPATH_MAX 4096

char *realpath(const char *path, char *resolved) {
  char out[REALPATH_MAX];
  size_t len = 0;
  const char *p = path;
  struct stat st;
  if (!path) {
    errno = EINVAL;
    return 0;
  }
  if (!*path) {
    errno = ENOENT;
    return 0;
  }
  if (*p != '/') {
    if (!getcwd(out, sizeof out)) return 0;
    len = strlen(out);
    if (len == 1) len = 0; /* "/" : components append after it */
  }
  out[len] = 0;
  while (*p) {
    const char *end;
    size_t n;
    while (*p == '/') p++;
    if (!*p) break;
    end = strchr(p, '/');
    n = end ? (size_t)(end - p) : strlen(p);
    if (n == 1 && p[0] == '.') {
      /* stays */
    } else if (n == 2 && p[0] == '.' && p[1] == '.') {
      while (len > 0 && out[len - 1] != '/') len--;
      if (len > 0) len--;
      out[len] = 0;
    } else {
      if (len + 1 + n >= sizeof out) {
        errno = ENAMETOOLONG;
        return 0;
      }
      out[len++] = '/';
      memcpy(out + len, p, n);
      len += n;
      out[len] = 0;
      if (stat(out, &st) < 0) return 0;
      if (!S_ISDIR(st.st_mode) && p[n] == '/') {
        errno = ENOTDIR;
        return 0;
      }
    }
    p += n;
  }
  if (len == 0) {
    out[0] = '/';
    out[1] = 0;
    len = 1;
  }
  if (!resolved) return strdup(out);
  memcpy(resolved, out, len + 1);
  return resolved;
}
