/* uname [-a] [-s] [-n] [-r] [-v] [-m]: system information (default -s). */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

int main(int argc, char **argv) {
  struct utsname u;
  int s = 0, n = 0, r = 0, v = 0, m = 0, i, first = 1;
  if (uname(&u) < 0) { perror("uname"); return 1; }
  for (i = 1; i < argc; i++) {
    const char *p = argv[i];
    if (*p++ != '-') continue;
    for (; *p; p++) {
      if (*p == 'a') s = n = r = v = m = 1;
      else if (*p == 's') s = 1;
      else if (*p == 'n') n = 1;
      else if (*p == 'r') r = 1;
      else if (*p == 'v') v = 1;
      else if (*p == 'm') m = 1;
    }
  }
  if (!(s | n | r | v | m)) s = 1;
#define SHOW(flag, field) if (flag) { printf(first ? "%s" : " %s", field); first = 0; }
  SHOW(s, u.sysname)
  SHOW(n, u.nodename)
  SHOW(r, u.release)
  SHOW(v, u.version)
  SHOW(m, u.machine)
  printf("\n");
  return 0;
}
