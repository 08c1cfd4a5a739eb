/* sh: running the tree. Simple commands look up special builtins, functions, builtins, then $PATH (POSIX
 * 2.9.1); pipelines and ( ) fork; compound commands run in the shell with their redirections saved and put
 * back. break/continue/return travel up as pending counts that loops, functions and lists obey. */
#include "sh.h"

int loop_depth;
int subst_status;
int pending_break, pending_continue, pending_return, func_depth;
int errexit_off; /* > 0 while running a tested command (if/while conditions, && || operands, !) */

static int control_pending(void) { return pending_break || pending_continue || pending_return; }

static void check_errexit(int status) {
  if (status != 0 && opt_errexit && !errexit_off) sh_exit(status);
}

int fork_child(int pgid, int foreground) {
  int pid;
  fflush(stdout);
  fflush(stderr);
  pid = fork();
  if (pid < 0) {
    sh_error("Cannot fork");
    return -1;
  }
  if (pid == 0) {
    in_subshell++;
    trap_reset_for_child();
    if (job_control) {
      setpgid(0, pgid);
      if (foreground) tcsetpgrp(0, pgid ? pgid : getpid());
      signal(SIGTSTP, SIG_DFL);
      signal(SIGTTIN, SIG_DFL);
      signal(SIGTTOU, SIG_DFL);
      signal(SIGINT, SIG_DFL);
      signal(SIGQUIT, SIG_DFL);
      job_control = 0;
    } else if (interactive) { /* the shell ignores these; its commands must not */
      signal(SIGINT, SIG_DFL);
      signal(SIGQUIT, SIG_DFL);
    }
    interactive = 0;
    return 0;
  }
  if (job_control) {
    setpgid(pid, pgid ? pgid : pid);
  }
  return pid;
}

char *path_search(const char *name) {
  const char *path = var_get("PATH");
  const char *p;
  struct stat st;
  if (!path) path = "/bin:/usr/bin";
  p = path;
  for (;;) {
    const char *colon = strchr(p, ':');
    int len = colon ? (int)(colon - p) : (int)strlen(p);
    struct str full = {0, 0, 0};
    char *s;
    if (len) str_addn(&full, p, len);
    else str_addc(&full, '.');
    str_addc(&full, '/');
    str_adds(&full, name);
    s = str_take(&full);
    if (stat(s, &st) == 0 && !S_ISDIR(st.st_mode)) return s;
    free(s);
    if (!colon) return 0;
    p = colon + 1;
  }
}

/* In a child: execs argv (with the exported variables); never returns. */
static void exec_program(char **argv) {
  char *path = strchr(argv[0], '/') ? xstrdup(argv[0]) : path_search(argv[0]);
  char **env;
  int err;
  if (!path) {
    sh_error("%s: not found", argv[0]);
    _exit(127);
  }
  env = var_environ();
  execve(path, argv, env);
  err = errno;
  if (err == ENOEXEC) { /* a script without #!: run it with this shell */
    int n = 0;
    char **args;
    while (argv[n]) n++;
    args = xmalloc(sizeof(char *) * (n + 2));
    args[0] = "sh";
    args[1] = path;
    memcpy(args + 2, argv + 1, sizeof(char *) * n);
    execve("/bin/sh", args, env);
  }
  if (err == ENOENT) {
    sh_error("%s: not found", argv[0]);
    _exit(127);
  }
  sh_error("%s: %s", argv[0], err == EACCES ? "Permission denied" : strerror(err));
  _exit(126);
}

/* set -x: the command as expanded, on stderr after PS4. */
static void trace(char **assigns_done, int nassigns, char **argv) {
  int i;
  const char *ps4 = var_get("PS4");
  fflush(stdout);
  fputs(ps4 ? ps4 : "+ ", stderr);
  for (i = 0; i < nassigns; i++) fprintf(stderr, "%s%s", i ? " " : "", assigns_done[i]);
  for (i = 0; argv && argv[i]; i++) fprintf(stderr, "%s%s", (i || nassigns) ? " " : "", argv[i]);
  fputc('\n', stderr);
}

/* Expands NAME=word assignments into "NAME=value" strings (NULL-ended). */
static char **expand_assigns(struct node *n) {
  char **out = xmalloc(sizeof(char *) * (n->nassigns + 1));
  int i;
  for (i = 0; i < n->nassigns; i++) {
    char *eq = strchr(n->assigns[i], '=');
    char *value = expand_word(eq + 1);
    int nl = (int)(eq - n->assigns[i]);
    char *s = xmalloc(nl + strlen(value) + 2);
    memcpy(s, n->assigns[i], nl + 1);
    strcpy(s + nl + 1, value);
    free(value);
    out[i] = s;
  }
  out[n->nassigns] = 0;
  return out;
}

