/* download FILE...: hands each file to the host, which offers it to the user; in the web page, the browser
 * downloads it under its base name. Other hosts take no files and say so. Exit status 1 when a file could
 * not be handed over. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/pagoda.h>

int main(int argc, char **argv) {
  int i, status = 0;
  if (argc < 2) {
    fprintf(stderr, "usage: download FILE...\n");
    return 2;
  }
  for (i = 1; i < argc; i++) {
    long n = host_export(argv[i]);
    if (n >= 0) {
      printf("download: %s (%ld bytes) handed to the host\n", argv[i], n);
      continue;
    }
    if (errno == ENOTSUP) fprintf(stderr, "download: this host takes no files (the web page does)\n");
    else fprintf(stderr, "download: %s: %s\n", argv[i], strerror(errno));
    status = 1;
  }
  return status;
}
