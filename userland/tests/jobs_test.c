/* Process groups, sessions, stop and continue: setsid/setpgid/getpgid/getsid rules, kill and waitpid on
 * groups, SIGSTOP/SIGCONT seen through waitpid and wait4 (WUNTRACED, WCONTINUED), SIGCHLD and SA_NOCLDSTOP,
 * a stopped process's state in /proc/PID/stat, SIGKILL of a stopped process. Every expected value is Linux's:
 * this file also builds against the host's glibc and runs under qemu-riscv32, and must pass there. Everything
 * happens in a child that made itself a session leader, so how the runner started us does not matter. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

/* A pid no process has (above Linux's largest pid_max). */
#define NO_PID 0x3ffffff

static volatile int chld_signals;
static void on_chld(int sig) {
  (void)sig;
  chld_signals++;
}

/* A child that waits until its end of `fds` sees end of file, then exits with `code`. */
static pid_t idle_child(int fds[2], int code) {
  pid_t pid = fork();
  if (pid == 0) {
    char c;
    close(fds[1]);
    while (read(fds[0], &c, 1) != 0) {}
    _exit(code);
  }
  return pid;
}

/* The state letter and the pgrp and session fields of /proc/PID/stat. */
static int proc_stat(pid_t pid, char *state, long *pgrp, long *session) {
  char path[64], buf[512], *p;
  FILE *f;
  size_t n;
  long ppid;
  snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
  f = fopen(path, "r");
  if (!f) return -1;
  n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = 0;
  p = strrchr(buf, ')');
  if (!p || sscanf(p + 2, "%c %ld %ld %ld", state, &ppid, pgrp, session) != 4) return -1;
  return 0;
}

static void groups_and_sessions(void) {
  pid_t me = getpid(), a, b;
  int fds[2], sync[2], ws;
  char c;
  ASSERT(me, getsid(0));
  ASSERT(me, getpgid(0));
  ASSERT(me, getpgrp());
  ASSERT(me, getsid(me));
  /* a session leader can neither start another session nor change its group */
  ASSERT(-1, setsid());
  ASSERT(EPERM, errno);
  ASSERT(-1, setpgid(0, 0));
  ASSERT(EPERM, errno);
  ASSERT(-1, getpgid(NO_PID));
  ASSERT(ESRCH, errno);
  ASSERT(-1, getsid(NO_PID));
  ASSERT(ESRCH, errno);
  ASSERT(-1, setpgid(0, -1));
  ASSERT(EINVAL, errno);
  ASSERT(-1, setpgid(NO_PID, 0));
  ASSERT(ESRCH, errno);
  ASSERT(-1, setpgid(getppid(), 0)); /* not a child */
  ASSERT(ESRCH, errno);

  ASSERT(0, pipe(fds));
  a = idle_child(fds, 7);
  ASSERT(me, getpgid(a)); /* fork inherits the group and the session */
  ASSERT(me, getsid(a));
  ASSERT(0, setpgid(a, a));
  ASSERT(a, getpgid(a));
  ASSERT(0, setpgid(a, 0)); /* 0: a group named after the process, which it already leads */
  ASSERT(0, setpgid(a, me)); /* back into an existing group of the session */
  ASSERT(me, getpgid(a));
  ASSERT(-1, setpgid(a, NO_PID)); /* no such group in the session */
  ASSERT(EPERM, errno);
  ASSERT(0, setpgid(a, a));

  /* a child that has called execve can no longer be moved (the pipe closes on its exec) */
  ASSERT(0, pipe2(sync, O_CLOEXEC));
  b = fork();
  if (b == 0) {
    char *argv[] = {"sleep", "5", 0};
    close(sync[0]);
    execv("/bin/sleep", argv);
    _exit(127);
  }
  close(sync[1]);
  ASSERT(0, read(sync[0], &c, 1));
  close(sync[0]);
  ASSERT(-1, setpgid(b, b));
  ASSERT(EACCES, errno);
  ASSERT(0, kill(b, SIGKILL));
  ASSERT(b, waitpid(b, &ws, 0));
  ASSERT(SIGKILL, WTERMSIG(ws));

  /* kill and waitpid on a group: a second member joins a's group; both end by the group's signal */
  b = idle_child(fds, 8);
  ASSERT(0, setpgid(b, a));
  ASSERT(a, getpgid(b));
  ASSERT(0, kill(-a, 0));
  ASSERT(0, killpg(a, SIGUSR1));
  ASSERT(1, waitpid(-a, &ws, 0) > 0 && WIFSIGNALED(ws) && WTERMSIG(ws) == SIGUSR1);
  ASSERT(1, waitpid(-a, &ws, 0) > 0 && WIFSIGNALED(ws) && WTERMSIG(ws) == SIGUSR1);
  ASSERT(-1, waitpid(-a, &ws, WNOHANG));
  ASSERT(ECHILD, errno);
  ASSERT(-1, kill(-a, 0)); /* the group is gone */
  ASSERT(ESRCH, errno);
  ASSERT(-1, killpg(NO_PID, SIGUSR1));
  ASSERT(ESRCH, errno);
  ASSERT(0, kill(0, 0)); /* our own group */
  close(fds[0]);
  close(fds[1]);
}

