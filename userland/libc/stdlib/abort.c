/* abort: unblocks and raises SIGABRT with the default action; if the process survives, exits 134. */
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>

void abort(void) {
  sigset_t set;
  struct sigaction sa;
  sa.sa_handler = SIG_DFL;
  sa.sa_flags = 0;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGABRT, &sa, 0);
  sigemptyset(&set);
  sigaddset(&set, SIGABRT);
  sigprocmask(SIG_UNBLOCK, &set, 0);
  raise(SIGABRT);
  _exit(134);
}
