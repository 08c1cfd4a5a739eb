/* abort, as glibc: unblocks SIGABRT and raises it, so a handler runs; if the handler returns, the default
 * action is restored and SIGABRT raised again, which ends the process (a handler cannot turn abort into a
 * return). Streams are not flushed. */
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>

void abort(void) {
  sigset_t set;
  struct sigaction sa;
  sigemptyset(&set);
  sigaddset(&set, SIGABRT);
  sigprocmask(SIG_UNBLOCK, &set, 0);
  raise(SIGABRT);
  sa.sa_handler = SIG_DFL;
  sa.sa_flags = 0;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGABRT, &sa, 0);
  sigprocmask(SIG_UNBLOCK, &set, 0);
  raise(SIGABRT);
  _exit(127);
}
