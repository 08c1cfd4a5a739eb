/* heap [-v] PID: the malloc heap of process PID from /proc/PID/heap: the summary (policy, bytes in use
 * and free, largest free block, fragmentation, blocks per size class, any "corrupt at" findings); with
 * -v also one line per block (address, size, state, list). `heap self` shows heap's own heap. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int usage(void) {
  fprintf(stderr, "usage: heap [-v] PID\n");
  return 2;
}

int main(int argc, char **argv) {
  char path[64], buf[4096];
  int verbose = 0, fd, n, at_line_start = 1, in_summary = 1, i;
  const char *pid = 0;
  for (i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-v") == 0) verbose = 1;
    else if (!pid && argv[i][0] != '-') pid = argv[i];
    else return usage();
  }
  if (!pid) return usage();
  snprintf(path, sizeof path, "/proc/%s/heap", pid);
  fd = open(path, O_RDONLY);
  if (fd < 0) {
    fprintf(stderr, "heap: no process %s\n", pid);
    return 1;
  }
  /* The summary ends at the first empty line; without -v nothing after it is printed. */
  while ((n = (int)read(fd, buf, sizeof buf)) > 0) {
    int keep = n;
    if (!verbose) {
      for (i = 0; i < n; i++) {
        if (buf[i] == '\n' && at_line_start) {
          in_summary = 0;
          keep = i;
          break;
        }
        at_line_start = buf[i] == '\n';
      }
    }
    fwrite(buf, 1, (size_t)keep, stdout);
    if (!in_summary) break;
  }
  close(fd);
  return 0;
}
