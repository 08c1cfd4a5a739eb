/* usertests: handlers, interrupted sleeps, SIGCHLD, ignored signals, SIGKILL. */
#include "usertests.h"

static volatile int caught_sig, caught_count;

static void on_signal(int sig) {
  caught_sig = sig;
  caught_count++;
}

void t_signals(void) {
  struct sigaction sa;
  int fds[2], pid, ws;
  volatile int a = 11, b = 22;
  char c;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  CHECK(sigaction(SIGUSR1, &sa, 0) == 0, "sigaction");
  CHECK(raise(SIGUSR1) == 0, "raise");
  CHECK(caught_sig == SIGUSR1 && caught_count == 1, "handler not run (sig %d, count %d)", caught_sig, caught_count);
  CHECK(a == 11 && b == 22, "registers not restored after the handler");
  CHECK(sigaction(SIGINT, &sa, 0) == 0, "sigaction SIGINT");
  pipe(fds);
  pid = fork();
  if (pid == 0) {
    long r;
    close(fds[1]);
    r = read(fds[0], &c, 1); /* interrupted by SIGINT */
    _exit(r == -1 && errno == EINTR && caught_sig == SIGINT ? 0 : 1);
  }
  close(fds[0]);
  {
    struct timespec ts;
    ts.tv_sec = 0;
    ts.tv_nsec = 100000000;
    nanosleep(&ts, 0);
  }
  kill(pid, SIGINT);
  waitpid(pid, &ws, 0);
  close(fds[1]);
  CHECK(WIFEXITED(ws) && WEXITSTATUS(ws) == 0, "interrupted read: status %#x", ws);
  caught_sig = 0;
  sa.sa_handler = on_signal;
  sigaction(SIGCHLD, &sa, 0);
  pid = fork();
  if (pid == 0) _exit(0);
  CHECK(waitpid(pid, &ws, 0) == pid, "wait interrupted by SIGCHLD instead of returning the child (errno %d)", errno);
  CHECK(caught_sig == SIGCHLD, "no SIGCHLD handler call when a child ended (sig %d)", caught_sig);
  sa.sa_handler = SIG_DFL;
  sigaction(SIGCHLD, &sa, 0);
  sa.sa_handler = SIG_IGN;
  sigaction(SIGTERM, &sa, 0);
  CHECK(raise(SIGTERM) == 0, "ignored SIGTERM killed the process");
  pid = fork();
  if (pid == 0) {
    for (;;) {}
  }
  kill(pid, SIGKILL);
  waitpid(pid, &ws, 0);
  CHECK(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGKILL, "SIGKILL of a spinning child: %#x", ws);
}
