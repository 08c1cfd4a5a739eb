/* sh: the builtins that act on the shell itself: : true false cd pwd exit return break continue shift set
 * export readonly unset local eval exec . command type help history, and the table that finds them all. */
#include "sh.h"

int exec_builtin_forget;
int dot_depth;

static int bi_colon(int argc, char **argv) { (void)argc; (void)argv; return 0; }
static int bi_false(int argc, char **argv) { (void)argc; (void)argv; return 1; }

/* A special builtin's usage error: a non-interactive shell exits (POSIX 2.8.1). */
static int special_error(int status) {
  if (!interactive) sh_exit(status);
  return status;
}

static int bi_cd(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : var_get("HOME");
  char buf[1024];
  int print = 0;
  if (argc > 1 && !strcmp(argv[1], "--")) dir = argc > 2 ? argv[2] : var_get("HOME");
  if (!dir) dir = "/";
  if (!strcmp(dir, "-")) {
    dir = var_get("OLDPWD");
    if (!dir) {
      sh_error("cd: OLDPWD not set");
      return 2;
    }
    print = 1;
  }
  {
    char *target = xstrdup(dir);
    char *old = getcwd(buf, sizeof buf) ? xstrdup(buf) : 0;
    if (chdir(target) < 0) {
      sh_error("cd: can't cd to %s", target);
      free(target);
      free(old);
      return 2;
    }
    free(target);
    if (old) var_set("OLDPWD", old, 0);
    free(old);
  }
  if (getcwd(buf, sizeof buf)) {
    var_set("PWD", buf, 0);
    if (print) printf("%s\n", buf);
  }
  return 0;
}

static int bi_pwd(int argc, char **argv) {
  char buf[1024];
  (void)argc;
  (void)argv;
  if (!getcwd(buf, sizeof buf)) {
    sh_error("pwd: %s", strerror(errno));
    return 2;
  }
  printf("%s\n", buf);
  return 0;
}

static int number_arg(const char *s, const char *who, int *out) {
  char *end;
  long v = strtol(s, &end, 10);
  if (!*s || *end || v < 0) {
    sh_error("%s: Illegal number: %s", who, s);
    return -1;
  }
  *out = (int)v;
  return 0;
}

static int bi_exit(int argc, char **argv) {
  int status = last_status;
  if (argc > 1 && number_arg(argv[1], "exit", &status) < 0) sh_exit(2);
  sh_exit(status & 255);
}

static int bi_return(int argc, char **argv) {
  int status = last_status;
  if (argc > 1 && number_arg(argv[1], "return", &status) < 0) return special_error(2);
  if (!func_depth && !dot_depth) sh_exit(status & 255); /* as dash: return at top level leaves the script */
  pending_return = 1;
  last_status = status & 255;
  return last_status;
}

static int loop_control(int argc, char **argv, int *pending) {
  int n = 1;
  if (argc > 1 && (number_arg(argv[1], argv[0], &n) < 0 || n == 0)) {
    if (n == 0) sh_error("%s: Illegal number: %s", argv[0], argv[1]);
    return special_error(2);
  }
  if (!loop_depth) return 0;
  if (n > loop_depth) n = loop_depth;
  *pending = n;
  return 0;
}

static int bi_break(int argc, char **argv) { return loop_control(argc, argv, &pending_break); }
static int bi_continue(int argc, char **argv) { return loop_control(argc, argv, &pending_continue); }

static int bi_shift(int argc, char **argv) {
  int n = 1;
  if (argc > 1 && number_arg(argv[1], "shift", &n) < 0) return special_error(2);
  if (n > pos_count) {
    sh_error("shift: can't shift that many");
    return special_error(2);
  }
  set_positional(pos_args + n, pos_count - n);
  return 0;
}

static int *option_flag(char c) {
  switch (c) {
  case 'e': return &opt_errexit;
  case 'x': return &opt_xtrace;
  case 'u': return &opt_nounset;
  case 'f': return &opt_noglob;
  case 'v': return &opt_verbose;
  default: return 0;
  }
}

static int set_long_option(const char *name, int on) {
  static const char *const longs[] = {"errexit", "xtrace", "nounset", "noglob", "verbose", 0};
  static const char shorts[] = "exufv";
  int i;
  for (i = 0; longs[i]; i++)
    if (!strcmp(name, longs[i])) {
      *option_flag(shorts[i]) = on;
      return 0;
    }
  sh_error("set: Illegal option -o %s", name);
  return -1;
}

