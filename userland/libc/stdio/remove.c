/* remove: unlink a file, or rmdir a directory (Linux's unlink answers EISDIR for one). */
#include <stdio.h>
#include <errno.h>
#include <unistd.h>

int remove(const char *path) {
  if (unlink(path) == 0) return 0;
  if (errno != EISDIR) return -1;
  return rmdir(path);
}
