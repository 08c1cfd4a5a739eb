/* free: memory in KiB from /proc/meminfo: total, used, free; committed and the commit limit. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long value(const char *text, const char *key) {
  const char *p = strstr(text, key);
  return p ? atol(p + strlen(key)) : 0;
}

int main(void) {
  char buf[1024];
  int fd = open("/proc/meminfo", O_RDONLY), n;
  long total, avail;
  if (fd < 0) { perror("free: /proc/meminfo"); return 1; }
  n = (int)read(fd, buf, sizeof buf - 1);
  close(fd);
  buf[n > 0 ? n : 0] = 0;
  total = value(buf, "MemTotal:");
  avail = value(buf, "MemFree:");
  printf("%14s %10s %10s %10s\n", "total", "used", "free", "committed");
  printf("Mem: %9ld %10ld %10ld %10ld\n", total, total - avail, avail, value(buf, "Committed_AS:"));
  printf("Commit limit: %ld kB\n", value(buf, "CommitLimit:"));
  return 0;
}