/* Options -e -u -x -f -v (and +), -o NAME, then positional parameters; main's command line uses it too. */
int set_options(int argc, char **argv, int *consumed) {
  int i = 1;
  for (; i < argc; i++) {
    const char *a = argv[i];
    int on;
    const char *p;
    if (!strcmp(a, "--")) {
      i++;
      set_positional(argv + i, argc - i);
      *consumed = argc;
      return 0;
    }
    if ((a[0] != '-' && a[0] != '+') || !a[1]) break;
    on = a[0] == '-';
    for (p = a + 1; *p; p++) {
      int *flag = option_flag(*p);
      if (*p == 'o') {
        if (i + 1 >= argc) { /* set -o: the options, as dash lists them */
          static const char *const longs[] = {"errexit", "noglob", "nounset", "verbose", "xtrace", 0};
          static const char shorts[] = "efuvx";
          int k;
          for (k = 0; longs[k]; k++) printf("%-16s%s\n", longs[k], *option_flag(shorts[k]) ? "on" : "off");
          return 0;
        }
        if (set_long_option(argv[++i], on) < 0) return -1;
        break;
      }
      if (!flag) {
        sh_error("set: Illegal option %c%c", a[0], *p);
        return -1;
      }
      *flag = on;
    }
  }
  if (i < argc) set_positional(argv + i, argc - i);
  *consumed = argc;
  return 0;
}

static int bi_set(int argc, char **argv) {
  int used;
  if (argc == 1) {
    var_print(0, 0);
    return 0;
  }
  if (set_options(argc, argv, &used) < 0) return special_error(2);
  return 0;
}

static int assign_or_flag(int argc, char **argv, int flags, const char *who) {
  int i, status = 0;
  if (argc == 1 || (argc == 2 && !strcmp(argv[1], "-p"))) {
    var_print(flags == V_EXPORT, who);
    return 0;
  }
  for (i = 1; i < argc; i++) {
    char *eq = strchr(argv[i], '=');
    if (!strcmp(argv[i], "-p")) continue;
    if (eq) {
      *eq = 0;
      if (!is_name(argv[i], (int)strlen(argv[i]))) {
        sh_error("%s: %s: bad variable name", who[0] == 'e' ? "export" : "readonly", argv[i]);
        *eq = '=';
        return special_error(2);
      }
      if (var_set(argv[i], eq + 1, flags) < 0) status = 1;
      *eq = '=';
    } else if (!is_name(argv[i], (int)strlen(argv[i]))) {
      sh_error("%s: %s: bad variable name", who[0] == 'e' ? "export" : "readonly", argv[i]);
      return special_error(2);
    } else {
      var_set(argv[i], 0, flags);
    }
  }
  return status;
}

static int bi_export(int argc, char **argv) { return assign_or_flag(argc, argv, V_EXPORT, "export "); }
static int bi_readonly(int argc, char **argv) { return assign_or_flag(argc, argv, V_READONLY, "readonly "); }

static int bi_unset(int argc, char **argv) {
  int i = 1, funcs = 0, status = 0;
  if (i < argc && !strcmp(argv[i], "-f")) { funcs = 1; i++; }
  else if (i < argc && !strcmp(argv[i], "-v")) i++;
  for (; i < argc; i++) {
    if (funcs) func_unset(argv[i]);
    else if (var_unset(argv[i]) < 0) status = special_error(2);
  }
  return status;
}

static int bi_local(int argc, char **argv) {
  int i;
  if (!var_in_function()) {
    sh_error("local: not in a function");
    return 2;
  }
  for (i = 1; i < argc; i++) {
    char *eq = strchr(argv[i], '=');
    if (eq) *eq = 0;
    var_make_local(argv[i]);
    if (eq) {
      var_set(argv[i], eq + 1, 0);
      *eq = '=';
    }
  }
  return 0;
}

static int bi_eval(int argc, char **argv) {
  struct str b = {0, 0, 0};
  int i, status;
  char *text;
  for (i = 1; i < argc; i++) {
    if (i > 1) str_addc(&b, ' ');
    str_adds(&b, argv[i]);
  }
  text = str_take(&b);
  status = run_string(text, 0);
  free(text);
  return status;
}

static int bi_exec(int argc, char **argv) {
  char **env, *path;
  if (argc == 1) {
    exec_builtin_forget = 1;
    return 0;
  }
  fflush(stdout);
  path = strchr(argv[1], '/') ? xstrdup(argv[1]) : path_search(argv[1]);
  if (!path) {
    sh_error("exec: %s: not found", argv[1]);
    sh_exit(127);
  }
  env = var_environ();
  execve(path, argv + 1, env);
  sh_error("exec: %s: %s", argv[1], errno == EACCES ? "Permission denied" : strerror(errno));
  sh_exit(126);
}

/* Reads a whole file into a string (NULL when it cannot be opened). */
static char *read_file(const char *path) {
  int fd = open(path, O_RDONLY);
  struct str b = {0, 0, 0};
  char buf[1024];
  int n;
  if (fd < 0) return 0;
  while ((n = (int)read(fd, buf, sizeof buf)) > 0) str_addn(&b, buf, n);
  close(fd);
  return str_take(&b);
}

static int bi_dot(int argc, char **argv) {
  char *path, *text;
  int status;
  if (argc < 2) return 0;
  path = strchr(argv[1], '/') ? xstrdup(argv[1]) : path_search(argv[1]);
  text = path ? read_file(path) : 0;
  free(path);
  if (!text) {
    sh_error(".: cannot open %s: No such file", argv[1]);
    return special_error(2);
  }
  dot_depth++;
  status = run_string(text, 0);
  dot_depth--;
  if (pending_return) {
    pending_return = 0;
    status = last_status;
  }
  free(text);
  return status;
}