/* Sets each NAME=value; saved (if non-NULL) receives the old values for restore_assigns. */
static int apply_assigns(char **assigns, int flags) {
  int i;
  for (i = 0; assigns[i]; i++) {
    char *eq = strchr(assigns[i], '=');
    *eq = 0;
    if (var_set(assigns[i], eq + 1, flags) < 0) {
      *eq = '=';
      return -1;
    }
    *eq = '=';
  }
  return 0;
}

struct saved_var {
  char *name, *value;
  int flags, existed;
};

static struct saved_var *save_assigns(char **assigns, int n) {
  struct saved_var *s = xmalloc(sizeof *s * (n + 1));
  int i;
  for (i = 0; i < n; i++) {
    char *eq = strchr(assigns[i], '=');
    const char *v;
    s[i].name = strndup(assigns[i], (size_t)(eq - assigns[i]));
    v = var_get(s[i].name);
    s[i].existed = var_flags(s[i].name) != 0 || v != 0;
    s[i].value = v ? xstrdup(v) : 0;
    s[i].flags = var_flags(s[i].name);
  }
  return s;
}

static void restore_assigns(struct saved_var *s, int n) {
  int i;
  for (i = n - 1; i >= 0; i--) {
    if (!s[i].existed) var_unset(s[i].name);
    else {
      var_unset(s[i].name);
      var_set(s[i].name, s[i].value, s[i].flags);
    }
    free(s[i].name);
    free(s[i].value);
  }
  free(s);
}

static int call_function(struct node *body, char **argv, int argc) {
  char **old_args = pos_args;
  int old_count = pos_count;
  struct node *copy = node_copy(body); /* the function may redefine itself while it runs */
  int status;
  pos_args = 0;
  pos_count = 0;
  set_positional(argv + 1, argc - 1);
  func_depth++;
  var_push_frame();
  status = exec_node(copy, 0);
  var_pop_frame();
  func_depth--;
  if (pending_return) {
    pending_return = 0;
    status = last_status;
  }
  node_free(copy);
  set_positional(0, 0);
  free(pos_args);
  pos_args = old_args;
  pos_count = old_count;
  return status;
}

static int exec_simple(struct node *n, int flags) {
  char **argv, **assigns;
  int argc, status, special = 0;
  builtin_fn builtin = 0;
  struct node *func = 0;
  extern int exec_lineno;
  expand_failed = 0;
  exec_lineno = n->lineno;
  subst_status = 0; /* a command substitution's status is what a command without words returns */
  argv = expand_words(n->words, n->nwords, &argc);
  if (argc == 0 && !expand_failed) { /* only assignments and redirections: as dash, the redirections first */
    free_argv(argv);
    if (redirect_apply(n->redirs, REDIR_SAVE) < 0) {
      redirect_restore();
      return 2;
    }
    assigns = expand_assigns(n);
    status = expand_failed ? 1 : subst_status;
    if (opt_xtrace && !expand_failed) trace(assigns, n->nassigns, 0);
    if (!expand_failed && apply_assigns(assigns, 0) < 0) {
      if (!interactive) sh_exit(2);
      status = 2;
    }
    redirect_restore();
    free_argv(assigns);
    return status;
  }
  assigns = expand_assigns(n);
  if (expand_failed) {
    free_argv(argv);
    free_argv(assigns);
    return 1;
  }
  if (opt_xtrace) trace(assigns, n->nassigns, argv);
  builtin = builtin_find(argv[0], &special);
  if (!special) func = func_get(argv[0]);
  if (func || builtin) {
    struct saved_var *saved = 0;
    if (special && !func) {
      if (apply_assigns(assigns, 0) < 0 && !interactive) sh_exit(2);
    } else if (n->nassigns) {
      saved = save_assigns(assigns, n->nassigns);
      apply_assigns(assigns, V_EXPORT);
    }
    if (redirect_apply(n->redirs, REDIR_SAVE) < 0) {
      redirect_restore();
      status = 2;
      if (special && !interactive) sh_exit(2);
    } else {
      if (func) status = call_function(func, argv, argc);
      else {
        extern int exec_builtin_forget; /* set by `exec` with only redirections: keep them */
        status = builtin(argc, argv);
        if (fflush(stdout) != 0 || ferror(stdout)) { /* echo >&- */
          clearerr(stdout);
          if (!status) {
            sh_error("%s: I/O error", argv[0]);
            status = 1;
          }
        }
        fflush(stderr);
        if (exec_builtin_forget) {
          exec_builtin_forget = 0;
          redirect_forget_all();
        }
      }
      redirect_restore();
    }
    if (saved) restore_assigns(saved, n->nassigns);
    free_argv(argv);
    free_argv(assigns);
    return status;
  }
  if ((flags & EX_EXEC) && !trap_exit_set()) {
    if (apply_assigns(assigns, V_EXPORT) < 0 || redirect_apply(n->redirs, 0) < 0) _exit(2);
    exec_program(argv);
  }
  {
    int pid = fork_child(0, 1);
    if (pid == 0) {
      if (apply_assigns(assigns, V_EXPORT) < 0 || redirect_apply(n->redirs, 0) < 0) _exit(2);
      exec_program(argv);
    }
    if (pid < 0) status = 2;
    else {
      status = job_wait_fg(job_add(pid, &pid, 1, n, 0));
    }
  }
  free_argv(argv);
  free_argv(assigns);
  return status;
}