static void stop_and_continue(void) {
  pid_t a;
  int fds[2], ws = 0;
  char state = 0;
  long pgrp = 0, session = 0;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_chld;
  sa.sa_flags = SA_RESTART;
  sigaction(SIGCHLD, &sa, 0);

  ASSERT(0, pipe(fds));
  a = idle_child(fds, 3);
  ASSERT(0, setpgid(a, a));
  chld_signals = 0;
  ASSERT(0, kill(a, SIGSTOP));
  ASSERT(a, waitpid(a, &ws, WUNTRACED));
  ASSERT(0x137f, ws);
  ASSERT(1, WIFSTOPPED(ws));
  ASSERT(SIGSTOP, WSTOPSIG(ws));
  ASSERT(0, WIFEXITED(ws));
  ASSERT(0, WIFSIGNALED(ws));
  ASSERT(1, chld_signals);
  ASSERT(0, proc_stat(a, &state, &pgrp, &session));
  ASSERT('T', state);
  ASSERT(a, pgrp);
  ASSERT(getpid(), session);
  /* a stop is reported once */
  ASSERT(0, waitpid(a, &ws, WNOHANG | WUNTRACED));
  /* without WUNTRACED a stopped child is not reported */
  ASSERT(0, waitpid(a, &ws, WNOHANG));

  ASSERT(0, kill(a, SIGCONT));
  ASSERT(a, waitpid(a, &ws, WCONTINUED));
  ASSERT(0xffff, ws);
  ASSERT(1, WIFCONTINUED(ws));
  ASSERT(0, WIFSTOPPED(ws));
  /* (Linux sends the SIGCHLD of a continue when the child next runs: it may come after the wait returns) */
  ASSERT(0, waitpid(a, &ws, WNOHANG | WCONTINUED));

  /* the same through wait4, with a terminal stop signal */
  ASSERT(0, kill(a, SIGTSTP));
  ASSERT(a, wait4(a, &ws, WUNTRACED, 0));
  ASSERT(1, WIFSTOPPED(ws) && WSTOPSIG(ws) == SIGTSTP);
  ASSERT(0, kill(a, SIGCONT));
  ASSERT(a, wait4(a, &ws, WCONTINUED, 0));
  ASSERT(1, WIFCONTINUED(ws));

  /* SA_NOCLDSTOP: no SIGCHLD for stops and continues, the wait still sees them */
  sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  sigaction(SIGCHLD, &sa, 0);
  chld_signals = 0;
  ASSERT(0, kill(a, SIGSTOP));
  ASSERT(a, waitpid(a, &ws, WUNTRACED));
  ASSERT(1, WIFSTOPPED(ws));
  ASSERT(0, chld_signals);
  ASSERT(0, kill(a, SIGCONT));
  ASSERT(a, waitpid(a, &ws, WCONTINUED));
  ASSERT(0, chld_signals);

  /* a continued child goes on with what it was doing: it reads the end of the pipe and exits 3 */
  close(fds[1]);
  ASSERT(a, waitpid(a, &ws, 0));
  ASSERT(1, WIFEXITED(ws) && WEXITSTATUS(ws) == 3);
  ASSERT(1, chld_signals); /* its exit still raises SIGCHLD */
  close(fds[0]);

  /* SIGKILL ends a stopped process */
  ASSERT(0, pipe(fds));
  a = idle_child(fds, 4);
  ASSERT(0, kill(a, SIGSTOP));
  ASSERT(a, waitpid(a, &ws, WUNTRACED));
  ASSERT(0, kill(a, SIGKILL));
  ASSERT(a, waitpid(a, &ws, 0));
  ASSERT(1, WIFSIGNALED(ws) && WTERMSIG(ws) == SIGKILL);

  /* a signal that terminates, sent while stopped, takes effect at once */
  a = idle_child(fds, 5);
  ASSERT(0, kill(a, SIGSTOP));
  ASSERT(a, waitpid(a, &ws, WUNTRACED));
  ASSERT(0, kill(a, SIGTERM));
  ASSERT(0, kill(a, SIGCONT));
  ASSERT(a, waitpid(a, &ws, 0));
  ASSERT(1, WIFSIGNALED(ws) && WTERMSIG(ws) == SIGTERM);
  close(fds[0]);
  close(fds[1]);
  sa.sa_handler = SIG_DFL;
  sa.sa_flags = 0;
  sigaction(SIGCHLD, &sa, 0);
}

int main(void) {
  int ws = 0;
  pid_t pid;
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    int status;
    ASSERT(getpid(), setsid());
    groups_and_sessions();
    stop_and_continue();
    status = test_summary("jobs_test");
    fflush(stdout);
    _exit(status);
  }
  if (waitpid(pid, &ws, 0) != pid || !WIFEXITED(ws)) {
    printf("jobs_test: the test process did not exit (status %#x)\n", ws);
    return 1;
  }
  return WEXITSTATUS(ws);
}