static const char *const special_names[] = {".", ":", "break", "continue", "eval", "exec", "exit", "export",
                                            "readonly", "return", "set", "shift", "trap", "unset", 0};

/* command -v NAME / type NAME: how a name would be run. */
static int describe(const char *name, int verbose) {
  int special;
  char *path;
  static const char *const keywords[] = {"if", "then", "else", "elif", "fi", "while", "until", "for", "do",
                                         "done", "case", "esac", "{", "}", "!", "in", 0};
  int i;
  for (i = 0; keywords[i]; i++)
    if (!strcmp(name, keywords[i])) {
      if (verbose) printf("%s is a shell keyword\n", name);
      else printf("%s\n", name);
      return 0;
    }
  if (func_get(name)) {
    if (verbose) printf("%s is a shell function\n", name);
    else printf("%s\n", name);
    return 0;
  }
  if (builtin_find(name, &special)) {
    if (verbose) printf("%s is a %sshell builtin\n", name, special ? "special " : "");
    else printf("%s\n", name);
    return 0;
  }
  path = strchr(name, '/') ? xstrdup(name) : path_search(name);
  if (path) {
    struct stat st;
    if (stat(path, &st) == 0) {
      if (verbose) printf("%s is %s\n", name, path);
      else printf("%s\n", path);
      free(path);
      return 0;
    }
    free(path);
  }
  if (verbose) printf("%s: not found\n", name);
  return 127;
}

static int bi_type(int argc, char **argv) {
  int i, status = 0;
  for (i = 1; i < argc; i++)
    if (describe(argv[i], 1)) status = 127;
  return status;
}

static int bi_command(int argc, char **argv) {
  int special, pid, ws;
  builtin_fn b;
  if (argc < 2) return 0;
  if (!strcmp(argv[1], "-v") || !strcmp(argv[1], "-V")) {
    int i, status = 0;
    for (i = 2; i < argc; i++)
      if (describe(argv[i], argv[1][1] == 'V')) status = 127;
    return status;
  }
  b = builtin_find(argv[1], &special);
  if (b) return b(argc - 1, argv + 1);
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    char *path = strchr(argv[1], '/') ? xstrdup(argv[1]) : path_search(argv[1]);
    char **env = var_environ();
    if (!path) {
      sh_error("%s: not found", argv[1]);
      _exit(127);
    }
    execve(path, argv + 1, env);
    sh_error("%s: %s", argv[1], strerror(errno));
    _exit(126);
  }
  if (pid < 0) return 2;
  while (waitpid(pid, &ws, 0) < 0 && errno == EINTR) {}
  return wait_status_code(ws);
}

static int bi_help(int argc, char **argv) {
  (void)argc;
  (void)argv;
  printf("Pagoda sh: a POSIX shell.\n");
  printf("Builtins: . : [ bg break cd command continue echo eval exec exit export false fg getopts help\n");
  printf("  jobs kill local printf pwd read readonly return set shift test trap true type unset wait\n");
  printf("Syntax: pipelines, && ||, ; &, ( ) { }, if/while/until/for/case, functions, $(...), $((...)),\n");
  printf("  ${v:-w} and friends, globs * ? [...], here-documents, redirections < > >> <> >& <& 2>&1.\n");
  printf("Job control: Ctrl-Z, jobs, fg, bg, %%N. Programs live in /bin (ls /bin).\n");
  return 0;
}

struct builtin {
  const char *name;
  builtin_fn fn;
};

static const struct builtin table[] = {
  {".", bi_dot}, {":", bi_colon}, {"[", bi_bracket}, {"bg", bi_bg}, {"break", bi_break}, {"cd", bi_cd},
  {"command", bi_command}, {"continue", bi_continue}, {"echo", bi_echo}, {"eval", bi_eval}, {"exec", bi_exec},
  {"exit", bi_exit}, {"export", bi_export}, {"false", bi_false}, {"fg", bi_fg}, {"getopts", bi_getopts}, {"help", bi_help},
  {"jobs", bi_jobs}, {"kill", bi_kill}, {"local", bi_local}, {"printf", bi_printf}, {"pwd", bi_pwd},
  {"read", bi_read}, {"readonly", bi_readonly}, {"return", bi_return}, {"set", bi_set}, {"shift", bi_shift},
  {"test", bi_test}, {"trap", bi_trap}, {"true", bi_colon}, {"type", bi_type}, {"unset", bi_unset},
  {"wait", bi_wait}, {0, 0}};

builtin_fn builtin_find(const char *name, int *special) {
  int i;
  *special = 0;
  for (i = 0; special_names[i]; i++)
    if (!strcmp(name, special_names[i])) *special = 1;
  for (i = 0; table[i].name; i++)
    if (!strcmp(name, table[i].name)) return table[i].fn;
  return 0;
}
