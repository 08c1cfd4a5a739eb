/* cp SOURCE DEST, or cp SOURCE... DIRECTORY: copies files' bytes; a new file gets the source's permission
 * bits (less the umask), as cp without -p does. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int copy_file(const char *from, const char *to) {
  struct stat st;
  char buf[8192];
  int in, out;
  ssize_t n;
  in = open(from, O_RDONLY);
  if (in < 0 || fstat(in, &st) < 0) {
    fprintf(stderr, "cp: cannot open '%s' for reading: %s\n", from, strerror(errno));
    if (in >= 0) close(in);
    return 1;
  }
  if (S_ISDIR(st.st_mode)) {
    fprintf(stderr, "cp: -r not specified; omitting directory '%s'\n", from);
    close(in);
    return 1;
  }
  out = open(to, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 07777);
  if (out < 0) {
    fprintf(stderr, "cp: cannot create regular file '%s': %s\n", to, strerror(errno));
    close(in);
    return 1;
  }
  while ((n = read(in, buf, sizeof buf)) > 0) {
    char *p = buf;
    while (n > 0) {
      ssize_t w = write(out, p, (size_t)n);
      if (w < 0) {
        fprintf(stderr, "cp: error writing '%s': %s\n", to, strerror(errno));
        close(in);
        close(out);
        return 1;
      }
      p += w;
      n -= w;
    }
  }
  close(in);
  close(out);
  if (n < 0) {
    fprintf(stderr, "cp: error reading '%s': %s\n", from, strerror(errno));
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  struct stat st;
  const char *dest;
  int i, status = 0, into_dir;
  if (argc < 3) {
    fprintf(stderr, "usage: cp SOURCE DEST | cp SOURCE... DIRECTORY\n");
    return 1;
  }
  dest = argv[argc - 1];
  into_dir = stat(dest, &st) == 0 && S_ISDIR(st.st_mode);
  if (argc > 3 && !into_dir) {
    fprintf(stderr, "cp: target '%s' is not a directory\n", dest);
    return 1;
  }
  for (i = 1; i < argc - 1; i++) {
    char target[1024];
    if (into_dir) {
      const char *slash = strrchr(argv[i], '/');
      snprintf(target, sizeof target, "%s/%s", dest, slash ? slash + 1 : argv[i]);
    } else {
      snprintf(target, sizeof target, "%s", dest);
    }
    status |= copy_file(argv[i], target);
  }
  return status;
}
