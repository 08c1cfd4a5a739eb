/* kill [-SIGNAL] PID...: sends SIGTERM, or the named/numbered signal (-9, -KILL, -INT, ...). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *names[] = {0, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
                              "SEGV", "USR2", "PIPE", "ALRM", "TERM"};

static int parse_signal(const char *s) {
  int i;
  if (*s >= '0' && *s <= '9') return atoi(s);
  if (strncmp(s, "SIG", 3) == 0) s += 3;
  for (i = 1; i < 16; i++) if (strcmp(s, names[i]) == 0) return i;
  return -1;
}

int main(int argc, char **argv) {
  int sig = SIGTERM, i = 1, status = 0;
  if (argc > 1 && argv[1][0] == '-') {
    sig = parse_signal(argv[1] + 1);
    if (sig < 0) { fprintf(stderr, "kill: %s: invalid signal specification\n", argv[1] + 1); return 1; }
    i = 2;
  }
  if (i == argc) { fprintf(stderr, "usage: kill [-SIGNAL] PID...\n"); return 1; }
  for (; i < argc; i++) {
    if (kill(atoi(argv[i]), sig) < 0) {
      fprintf(stderr, "kill: (%s) - %s\n", argv[i], strerror(errno));
      status = 1;
    }
  }
  return status;
}