static int exec_pipeline(struct node *n, int flags) {
  int *pids = xmalloc(sizeof(int) * n->nkids);
  int i, prev = -1, pgid = 0, started = 0, status;
  for (i = 0; i < n->nkids; i++) {
    int fds[2] = {-1, -1};
    int pid;
    if (i + 1 < n->nkids && pipe(fds) < 0) {
      sh_error("Pipe call failed");
      break;
    }
    pid = fork_child(pgid, !(flags & EX_EXEC));
    if (pid == 0) {
      if (prev >= 0) {
        dup2(prev, 0);
        close(prev);
      }
      if (fds[1] >= 0) {
        dup2(fds[1], 1);
        close(fds[1]);
        close(fds[0]);
      }
      errexit_off = 0;
      sh_exit(exec_node(n->kids[i], EX_EXEC));
    }
    if (pid < 0) {
      if (fds[0] >= 0) { close(fds[0]); close(fds[1]); }
      break;
    }
    if (!pgid) pgid = pid;
    pids[started++] = pid;
    if (prev >= 0) close(prev);
    if (fds[1] >= 0) close(fds[1]);
    prev = fds[0];
  }
  if (prev >= 0) close(prev);
  if (!started) {
    free(pids);
    return 2;
  }
  status = job_wait_fg(job_add(pgid, pids, started, n, 0));
  free(pids);
  return status;
}

static int exec_background(struct node *n) {
  int pid = fork_child(0, 0);
  if (pid == 0) {
    if (!job_control) {
      signal(SIGINT, SIG_IGN);
      signal(SIGQUIT, SIG_IGN);
      if (!interactive) {
        int fd = open("/dev/null", O_RDONLY);
        if (fd >= 0 && fd != 0) { dup2(fd, 0); close(fd); }
      }
    }
    errexit_off = 0;
    sh_exit(exec_node(n->a, EX_EXEC));
  }
  if (pid < 0) return 2;
  last_background = pid;
  job_add(pid, &pid, 1, n->a, 1);
  return 0;
}

static int exec_loop(struct node *n) {
  int status = 0;
  loop_depth++;
  for (;;) {
    int c;
    errexit_off++;
    c = exec_node(n->a, 0);
    errexit_off--;
    if (pending_return) break;
    if (pending_break) { pending_break--; break; }
    if (pending_continue) {
      if (--pending_continue) break;
      continue;
    }
    if ((c == 0) != (n->kind == N_WHILE)) break;
    status = exec_node(n->b, 0);
    if (pending_return) break;
    if (pending_break) { pending_break--; break; }
    if (pending_continue && --pending_continue) break;
  }
  loop_depth--;
  return status;
}

static int exec_for(struct node *n) {
  char **list;
  int count, i, status = 0;
  if (n->has_in) {
    expand_failed = 0;
    list = expand_words(n->words, n->nwords, &count);
    if (expand_failed) {
      free_argv(list);
      return 1;
    }
  } else {
    list = xmalloc(sizeof(char *) * (pos_count + 1));
    for (i = 0; i < pos_count; i++) list[i] = xstrdup(pos_args[i]);
    list[pos_count] = 0;
    count = pos_count;
  }
  loop_depth++;
  for (i = 0; i < count; i++) {
    if (var_set(n->name, list[i], 0) < 0) { status = 1; break; }
    status = exec_node(n->b, 0);
    if (pending_return) break;
    if (pending_break) { pending_break--; break; }
    if (pending_continue && --pending_continue) break;
  }
  loop_depth--;
  free_argv(list);
  return status;
}

