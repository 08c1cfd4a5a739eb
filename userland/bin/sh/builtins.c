/* sh: the builtins cd, exit, export, unset, pwd, help. */
#include "sh.h"

static void print_help(void) {
  printf("Pagoda sh builtins: cd [DIR], exit [N], export NAME=VALUE, unset NAME, pwd, help\n");
  printf("Syntax: a | b, a ; b, a && b, a || b, a &, < file, > file, >> file, 2> file, 2>&1, >&2, $VAR, $?, $!,\n");
  printf("  'single quotes', \"double quotes\", \\ escapes\n");
  printf("Programs in /bin: ls cat echo wc grep head tail mkdir rm touch ps kill sleep free pmap chunks\n");
  printf("  hexdump env true false uname stty yes spin mapdemo usertests\n");
}

/* Runs argv as a builtin when it is one; returns 1 if it was (status in last_status). */
int run_builtin(struct command *c) {
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
