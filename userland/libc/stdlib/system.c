/* system: /bin/sh -c command in a child, the caller ignoring SIGINT and SIGQUIT and blocking SIGCHLD while
 * it waits (POSIX); the child gets the caller's mask and dispositions back before exec. */
#include <stdlib.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

int system(const char *command) {
  struct sigaction ignore, old_int, old_quit;
  sigset_t chld, old_mask;
  pid_t pid;
  int status = -1;
  if (!command) return 1;
  ignore.sa_handler = SIG_IGN;
  ignore.sa_flags = 0;
  sigemptyset(&ignore.sa_mask);
  sigaction(SIGINT, &ignore, &old_int);
  sigaction(SIGQUIT, &ignore, &old_quit);
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, &old_mask);
  pid = fork();
  if (pid == 0) {
    char *argv[4];
    sigaction(SIGINT, &old_int, 0);
    sigaction(SIGQUIT, &old_quit, 0);
    sigprocmask(SIG_SETMASK, &old_mask, 0);
    argv[0] = "sh";
    argv[1] = "-c";
    argv[2] = (char *)command;
    argv[3] = 0;
    execve("/bin/sh", argv, environ);
    _exit(127);
  }
  if (pid > 0) {
    while (waitpid(pid, &status, 0) < 0) {
      if (errno != EINTR) {
        status = -1;
        break;
      }
    }
  }
  sigaction(SIGINT, &old_int, 0);
  sigaction(SIGQUIT, &old_quit, 0);
  sigprocmask(SIG_SETMASK, &old_mask, 0);
  return status;
}
