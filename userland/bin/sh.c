/* sh: Pagoda's shell.
 *   command lines: words, 'single' and "double" quotes, backslash escapes, $VAR ${VAR} $? $$ $!
 *   pipelines a | b | c; lists with ; && || and & (background); redirections < > >> 2> 2>&1 >&2
 *   builtins: cd, exit, export, unset, pwd, help
 * Interactive (stdin a terminal): a prompt with the working directory; Ctrl-C interrupts the foreground
 * command (the shell itself ignores SIGINT and SIGQUIT); a command killed by a signal gets a line like bash's.
 * Usage: sh [-c COMMAND | SCRIPT] */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINE_MAX 4096
#define MAX_WORDS 128
#define MAX_CMDS 16
#define WORD_MAX 1024

enum { T_WORD, T_PIPE, T_AND, T_OR, T_SEMI, T_AMP, T_LT, T_GT, T_GTGT, T_ERR_GT, T_ERR_TO_OUT, T_OUT_TO_ERR, T_END };

struct token {
  int kind;
  char *text;
};

struct command {
  char *argv[MAX_WORDS + 1];
  int argc;
  char *in, *out, *err;
  int append, err_to_out, out_to_err;
};

static int last_status;
static int last_background; /* $! */
static int interactive;
static struct token toks[MAX_WORDS * 2];
static int ntoks;

/* ---- lexing ---- */

static char *append_str(char *buf, int *len, const char *s) {
  while (*s && *len < WORD_MAX - 1) buf[(*len)++] = *s++;
  return buf;
}

/* Expands $NAME, ${NAME}, $? or $$ at *pp into buf; advances *pp. */
static void expand_var(const char **pp, char *buf, int *len) {
  const char *p = *pp + 1;
  char name[128];
  int n = 0;
  char num[16];
  if (*p == '?') {
    snprintf(num, sizeof num, "%d", last_status);
    append_str(buf, len, num);
    *pp = p + 1;
    return;
  }
  if (*p == '!') {
    snprintf(num, sizeof num, "%d", last_background);
    append_str(buf, len, num);
    *pp = p + 1;
    return;
  }
  if (*p == '$') {
    snprintf(num, sizeof num, "%d", (int)getpid());
    append_str(buf, len, num);
    *pp = p + 1;
    return;
  }
  if (*p == '{') {
    p++;
    while (*p && *p != '}' && n < 127) name[n++] = *p++;
    if (*p == '}') p++;
  } else {
    while ((*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) && n < 127)
      name[n++] = *p++;
  }
  name[n] = 0;
  if (n == 0) {
    buf[(*len)++] = '$';
    *pp = *pp + 1;
    return;
  }
  if (getenv(name)) append_str(buf, len, getenv(name));
  *pp = p;
}

static int is_special(char c) {
  return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == ' ' || c == '\t' || c == '\n';
}

static void add_token(int kind, char *text) {
  if (ntoks < MAX_WORDS * 2 - 1) {
    toks[ntoks].kind = kind;
    toks[ntoks].text = text;
    ntoks++;
  }
}

