/* pmap PID: the process's mappings from /proc/PID/maps with sizes, as procps pmap prints them. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  char path[64], cmd[256];
  static char maps[16384];
  char *line;
  int fd, n, len = 0;
  unsigned long total = 0;
  if (argc < 2) { fprintf(stderr, "usage: pmap PID\n"); return 1; }
  snprintf(path, sizeof path, "/proc/%s/maps", argv[1]);
  fd = open(path, O_RDONLY);
  if (fd < 0) { fprintf(stderr, "pmap: no process %s\n", argv[1]); return 1; }
  while (len < (int)sizeof maps - 1 && (n = (int)read(fd, maps + len, sizeof maps - 1 - len)) > 0) len += n;
  close(fd);
  maps[len] = 0;
  snprintf(path, sizeof path, "/proc/%s/cmdline", argv[1]);
  fd = open(path, O_RDONLY);
  n = fd >= 0 ? (int)read(fd, cmd, sizeof cmd - 1) : 0;
  if (fd >= 0) close(fd);
  cmd[n > 0 ? n : 0] = 0;
  {
    int i;
    for (i = 0; i < n - 1; i++) if (cmd[i] == 0) cmd[i] = ' ';
  }
  printf("%s:   %s\n", argv[1], cmd);
  for (line = strtok(maps, "\n"); line; line = strtok(0, "\n")) {
    unsigned long start = strtoul(line, 0, 16), end = strtoul(strchr(line, '-') + 1, 0, 16);
    char perms[5];
    const char *name = strlen(line) > 49 ? line + 49 : "[ anon ]";
    memcpy(perms, strchr(line, ' ') + 1, 4);
    perms[4] = 0;
    printf("%08lx %6luK %c%c%c-- %s\n", start, (end - start) / 1024, perms[0], perms[1], perms[2], name);
    total += (end - start) / 1024;
  }
  printf(" total %8luK\n", total);
  return 0;
}