static int exec_case(struct node *n) {
  char *word = expand_word(n->name);
  struct case_item *it;
  int status = 0;
  for (it = n->items; it; it = it->next) {
    int i, hit = 0;
    for (i = 0; i < it->npatterns && !hit; i++) {
      char *pat = expand_pattern(it->patterns[i]);
      hit = pattern_match(pat, word);
      free(pat);
    }
    if (hit) {
      status = it->body ? exec_node(it->body, 0) : 0;
      break;
    }
  }
  free(word);
  return status;
}

static int exec_compound(struct node *n, int flags) {
  int s;
  switch (n->kind) {
  case N_GROUP: return exec_node(n->a, flags);
  case N_SUBSHELL: {
    int pid;
    if (flags & EX_EXEC) return exec_node(n->a, EX_EXEC);
    pid = fork_child(0, 1);
    if (pid == 0) sh_exit(exec_node(n->a, EX_EXEC));
    if (pid < 0) return 2;
    s = job_wait_fg(job_add(pid, &pid, 1, n, 0));
    check_errexit(s);
    return s;
  }
  case N_IF:
    errexit_off++;
    s = exec_node(n->a, 0);
    errexit_off--;
    if (control_pending()) return s;
    if (s == 0) return exec_node(n->b, 0);
    return n->c ? exec_node(n->c, 0) : 0;
  case N_WHILE:
  case N_UNTIL: return exec_loop(n);
  case N_FOR: return exec_for(n);
  case N_CASE: return exec_case(n);
  default: return 0;
  }
}

int exec_node(struct node *n, int flags) {
  int s;
  if (!n) return 0;
  if (trap_pending) trap_run_pending();
  switch (n->kind) {
  case N_CMD:
    s = exec_simple(n, flags);
    last_status = s;
    check_errexit(s);
    return s;
  case N_PIPE:
    s = exec_pipeline(n, flags);
    last_status = s;
    check_errexit(s);
    return s;
  case N_SEQ:
    exec_node(n->a, flags & ~EX_EXEC);
    if (control_pending()) return last_status;
    return last_status = exec_node(n->b, flags);
  case N_AND:
  case N_OR:
    errexit_off++;
    s = exec_node(n->a, flags & ~EX_EXEC);
    errexit_off--;
    last_status = s;
    if (control_pending()) return s;
    if ((s == 0) == (n->kind == N_AND)) s = exec_node(n->b, flags);
    return last_status = s;
  case N_NOT:
    errexit_off++;
    s = exec_node(n->a, flags);
    errexit_off--;
    return last_status = !s;
  case N_BG:
    return last_status = exec_background(n);
  case N_FUNC:
    func_set(n->name, n->a);
    return last_status = 0;
  default:
    break;
  }
  if (n->redirs) {
    if (redirect_apply(n->redirs, REDIR_SAVE) < 0) {
      redirect_restore();
      return last_status = 2;
    }
    s = exec_compound(n, flags & ~EX_EXEC);
    redirect_restore();
  } else {
    s = exec_compound(n, flags);
  }
  return last_status = s;
}

char *command_output(const char *cmd, int *status) {
  int fds[2], pid, ws;
  struct str out = {0, 0, 0};
  char buf[512];
  if (pipe(fds) < 0) {
    sh_error("Pipe call failed");
    *status = 2;
    return xstrdup("");
  }
  pid = fork_child(0, 0);
  if (pid == 0) {
    close(fds[0]);
    if (fds[1] != 1) {
      dup2(fds[1], 1);
      close(fds[1]);
    }
    errexit_off = 0;
    sh_exit(run_string(cmd, 0));
  }
  close(fds[1]);
  for (;;) {
    int n = (int)read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    str_addn(&out, buf, n);
  }
  close(fds[0]);
  *status = 0;
  if (pid > 0) {
    while (waitpid(pid, &ws, 0) < 0 && errno == EINTR) {}
    *status = wait_status_code(ws);
  } else {
    *status = 2;
  }
  return str_take(&out);
}