/* Splits line into toks; returns 0, or -1 with a message for an unterminated quote. */
static int lex(const char *p) {
  ntoks = 0;
  while (*p) {
    if (*p == ' ' || *p == '\t' || *p == '\n') { p++; continue; }
    if (*p == '#') break;
    if (p[0] == '2' && p[1] == '>' && p[2] == '&' && p[3] == '1') { add_token(T_ERR_TO_OUT, 0); p += 4; continue; }
    if (p[0] == '1' && p[1] == '>' && p[2] == '&' && p[3] == '2') { add_token(T_OUT_TO_ERR, 0); p += 4; continue; }
    if (p[0] == '>' && p[1] == '&' && p[2] == '2') { add_token(T_OUT_TO_ERR, 0); p += 3; continue; }
    if (p[0] == '2' && p[1] == '>') { add_token(T_ERR_GT, 0); p += 2; continue; }
    if (p[0] == '|' && p[1] == '|') { add_token(T_OR, 0); p += 2; continue; }
    if (p[0] == '&' && p[1] == '&') { add_token(T_AND, 0); p += 2; continue; }
    if (p[0] == '>' && p[1] == '>') { add_token(T_GTGT, 0); p += 2; continue; }
    if (*p == '|') { add_token(T_PIPE, 0); p++; continue; }
    if (*p == '&') { add_token(T_AMP, 0); p++; continue; }
    if (*p == ';') { add_token(T_SEMI, 0); p++; continue; }
    if (*p == '<') { add_token(T_LT, 0); p++; continue; }
    if (*p == '>') { add_token(T_GT, 0); p++; continue; }
    {
      char buf[WORD_MAX];
      int len = 0;
      while (*p && !is_special(*p) && len < WORD_MAX - 1) {
        if (*p == '\'') {
          p++;
          while (*p && *p != '\'' && len < WORD_MAX - 1) buf[len++] = *p++;
          if (*p != '\'') { fprintf(stderr, "sh: unterminated quote\n"); return -1; }
          p++;
        } else if (*p == '"') {
          p++;
          while (*p && *p != '"' && len < WORD_MAX - 1) {
            if (*p == '\\' && (p[1] == '"' || p[1] == '\\' || p[1] == '$')) { buf[len++] = p[1]; p += 2; }
            else if (*p == '$') expand_var(&p, buf, &len);
            else buf[len++] = *p++;
          }
          if (*p != '"') { fprintf(stderr, "sh: unterminated quote\n"); return -1; }
          p++;
        } else if (*p == '\\' && p[1]) {
          buf[len++] = p[1];
          p += 2;
        } else if (*p == '$') {
          expand_var(&p, buf, &len);
        } else {
          buf[len++] = *p++;
        }
      }
      buf[len] = 0;
      add_token(T_WORD, strdup(buf));
    }
  }
  add_token(T_END, 0);
  return 0;
}

static void free_tokens(void) {
  int i;
  for (i = 0; i < ntoks; i++) if (toks[i].text) free(toks[i].text);
  ntoks = 0;
}

/* ---- builtins ---- */

static void print_help(void) {
  printf("Pagoda sh builtins: cd [DIR], exit [N], export NAME=VALUE, unset NAME, pwd, help\n");
  printf("Syntax: a | b, a ; b, a && b, a || b, a &, < file, > file, >> file, 2> file, 2>&1, >&2, $VAR, $?, $!,\n");
  printf("  'single quotes', \"double quotes\", \\ escapes\n");
  printf("Programs in /bin: ls cat echo wc grep head tail mkdir rm touch ps kill sleep free pmap chunks\n");
  printf("  hexdump env true false uname stty yes spin mapdemo usertests\n");
}

/* Runs argv as a builtin when it is one; returns 1 if it was (status in last_status). */
static int run_builtin(struct command *c) {
  char **argv = c->argv;
  char buf[512];
  int i;
  if (strcmp(argv[0], "cd") == 0) {
    const char *dir = argv[1] ? argv[1] : getenv("HOME");
    if (!dir) dir = "/";
    if (chdir(dir) < 0) {
      fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
      last_status = 1;
    } else {
      if (getcwd(buf, sizeof buf)) setenv("PWD", buf, 1);
      last_status = 0;
    }
    return 1;
  }
  if (strcmp(argv[0], "exit") == 0) {
    exit(argv[1] ? atoi(argv[1]) : last_status);
  }
  if (strcmp(argv[0], "export") == 0 || (strchr(argv[0], '=') && argv[0][0] != '=' && c->argc == 1)) {
    int start = strcmp(argv[0], "export") == 0 ? 1 : 0;
    last_status = 0;
    for (i = start; argv[i]; i++) {
      char *eq = strchr(argv[i], '=');
      if (eq) {
        *eq = 0;
        setenv(argv[i], eq + 1, 1);
        *eq = '=';
      } else if (!getenv(argv[i])) {
        setenv(argv[i], "", 1);
      }
    }
    return 1;
  }
  if (strcmp(argv[0], "unset") == 0) {
    for (i = 1; argv[i]; i++) unsetenv(argv[i]);
    last_status = 0;
    return 1;
  }
  if (strcmp(argv[0], "pwd") == 0) {
    if (getcwd(buf, sizeof buf)) printf("%s\n", buf);
    last_status = 0;
    return 1;
  }
  if (strcmp(argv[0], "help") == 0) {
    print_help();
    last_status = 0;
    return 1;
  }
  return 0;
}

/* ---- running ---- */

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

