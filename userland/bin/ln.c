/* ln [-f] TARGET LINK_NAME, or ln [-f] TARGET... DIRECTORY: hard links (-f: replace an existing LINK_NAME).
 * There are no symbolic links in Pagoda, so -s is refused. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
  struct stat st;
  const char *dest;
  int i = 1, status = 0, force = 0, into_dir;
  for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    if (strcmp(argv[i], "-f") == 0) force = 1;
    else if (strcmp(argv[i], "-s") == 0) { fprintf(stderr, "ln: symbolic links are not supported\n"); return 1; }
    else { fprintf(stderr, "ln: invalid option '%s'\n", argv[i]); return 1; }
  }
  if (argc - i < 2) {
    fprintf(stderr, "usage: ln [-f] TARGET LINK_NAME | ln [-f] TARGET... DIRECTORY\n");
    return 1;
  }
  dest = argv[argc - 1];
  into_dir = stat(dest, &st) == 0 && S_ISDIR(st.st_mode);
  if (argc - i > 2 && !into_dir) {
    fprintf(stderr, "ln: target '%s' is not a directory\n", dest);
    return 1;
  }
  for (; i < argc - 1; i++) {
    char name[1024];
    if (into_dir) {
      const char *slash = strrchr(argv[i], '/');
      snprintf(name, sizeof name, "%s/%s", dest, slash ? slash + 1 : argv[i]);
    } else {
      snprintf(name, sizeof name, "%s", dest);
    }
    if (force) unlink(name);
    if (link(argv[i], name) < 0) {
      fprintf(stderr, "ln: failed to create hard link '%s' => '%s': %s\n", name, argv[i], strerror(errno));
      status = 1;
    }
  }
  return status;
}
