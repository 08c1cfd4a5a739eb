/* sh: jobs: the children the shell waits for. Every foreground command, pipeline and background list is a
 * job; with job control (interactive) each job is a process group that gets the terminal while it runs in
 * the foreground, Ctrl-Z stops it (reported as bash does), and jobs/fg/bg/%N move it. */
#include "sh.h"

#define MAX_JOBS 64
enum { J_RUNNING, J_STOPPED, J_DONE };

struct job {
  int used;
  int pgid;
  int npids;
  int *pids;
  int *ws;    /* wait status per process */
  int *ended; /* per process: exited or killed */
  int state;
  int background;
  char *cmd;
  int seq; /* order of becoming current, for + and - */
};

static struct job jobs[MAX_JOBS + 1]; /* index = job number; 0 unused */
static int seq_counter;
int job_control;
static int shell_pgid;


void jobs_init(void) {
  if (!interactive) return;
  shell_pgid = getpid();
  if (getpgrp() != shell_pgid) setpgid(0, shell_pgid); /* a session leader (init) already leads its group */
  if (tcsetpgrp(0, shell_pgid) < 0) return;
  signal(SIGTSTP, SIG_IGN);
  signal(SIGTTIN, SIG_IGN);
  signal(SIGTTOU, SIG_IGN);
  job_control = 1;
}

int wait_status_code(int ws) {
  if (WIFSTOPPED(ws)) return 128 + WSTOPSIG(ws);
  if (WIFSIGNALED(ws)) return 128 + WTERMSIG(ws);
  return WEXITSTATUS(ws);
}