static const char *signal_text(int sig) {
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
static int run_pipeline(struct command *cmds, int n, int background) {
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

/* Parses toks[*pos..] up to a list operator into cmds; returns the count, or -1 on a syntax error. */
static int parse_pipeline(int *pos, struct command *cmds) {
  int n = 0;
  struct command *c = &cmds[0];
  memset(c, 0, sizeof *c);
  for (;;) {
    struct token *t = &toks[*pos];
    if (t->kind == T_WORD) {
      if (c->argc < MAX_WORDS) c->argv[c->argc++] = t->text;
      (*pos)++;
    } else if (t->kind == T_LT || t->kind == T_GT || t->kind == T_GTGT || t->kind == T_ERR_GT) {
      struct token *f = &toks[*pos + 1];
      if (f->kind != T_WORD) { fprintf(stderr, "sh: syntax error: missing file name\n"); return -1; }
      if (t->kind == T_LT) c->in = f->text;
      else if (t->kind == T_ERR_GT) c->err = f->text;
      else { c->out = f->text; c->append = t->kind == T_GTGT; }
      *pos += 2;
    } else if (t->kind == T_ERR_TO_OUT) {
      c->err_to_out = 1;
      (*pos)++;
    } else if (t->kind == T_OUT_TO_ERR) {
      c->out_to_err = 1;
      (*pos)++;
    } else if (t->kind == T_PIPE) {
      if (c->argc == 0 || n + 1 >= MAX_CMDS) { fprintf(stderr, "sh: syntax error near '|'\n"); return -1; }
      c->argv[c->argc] = 0;
      n++;
      c = &cmds[n];
      memset(c, 0, sizeof *c);
      (*pos)++;
    } else {
      break;
    }
  }
  c->argv[c->argc] = 0;
  if (c->argc == 0) {
    if (n == 0 && !c->in && !c->out) return 0;
    fprintf(stderr, "sh: syntax error: missing command\n");
    return -1;
  }
  return n + 1;
}

/* Finds the next top-level list operator (; && || &) in line, outside quotes; stores the segment before it
 * (NUL-terminated) in seg and the operator kind in *op (T_END at the end). Returns the rest of the line. */
static const char *next_segment(const char *line, char *seg, int cap, int *op) {
  const char *p = line;
  char quote = 0;
  int n = 0;
  *op = T_END;
  while (*p) {
    if (quote) {
      if (*p == quote) quote = 0;
    } else if (*p == '\\' && p[1]) {
      if (n < cap - 2) seg[n++] = *p;
      p++;
    } else if (*p == '\'' || *p == '"') {
      quote = *p;
    } else if (*p == ';') {
      *op = T_SEMI;
      p++;
      break;
    } else if (p[0] == '&' && p[1] == '&') {
      *op = T_AND;
      p += 2;
      break;
    } else if (p[0] == '|' && p[1] == '|') {
      *op = T_OR;
      p += 2;
      break;
    } else if (*p == '&' && !(p > line && p[-1] == '>')) {
      *op = T_AMP;
      p++;
      break;
    }
    if (n < cap - 1) seg[n++] = *p;
    p++;
  }
  seg[n] = 0;
  return p;
}

/* Runs one command line: each list element is expanded ($VAR, $?) just before it runs. */
static void run_line(const char *line) {
  static struct command cmds[MAX_CMDS];
  static char seg[LINE_MAX];
  int skip = 0;
  while (*line) {
    int op, pos = 0, n;
    line = next_segment(line, seg, sizeof seg, &op);
    if (skip) {
      /* a skipped element leaves $? as it was; the next operator decides again on it */
      skip = (op == T_AND && last_status != 0) || (op == T_OR && last_status == 0);
      continue;
    }
    if (lex(seg) < 0) {
      last_status = 2;
      return;
    }
    n = parse_pipeline(&pos, cmds);
    if (n > 0 && toks[pos].kind != T_END) {
      fprintf(stderr, "sh: syntax error\n");
      n = -1;
    }
    if (n < 0) {
      last_status = 2;
      free_tokens();
      return;
    }
    if (n == 0 && op != T_END && op != T_SEMI) {
      fprintf(stderr, "sh: syntax error near operator\n");
      last_status = 2;
      free_tokens();
      return;
    }
    if (n > 0) last_status = run_pipeline(cmds, n, op == T_AMP);
    free_tokens();
    skip = (op == T_AND && last_status != 0) || (op == T_OR && last_status == 0);
  }
}

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
  for (;;) {
    reap_jobs();
    if (interactive) {
      if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "?");
      printf("pagoda:%s$ ", cwd);
      fflush(stdout);
    }
    if (read_line(line, sizeof line) < 0) break;
    run_line(line);
    fflush(stdout);
  }
  if (interactive) printf("exit\n");
  return last_status;
}
