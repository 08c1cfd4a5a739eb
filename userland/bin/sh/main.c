/* sh: options, start-up, the read-eval loop over a source, errors and exit. */
#include "sh.h"
#include "lineedit.h"

int last_status;
int last_background;
int interactive;
int opt_errexit, opt_xtrace, opt_nounset, opt_noglob, opt_verbose;
int in_subshell;
char *arg0 = "sh";
int shell_pid;
int exec_lineno; /* the line of the simple command running, for messages */
int parsing;      /* messages during parsing name the source's current line */

int set_options(int argc, char **argv, int *consumed);

void sh_error(const char *fmt, ...) {
  va_list ap;
  fflush(stdout);
  if (interactive) fprintf(stderr, "%s: ", arg0);
  else fprintf(stderr, "%s: %d: ", arg0, (parsing || !exec_lineno) && src ? src->lineno : exec_lineno);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  fflush(stderr);
}

void sh_exit(int status) {
  last_status = status;
  trap_run_exit(); /* an exit inside the trap ends the shell with its own status */
  fflush(stdout);
  fflush(stderr);
  exit(status & 255);
}

/* Parses and runs commands from the current source until its end. A syntax error ends a non-interactive
 * shell with status 2; control flow (break, return) stops the loop for the caller to handle. */
static int run_source(void) {
  int status = 0;
  for (;;) {
    int eof, error;
    struct node *n;
    if (interactive && src->prompt) jobs_notify();
    n = parse_command(&eof, &error);
    if (error) {
      last_status = 2;
      if (!interactive) sh_exit(2);
      /* the rest of the bad line is dropped */
      continue;
    }
    if (eof) break;
    if (n) {
      status = exec_node(n, 0);
      node_free(n);
      if (trap_pending) trap_run_pending();
      if (pending_break || pending_continue) {
        if (!loop_depth) pending_break = pending_continue = 0;
        else break;
      }
      if (pending_return) break;
    }
    fflush(stdout);
  }
  return last_status = status, last_status;
}

int run_string(const char *text, const char *name) {
  struct source s;
  int status;
  (void)name;
  source_push_string(&s, text);
  status = run_source();
  source_pop(&s);
  return status;
}

static void show_motd(void) {
  char buf[512];
  int fd = open("/etc/motd", O_RDONLY);
  int n;
  if (fd < 0) return;
  while ((n = (int)read(fd, buf, sizeof buf)) > 0) write(1, buf, n);
  close(fd);
}

static void init_vars(char **envp) {
  char buf[1024];
  var_import(envp);
  var_set("IFS", " \t\n", 0);
  if (!var_get("PS1")) var_set("PS1", "pagoda:${PWD}\\$ ", 0);
  if (!var_get("PS2")) var_set("PS2", "> ", 0);
  if (!var_get("PS4")) var_set("PS4", "+ ", 0);
  if (!var_get("PATH")) var_set("PATH", "/bin:/usr/bin", 0);
  var_set("OPTIND", "1", 0);
  snprintf(buf, sizeof buf, "%d", (int)getppid());
  var_set("PPID", buf, 0);
  if (getcwd(buf, sizeof buf)) var_set("PWD", buf, V_EXPORT);
}

extern char **environ;

int main(int argc, char **argv) {
  const char *command = 0;
  int i = 1, force_interactive = 0, status;
  struct source s;
  shell_pid = getpid();
  init_vars(environ);
  if (argv[0]) arg0 = argv[0];
  /* options: -c, -i, -s and set's -e -u -x -f -v */
  for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
    const char *p;
    if (!strcmp(argv[i], "--")) {
      i++;
      break;
    }
    for (p = argv[i] + 1; *p; p++) {
      if (*p == 'c') command = "";
      else if (*p == 'i') force_interactive = 1;
      else if (*p == 's') {}
      else {
        char opt[3] = {argv[i][0], *p, 0};
        char *fake[2] = {"set", opt};
        int used;
        if (set_options(2, fake, &used) < 0) return 2;
      }
    }
  }
  if (command) {
    if (i >= argc) {
      sh_error("-c requires an argument");
      return 2;
    }
    command = argv[i++];
    if (i < argc) arg0 = argv[i++];
    set_positional(argv + i, argc - i);
    status = run_string(command, 0);
    sh_exit(status);
  }
  if (i < argc) { /* a script file */
    int fd = open(argv[i], O_RDONLY);
    if (fd < 0) {
      arg0 = argv[0];
      sh_error("cannot open %s: No such file", argv[i]);
      return 127;
    }
    {
      int high = fcntl(fd, F_DUPFD_CLOEXEC, 10); /* out of the way of the script's own redirections */
      if (high >= 0) {
        close(fd);
        fd = high;
      }
    }
    arg0 = argv[i++];
    set_positional(argv + i, argc - i);
    source_push_fd(&s, fd, 0);
    status = run_source();
    sh_exit(status);
  }
  interactive = force_interactive || isatty(0);
  if (interactive) {
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    jobs_init();
    if (getpid() == 1) show_motd();
  }
  source_push_fd(&s, 0, interactive);
  status = run_source();
  if (interactive) fprintf(stderr, "exit\n");
  sh_exit(status);
}
