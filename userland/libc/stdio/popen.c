/* popen, pclose: a command run by /bin/sh -c with its standard output ("r") or input ("w") on a pipe.
 * Each child also closes the pipes of streams popen'ed earlier (POSIX), so their readers see end of file. */
#include "stdio_impl.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct child {
  FILE *f;
  pid_t pid;
  struct child *next;
};

static struct child *children;

FILE *popen(const char *command, const char *mode) {
  int fds[2], reading, mine, theirs, target;
  pid_t pid;
  FILE *f;
  struct child *c;
  if ((mode[0] != 'r' && mode[0] != 'w') || (mode[1] && !(mode[1] == 'e' && !mode[2]))) {
    errno = EINVAL;
    return 0;
  }
  reading = mode[0] == 'r';
  c = malloc(sizeof *c);
  if (!c) return 0;
  if (pipe2(fds, O_CLOEXEC) < 0) {
    free(c);
    return 0;
  }
  mine = reading ? fds[0] : fds[1];
  theirs = reading ? fds[1] : fds[0];
  target = reading ? 1 : 0;
  pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    free(c);
    return 0;
  }
  if (pid == 0) {
    struct child *p;
    char *argv[4];
    for (p = children; p; p = p->next) close(fileno(p->f));
    /* dup2 clears close-on-exec on the target; when theirs already is the target it must be kept open */
    if (theirs == target) fcntl(theirs, F_SETFD, 0);
    else dup2(theirs, target);
    argv[0] = "sh";
    argv[1] = "-c";
    argv[2] = (char *)command;
    argv[3] = 0;
    execve("/bin/sh", argv, environ);
    _exit(127);
  }
  close(theirs);
  if (mode[1] != 'e') fcntl(mine, F_SETFD, 0);
  f = fdopen(mine, reading ? "r" : "w");
  if (!f) {
    close(mine);
    free(c);
    return 0;
  }
  c->f = f;
  c->pid = pid;
  c->next = children;
  children = c;
  return f;
}

int pclose(FILE *f) {
  struct child **p, *c;
  int status;
  pid_t pid, r;
  for (p = &children; *p && (*p)->f != f; p = &(*p)->next) {}
  if (!*p) {
    errno = ECHILD;
    return -1;
  }
  c = *p;
  *p = c->next;
  pid = c->pid;
  free(c);
  fclose(f);
  do r = waitpid(pid, &status, 0);
  while (r < 0 && errno == EINTR);
  return r < 0 ? -1 : status;
}