const char *signal_text(int sig) {
  switch (sig) {
  case SIGHUP: return "Hangup";
  case SIGINT: return "Interrupt";
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

static void job_free(int id) {
  struct job *j = &jobs[id];
  free(j->pids);
  free(j->ws);
  free(j->ended);
  free(j->cmd);
  memset(j, 0, sizeof *j);
}

int job_add(int pgid, int *pids, int npids, struct node *cmd, int background) {
  int id, i, oldest = 0;
  struct job *j;
  for (id = 1; id <= MAX_JOBS && jobs[id].used; id++) {}
  if (id > MAX_JOBS) { /* full: forget the oldest finished one (a script that never waits) */
    for (i = 1; i <= MAX_JOBS; i++)
      if (jobs[i].state == J_DONE && (!oldest || jobs[i].seq < jobs[oldest].seq)) oldest = i;
    id = oldest ? oldest : 1;
    job_free(id);
  }
  j = &jobs[id];
  j->used = 1;
  j->pgid = pgid;
  j->npids = npids;
  j->pids = xmalloc(sizeof(int) * npids);
  j->ws = xmalloc(sizeof(int) * npids);
  j->ended = xmalloc(sizeof(int) * npids);
  for (i = 0; i < npids; i++) {
    j->pids[i] = pids[i];
    j->ws[i] = 0;
    j->ended[i] = 0;
  }
  j->state = J_RUNNING;
  j->background = background;
  j->cmd = job_control && cmd ? node_text(cmd) : 0;
  j->seq = ++seq_counter;
  if (background && interactive) fprintf(stderr, "[%d] %d\n", id, pids[npids - 1]);
  return id;
}

/* Records a wait status for pid in its job. */
static void record(int pid, int ws) {
  int id, i;
  for (id = 1; id <= MAX_JOBS; id++) {
    struct job *j = &jobs[id];
    if (!j->used) continue;
    for (i = 0; i < j->npids; i++) {
      if (j->pids[i] != pid) continue;
      if (WIFSTOPPED(ws)) {
        j->state = J_STOPPED;
        j->ws[i] = ws;
      } else if (WIFCONTINUED(ws)) {
        j->state = J_RUNNING;
      } else {
        int all = 1, k;
        j->ws[i] = ws;
        j->ended[i] = 1;
        for (k = 0; k < j->npids; k++)
          if (!j->ended[k]) all = 0;
        if (all) j->state = J_DONE;
      }
      return;
    }
  }
}

/* The status of a finished job: its last process's. */
static int job_status(struct job *j) { return wait_status_code(j->ws[j->npids - 1]); }

static char current_mark(int id) {
  int best = 0, second = 0, i;
  for (i = 1; i <= MAX_JOBS; i++) {
    if (!jobs[i].used) continue;
    if (!best || jobs[i].seq > jobs[best].seq) {
      second = best;
      best = i;
    } else if (!second || jobs[i].seq > jobs[second].seq) {
      second = i;
    }
  }
  return id == best ? '+' : id == second ? '-' : ' ';
}

static void report(int id, const char *state) {
  struct job *j = &jobs[id];
  printf("[%d]%c  %-24s%s\n", id, current_mark(id), state, j->cmd ? j->cmd : "");
  fflush(stdout);
}

static const char *state_text(struct job *j, char *buf, int cap) {
  int ws = j->ws[j->npids - 1];
  if (j->state == J_RUNNING) return "Running";
  if (j->state == J_STOPPED) return "Stopped";
  if (WIFSIGNALED(ws)) return signal_text(WTERMSIG(ws));
  if (WEXITSTATUS(ws)) {
    snprintf(buf, cap, "Done(%d)", WEXITSTATUS(ws));
    return buf;
  }
  return "Done";
}

int job_wait_fg(int id) {
  struct job *j = &jobs[id];
  int status;
  if (job_control) tcsetpgrp(0, j->pgid);
  while (j->state == J_RUNNING) {
    int ws;
    int pid = waitpid(-1, &ws, job_control ? WUNTRACED : 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      break; /* ECHILD: nothing left to wait for */
    }
    record(pid, ws);
  }
  if (job_control) tcsetpgrp(0, shell_pgid);
  if (j->state == J_STOPPED) {
    j->background = 1;
    j->seq = ++seq_counter;
    report(id, "Stopped"); /* the terminal echoed ^Z and a newline */
    return 128 + SIGTSTP;
  }
  status = job_status(j);
  {
    int ws = j->ws[j->npids - 1];
    if (WIFSIGNALED(ws) && WTERMSIG(ws) != SIGINT && WTERMSIG(ws) != SIGPIPE && in_subshell == 0)
      fprintf(stderr, "%s (signal %d)\n", signal_text(WTERMSIG(ws)), WTERMSIG(ws));
  }
  job_free(id);
  return status;
}

void jobs_notify(void) {
  int ws, pid, id;
  char buf[32];
  while ((pid = waitpid(-1, &ws, WNOHANG | (job_control ? WUNTRACED : 0))) > 0) record(pid, ws);
  if (!interactive) return;
  for (id = 1; id <= MAX_JOBS; id++)
    if (jobs[id].used && jobs[id].background && jobs[id].state == J_DONE) {
      report(id, state_text(&jobs[id], buf, sizeof buf));
      job_free(id);
    }
}

/* %N, %%, %+, %-, or a pid; 0 when there is no such job (message printed). */
static int job_find(const char *spec, const char *who) {
  int id, i;
  if (!spec || !strcmp(spec, "%%") || !strcmp(spec, "%+") || !strcmp(spec, "%")) {
    for (id = 1; id <= MAX_JOBS; id++)
      if (jobs[id].used && current_mark(id) == '+') return id;
  } else if (!strcmp(spec, "%-")) {
    for (id = 1; id <= MAX_JOBS; id++)
      if (jobs[id].used && current_mark(id) == '-') return id;
  } else if (spec[0] == '%') {
    id = atoi(spec + 1);
    if (id >= 1 && id <= MAX_JOBS && jobs[id].used) return id;
  } else {
    int pid = atoi(spec);
    for (id = 1; id <= MAX_JOBS; id++)
      for (i = 0; jobs[id].used && i < jobs[id].npids; i++)
        if (jobs[id].pids[i] == pid) return id;
  }
  if (who) sh_error("%s: %s: no such job", who, spec ? spec : "current");
  return 0;
}

/* kill [-s SIG | -SIG | -N] pid|%job...: as dash's builtin, so that jobs are reachable by number. */
int bi_kill(int argc, char **argv) {
  int sig = SIGTERM, i = 1, status = 0;
  if (i < argc && !strcmp(argv[i], "-l")) {
    for (sig = 1; sig < 32; sig++) {
      extern const char *signal_name(int);
      const char *name = signal_name(sig);
      if (name) printf("%s\n", name);
    }
    return 0;
  }
  if (i < argc && !strcmp(argv[i], "-s") && i + 1 < argc) {
    sig = signal_number(argv[i + 1]);
    i += 2;
  } else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--")) {
    sig = signal_number(argv[i] + 1);
    i++;
  }
  if (i < argc && !strcmp(argv[i], "--")) i++;
  if (sig < 0) {
    sh_error("kill: invalid signal number or name: %s", argv[i - 1]);
    return 2;
  }
  if (i >= argc) {
    sh_error("kill: usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or kill -l [exitstatus]");
    return 2;
  }
  for (; i < argc; i++) {
    int pid;
    if (argv[i][0] == '%') {
      int id = job_find(argv[i], "kill");
      if (!id) {
        status = 1;
        continue;
      }
      pid = -jobs[id].pgid;
      if (!job_control) pid = jobs[id].pids[jobs[id].npids - 1];
    } else {
      char *end;
      pid = (int)strtol(argv[i], &end, 10);
      if (!*argv[i] || *end) {
        sh_error("kill: Illegal number: %s", argv[i]);
        status = 1;
        continue;
      }
    }
    if (kill(pid, sig) < 0) {
      sh_error("kill: %s", strerror(errno));
      status = 1;
    } else if (sig != SIGCONT && argv[i][0] == '%' && job_control) {
      int id = job_find(argv[i], 0);
      if (id && jobs[id].state == J_STOPPED && (sig == SIGTERM || sig == SIGHUP || sig == SIGINT)) kill(-jobs[id].pgid, SIGCONT);
    }
  }
  return status;
}

int bi_jobs(int argc, char **argv) {
  int id;
  char buf[32];
  (void)argc;
  (void)argv;
  jobs_notify();
  for (id = 1; id <= MAX_JOBS; id++) {
    if (!jobs[id].used) continue;
    report(id, state_text(&jobs[id], buf, sizeof buf));
    if (jobs[id].state == J_DONE) job_free(id);
  }
  return 0;
}

static void continue_job(int id) {
  struct job *j = &jobs[id];
  kill(-j->pgid, SIGCONT);
  if (j->state == J_STOPPED) j->state = J_RUNNING;
}

int bi_fg(int argc, char **argv) {
  int id = job_find(argc > 1 ? argv[1] : 0, "fg");
  if (!id) return 2;
  if (!job_control) {
    sh_error("fg: No job control");
    return 2;
  }
  printf("%s\n", jobs[id].cmd ? jobs[id].cmd : "");
  fflush(stdout);
  jobs[id].background = 0;
  tcsetpgrp(0, jobs[id].pgid);
  continue_job(id);
  return job_wait_fg(id);
}

int bi_bg(int argc, char **argv) {
  int id = job_find(argc > 1 ? argv[1] : 0, "bg");
  if (!id) return 2;
  if (!job_control) {
    sh_error("bg: No job control");
    return 2;
  }
  jobs[id].background = 1;
  continue_job(id);
  printf("[%d]%c %s &\n", id, current_mark(id), jobs[id].cmd ? jobs[id].cmd : "");
  return 0;
}

/* wait [pid | %N ...]: without operands waits for every job and returns 0. */
int bi_wait(int argc, char **argv) {
  int i, status = 0;
  if (argc < 2) {
    int ws, pid, id;
    while ((pid = waitpid(-1, &ws, 0)) > 0 || (pid < 0 && errno == EINTR)) {
      if (pid > 0) record(pid, ws);
      if (trap_pending) return 128 + trap_last_signal; /* a trapped signal ends wait (POSIX) */
    }
    for (id = 1; id <= MAX_JOBS; id++)
      if (jobs[id].used && jobs[id].state == J_DONE && !interactive) job_free(id);
    return 0;
  }
  for (i = 1; i < argc; i++) {
    int id = job_find(argv[i], 0);
    if (!id) {
      status = 127;
      continue;
    }
    while (jobs[id].state == J_RUNNING) {
      int ws;
      int pid = waitpid(-1, &ws, 0);
      if (pid < 0) {
        if (errno == EINTR) continue;
        break;
      }
      record(pid, ws);
    }
    status = job_status(&jobs[id]);
    if (jobs[id].state == J_DONE) job_free(id);
  }
  return status;
}
