/* ps: every process from /proc: pid, parent, state, virtual and resident size (KiB), command line. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Reads /proc/PID/NAME into buf (NUL-terminated); returns the length or -1. */
static int read_proc(const char *pid, const char *name, char *buf, int cap) {
  char path[64];
  int fd, n, len = 0;
  snprintf(path, sizeof path, "/proc/%s/%s", pid, name);
  fd = open(path, O_RDONLY);
  if (fd < 0) return -1;
  while (len < cap - 1 && (n = (int)read(fd, buf + len, cap - 1 - len)) > 0) len += n;
  close(fd);
  buf[len] = 0;
  return len;
}

/* The value after "Key:" in a status text, copied into out. */
static void field(const char *status, const char *key, char *out, int cap) {
  const char *p = strstr(status, key);
  int n = 0;
  out[0] = 0;
  if (!p) return;
  p += strlen(key);
  while (*p == ' ' || *p == '\t') p++;
  while (*p && *p != '\n' && n < cap - 1) out[n++] = *p++;
  out[n] = 0;
}

int main(void) {
  DIR *d = opendir("/proc");
  struct dirent *e;
  printf("  PID  PPID S      VSZ    RSS COMMAND\n");
  while (d && (e = readdir(d)) != 0) {
    char status[512], cmd[256], ppid[16], state[16], vsz[32], rss[32];
    int i, n;
    if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
    if (read_proc(e->d_name, "status", status, sizeof status) < 0) continue;
    n = read_proc(e->d_name, "cmdline", cmd, sizeof cmd);
    for (i = 0; i < n - 1; i++) if (cmd[i] == 0) cmd[i] = ' ';
    if (n <= 0) field(status, "Name:", cmd, sizeof cmd);
    field(status, "PPid:", ppid, sizeof ppid);
    field(status, "State:", state, sizeof state);
    field(status, "VmSize:", vsz, sizeof vsz);
    field(status, "VmRSS:", rss, sizeof rss);
    printf("%5s %5s %c %8ld %6ld %s\n", e->d_name, ppid, state[0], atol(vsz), atol(rss), cmd);
  }
  if (d) closedir(d);
  return 0;
}
