/* sh: the prompt, reading command lines, background job reports, and main. */
#include "sh.h"
#include "lineedit.h"

int last_status;
int last_background;
int interactive;

/* Reaps finished background jobs (and orphans given to init), reporting them when interactive. */
static void reap_jobs(void) {
  int ws, pid;
  while ((pid = waitpid(-1, &ws, WNOHANG)) > 0) {
    if (!interactive) continue;
    if (WIFSIGNALED(ws)) printf("[%d] %s\n", pid, signal_text(WTERMSIG(ws)));
    else printf("[%d] Done (%d)\n", pid, WEXITSTATUS(ws));
  }
}

/* Reads one line from fd 0 into buf: a terminal gives one line per read; otherwise byte by byte so that
 * nothing past the newline is taken from programs run later. Returns the length, or -1 at end of input. */
static int read_line(char *buf, int cap) {
  int len = 0;
  if (interactive) {
    int n = (int)read(0, buf, cap - 1);
    if (n <= 0) return -1;
    buf[n] = 0;
    return n;
  }
  while (len < cap - 1) {
    char ch;
    int n = (int)read(0, &ch, 1);
    if (n <= 0) break;
    buf[len++] = ch;
    if (ch == '\n') break;
  }
  buf[len] = 0;
  return len > 0 ? len : -1;
}

static void show_motd(void) {
  char buf[512];
  int fd = open("/etc/motd", O_RDONLY);
  int n;
  if (fd < 0) return;
  while ((n = (int)read(fd, buf, sizeof buf)) > 0) write(1, buf, n);
  close(fd);
}

int main(int argc, char **argv) {
  static char line[LINE_MAX];
  char cwd[256];
  if (argc >= 3 && strcmp(argv[1], "-c") == 0) {
    run_line(argv[2]);
    return last_status;
  }
  if (argc >= 2) {
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
      fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
      return 127;
    }
    dup2(fd, 0);
    close(fd);
  }
  interactive = argc < 2 && isatty(0);
  if (interactive) {
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    if (!getenv("PATH")) setenv("PATH", "/bin", 1);
    if (getpid() == 1) show_motd();
  }
  if (interactive) {
    static const char *const builtins[] = {"cd", "exit", "export", "unset", "pwd", "help", 0};
    lineedit_set_commands(builtins);
    lineedit_history_load(0);
  }
  for (;;) {
    reap_jobs();
    if (interactive) {
      char prompt[300], *typed;
      if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "?");
      snprintf(prompt, sizeof prompt, "pagoda:%s$ ", cwd);
      fflush(stdout);
      /* the line editor (lineedit.h): history kept in $HOME/.sh_history */
      if (!(typed = lineedit_read(prompt))) break;
      lineedit_history_add(typed);
      snprintf(line, sizeof line, "%s\n", typed);
    } else if (read_line(line, sizeof line) < 0) break;
    run_line(line);
    fflush(stdout);
  }
  if (interactive) printf("exit\n");
  return last_status;
}
