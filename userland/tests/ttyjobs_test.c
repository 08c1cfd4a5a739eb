/* Job control on the console, run as init on an interactive console (test/userland/jobs-pagoda.test.ts types
 * at it): the foreground process group, Ctrl-Z stopping the foreground job and the wait that sees it, SIGCONT
 * and the job reading the terminal once it is foreground again, Ctrl-C to the foreground group only, SIGTTIN
 * for a background reader (EIO when it ignores SIGTTIN), SIGTTOU for a background writer under TOSTOP, and
 * tcsetpgrp from the background (EIO for an orphaned group that does not ignore SIGTTOU, as a shell must).
 * Lines starting with "@" tell the test what to type next. Linux semantics throughout; it needs a terminal
 * and a session of its own, so it runs on Pagoda only. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "test.h"

static void say(const char *line) {
  printf("%s\n", line);
  fflush(stdout);
}

/* A child in a process group of its own that runs `body` and exits with what it returns. */
static pid_t job(int (*body)(void)) {
  pid_t pid;
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    _exit(body());
  }
  setpgid(pid, pid);
  return pid;
}

/* Waits until the parent has made this process's group the terminal's foreground. */
static void await_foreground(void) {
  while (tcgetpgrp(0) != getpgrp()) usleep(1000);
}

static int reader(void) {
  char buf[64];
  ssize_t n;
  await_foreground();
  say("@ready");
  n = read(0, buf, sizeof buf);
  return n < 0 ? 100 + errno : (int)n;
}

static int spinner(void) {
  volatile unsigned long i = 0;
  await_foreground();
  say("@spinning");
  for (;;) i++;
  return 0;
}

static int quiet_reader(void) {
  char c;
  signal(SIGTTIN, SIG_IGN);
  return read(0, &c, 1) < 0 ? errno : 0;
}

static int background_reader(void) {
  char c;
  return read(0, &c, 1) < 0 ? 100 + errno : 0;
}

static int writer(void) {
  signal(SIGTTOU, SIG_DFL); /* init ignores it, and ignored signals stay ignored across fork */
  return write(1, "bg write\n", 9) == 9 ? 0 : 100 + errno;
}

static int quiet_writer(void) {
  signal(SIGTTOU, SIG_IGN);
  return write(1, "bg write ignored\n", 17) == 17 ? 0 : 100 + errno;
}

int main(void) {
  pid_t me = getpid(), a, b;
  int ws = 0, sid = 0;
  struct termios t;

  /* init leads the session that owns the console, and is its foreground group */
  ASSERT(me, getsid(0));
  ASSERT(me, tcgetpgrp(0));
  ASSERT(0, ioctl(0, TIOCGSID, &sid));
  ASSERT(me, sid);

  /* Ctrl-Z stops the foreground job; the shell's wait sees SIGTSTP */
  a = job(reader);
  ASSERT(0, tcsetpgrp(0, a));
  ASSERT(a, tcgetpgrp(0));
  ASSERT(a, waitpid(a, &ws, WUNTRACED));
  ASSERT(1, WIFSTOPPED(ws) && WSTOPSIG(ws) == SIGTSTP);
  /* init, now in the background of its own terminal: taking the terminal back needs SIGTTOU ignored, since
   * its group is orphaned (nobody could continue it) */
  ASSERT(-1, tcsetpgrp(0, me));
  ASSERT(EIO, errno);
  signal(SIGTTOU, SIG_IGN);
  ASSERT(0, tcsetpgrp(0, me));
  ASSERT(me, tcgetpgrp(0));
  ASSERT(-1, tcsetpgrp(0, 0x3ffffff));
  ASSERT(ESRCH, errno);

  /* fg: the stopped job gets the terminal and SIGCONT, and reads the line typed next */
  ASSERT(0, tcsetpgrp(0, a));
  ASSERT(0, killpg(a, SIGCONT));
  ASSERT(a, waitpid(a, &ws, WCONTINUED));
  ASSERT(1, WIFCONTINUED(ws));
  say("@type hi");
  ASSERT(a, waitpid(a, &ws, WUNTRACED));
  ASSERT(1, WIFEXITED(ws) && WEXITSTATUS(ws) == 3);
  ASSERT(0, tcsetpgrp(0, me));

  /* Ctrl-C reaches the foreground group, not init */
  a = job(spinner);
  ASSERT(0, tcsetpgrp(0, a));
  ASSERT(a, waitpid(a, &ws, 0));
  ASSERT(1, WIFSIGNALED(ws) && WTERMSIG(ws) == SIGINT);
  ASSERT(0, tcsetpgrp(0, me));

  /* a background reader: SIGTTIN stops it; ignoring SIGTTIN it gets EIO */
  b = job(background_reader);
  ASSERT(b, waitpid(b, &ws, WUNTRACED));
  ASSERT(1, WIFSTOPPED(ws) && WSTOPSIG(ws) == SIGTTIN);
  ASSERT(0, kill(b, SIGKILL));
  ASSERT(b, waitpid(b, &ws, 0));
  b = job(quiet_reader);
  ASSERT(b, waitpid(b, &ws, 0));
  ASSERT(1, WIFEXITED(ws) && WEXITSTATUS(ws) == EIO);

  /* a background writer: free to write until TOSTOP is set, then SIGTTOU (unless it ignores it) */
  b = job(writer);
  ASSERT(b, waitpid(b, &ws, WUNTRACED));
  ASSERT(1, WIFEXITED(ws) && WEXITSTATUS(ws) == 0);
  ASSERT(0, tcgetattr(0, &t));
  t.c_lflag |= TOSTOP;
  ASSERT(0, tcsetattr(0, TCSANOW, &t));
  b = job(writer);
  ASSERT(b, waitpid(b, &ws, WUNTRACED));
  ASSERT(1, WIFSTOPPED(ws) && WSTOPSIG(ws) == SIGTTOU);
  ASSERT(0, kill(b, SIGKILL));
  ASSERT(b, waitpid(b, &ws, 0));
  b = job(quiet_writer);
  ASSERT(b, waitpid(b, &ws, 0));
  ASSERT(1, WIFEXITED(ws) && WEXITSTATUS(ws) == 0);
  t.c_lflag &= ~(tcflag_t)TOSTOP;
  ASSERT(0, tcsetattr(0, TCSANOW, &t));

  return test_summary("ttyjobs_test");
}
