/* sh: trap: commands run when a signal arrives (between commands) or when the shell exits (EXIT). */
#include "sh.h"

#define NSIG_TRAP 32
static char *traps[NSIG_TRAP + 1]; /* [0] is EXIT; NULL: default; "": ignored */
static volatile int caught[NSIG_TRAP + 1];
volatile int trap_pending;

static const char *const names[] = {"EXIT", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
                                    "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP",
                                    "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};

const char *signal_name(int sig) { return sig > 0 && sig < NSIG_TRAP ? names[sig] : 0; }

int signal_number(const char *name) {
  int i;
  if (name[0] >= '0' && name[0] <= '9') {
    i = atoi(name);
    return i >= 0 && i < NSIG_TRAP ? i : -1;
  }
  if (!strncmp(name, "SIG", 3)) name += 3;
  for (i = 0; i < NSIG_TRAP; i++)
    if (!strcmp(name, names[i])) return i;
  return -1;
}

volatile int trap_last_signal;

static void on_signal(int sig) {
  caught[sig] = 1;
  trap_last_signal = sig;
  trap_pending = 1;
}

void trap_run_pending(void) {
  int sig;
  int saved = last_status;
  trap_pending = 0;
  for (sig = 1; sig < NSIG_TRAP; sig++) {
    if (!caught[sig]) continue;
    caught[sig] = 0;
    if (traps[sig] && *traps[sig]) {
      char *cmd = xstrdup(traps[sig]);
      run_string(cmd, 0);
      free(cmd);
    }
  }
  last_status = saved;
}

int trap_exit_set(void) { return traps[0] != 0; }

void trap_run_exit(void) {
  char *cmd = traps[0];
  if (!cmd) return;
  traps[0] = 0; /* once: exit inside the trap ends the shell */
  run_string(cmd, 0);
  free(cmd);
}

void trap_reset_for_child(void) {
  int sig;
  for (sig = 0; sig < NSIG_TRAP; sig++) {
    if (traps[sig] && *traps[sig]) {
      free(traps[sig]);
      traps[sig] = 0;
      if (sig) signal(sig, SIG_DFL);
    }
  }
}

static void print_traps(void) {
  int sig;
  for (sig = 0; sig < NSIG_TRAP; sig++) {
    const char *t = traps[sig];
    if (!t) continue;
    printf("trap -- '");
    for (; *t; t++) {
      if (*t == '\'') fputs("'\\''", stdout);
      else putchar(*t);
    }
    printf("' %s\n", names[sig]);
  }
}

/* trap [action] signal... ; trap - signal... resets; trap '' signal... ignores; trap alone prints. */
int bi_trap(int argc, char **argv) {
  int i = 1, status = 0;
  const char *action;
  if (argc > 1 && !strcmp(argv[1], "--")) i++;
  if (i >= argc) {
    print_traps();
    return 0;
  }
  action = argv[i];
  if (signal_number(action) >= 0 && i + 1 == argc) action = "-"; /* trap SIG: reset */
  else i++;
  for (; i < argc; i++) {
    int sig = signal_number(argv[i]);
    if (sig < 0 || sig == SIGKILL || sig == SIGSTOP) {
      sh_error("trap: %s: bad trap", argv[i]);
      status = 1;
      continue;
    }
    free(traps[sig]);
    traps[sig] = 0;
    if (!strcmp(action, "-")) {
      if (sig) signal(sig, (interactive && (sig == SIGINT || sig == SIGQUIT)) ? SIG_IGN : SIG_DFL);
    } else {
      traps[sig] = xstrdup(action);
      if (sig) {
        if (*action) {
          struct sigaction sa;
          memset(&sa, 0, sizeof sa);
          sa.sa_handler = on_signal;
          sigaction(sig, &sa, 0);
        } else {
          signal(sig, SIG_IGN);
        }
      }
    }
  }
  return status;
}
