/* sh: running pipelines: fork, pipes, redirections, exec, waiting, and reports of deaths by signal. */
#include "sh.h"

/* Opens path onto fd; in the child, so failure exits. */
static void redirect(const char *path, int fd, int flags) {
  int f = open(path, flags, 0644);
  if (f < 0) {
    fprintf(stderr, "sh: %s: %s\n", path, strerror(errno));
    _exit(1);
  }
  if (f != fd) {
    dup2(f, fd);
    close(f);
  }
}

/* In a forked child: redirections, signals, exec. Never returns. */
static void exec_child(struct command *c, int background) {
  signal(SIGINT, background ? SIG_IGN : SIG_DFL);
  signal(SIGQUIT, background ? SIG_IGN : SIG_DFL);
  if (c->in) redirect(c->in, 0, O_RDONLY);
  if (c->out) redirect(c->out, 1, O_WRONLY | O_CREAT | (c->append ? O_APPEND : O_TRUNC));
  if (c->err) redirect(c->err, 2, O_WRONLY | O_CREAT | O_TRUNC);
  if (c->err_to_out) dup2(1, 2);
  if (c->out_to_err) dup2(2, 1);
  if (run_builtin(c)) {
    fflush(stdout);
    _exit(last_status);
  }
  execvp(c->argv[0], c->argv);
  if (errno == ENOENT) {
    fprintf(stderr, "sh: %s: command not found\n", c->argv[0]);
    _exit(127);
  }
  fprintf(stderr, "sh: %s: %s\n", c->argv[0], strerror(errno));
  _exit(126);
}

const char *signal_text(int sig) {
  switch (sig) {
  case SIGHUP: return "Hangup";
  case SIGQUIT: return "Quit";
  case SIGILL: return "Illegal instruction";
  case SIGTRAP: return "Trace/breakpoint trap";
  case SIGABRT: return "Aborted";
  case SIGBUS: return "Bus error";
  case SIGFPE: return "Floating point exception";
  case SIGKILL: return "Killed";
  case SIGSEGV: return "Segmentation fault";
  case SIGPIPE: return "Broken pipe";
  case SIGALRM: return "Alarm clock";
  case SIGTERM: return "Terminated";
  case SIGUSR1: return "User defined signal 1";
  case SIGUSR2: return "User defined signal 2";
  default: return "Killed by a signal";
  }
}

/* The shell status for a wait status; reports deaths by signal as bash does. */
static int status_of(int ws, int report) {
  if (WIFSIGNALED(ws)) {
    int sig = WTERMSIG(ws);
    if (report && sig != SIGINT && sig != SIGPIPE) fprintf(stderr, "%s (signal %d)\n", signal_text(sig), sig);
    return 128 + sig;
  }
  return WEXITSTATUS(ws);
}

/* Runs cmds[0..n) as a pipeline; waits unless background. Returns the last command's status. */
int run_pipeline(struct command *cmds, int n, int background) {
  int pids[MAX_CMDS];
  int prev = -1;
  int i, ws, status = 0;
  fflush(stdout);
  fflush(stderr);
  if (n == 1 && !background && !cmds[0].in && !cmds[0].out && !cmds[0].err && !cmds[0].out_to_err && run_builtin(&cmds[0]))
    return last_status;
  for (i = 0; i < n; i++) {
    int fds[2] = {-1, -1};
    if (i + 1 < n && pipe(fds) < 0) {
      fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
      return 1;
    }
    pids[i] = fork();
    if (pids[i] < 0) {
      fprintf(stderr, "sh: fork: %s\n", strerror(errno));
      if (fds[0] >= 0) { close(fds[0]); close(fds[1]); }
      n = i;
      status = 1;
      break;
    }
    if (pids[i] == 0) {
      if (prev >= 0) { dup2(prev, 0); close(prev); }
      if (fds[1] >= 0) { dup2(fds[1], 1); close(fds[1]); close(fds[0]); }
      exec_child(&cmds[i], background);
    }
    if (prev >= 0) close(prev);
    if (fds[1] >= 0) close(fds[1]);
    prev = fds[0];
  }
  if (prev >= 0) close(prev);
  if (background) {
    if (n > 0) {
      last_background = pids[n - 1];
      if (interactive) printf("[%d]\n", pids[n - 1]);
    }
    return 0;
  }
  for (i = 0; i < n; i++) {
    if (waitpid(pids[i], &ws, 0) == pids[i] && i == n - 1) status = status_of(ws, 1);
  }
  return status;
}
