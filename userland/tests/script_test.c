/* execve of "#!" scripts: the interpreter's argv (interpreter, its one optional argument, the script path as
 * execve got it, then argv[1..]), blanks around the name and the argument, scripts naming scripts and the
 * depth at which that stops (ELOOP), the 256-byte limit on the line, and the errors (EACCES, ENOENT, ENOEXEC).
 * The interpreter is this program itself (argv[0] must be its path): started with SCRIPT_TEST_ECHO in its
 * environment it prints its argv as [a][b]... and exits. Every expected value is Linux's: this file also builds
 * against the host's glibc and must pass there. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

static char self[256], dir[64], out[4096];

/* Writes a file `name` (in dir) holding `text`, with mode `mode`. */
static void put(const char *name, const char *text, int mode) {
  char path[512];
  int fd;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) printf("cannot write %s\n", path);
  close(fd);
  chmod(path, mode);
}

/* Runs `path` with `argv` and the echo environment; returns what it printed, or "errno N" when execve
 * failed. */
static const char *run(const char *path, char *const argv[]) {
  char *envp[] = {"SCRIPT_TEST_ECHO=1", 0};
  int fds[2], ws;
  size_t n = 0;
  ssize_t got;
  pid_t pid;
  fflush(stdout);
  if (pipe(fds) < 0) return "pipe failed";
  pid = fork();
  if (pid == 0) {
    char msg[32];
    dup2(fds[1], 1);
    close(fds[0]);
    close(fds[1]);
    execve(path, argv, envp);
    snprintf(msg, sizeof msg, "errno %d", errno);
    write(1, msg, strlen(msg));
    _exit(127);
  }
  close(fds[1]);
  while (n < sizeof out - 1 && (got = read(fds[0], out + n, sizeof out - 1 - n)) > 0) n += (size_t)got;
  out[n] = 0;
  close(fds[0]);
  waitpid(pid, &ws, 0);
  return out;
}

static char expected[4096];
/* "[a][b]..." for the NULL-terminated list of strings. */
static const char *brackets(const char *first, ...) {
  va_list ap;
  const char *s;
  size_t n = 0;
  va_start(ap, first);
  for (s = first; s; s = va_arg(ap, const char *)) n += (size_t)snprintf(expected + n, sizeof expected - n, "[%s]", s);
  va_end(ap);
  return expected;
}

int main(int argc, char **argv) {
  char path[512], line[1024], errtext[32];
  int i;
  if (getenv("SCRIPT_TEST_ECHO")) {
    for (i = 0; i < argc; i++) printf("[%s]", argv[i]);
    return 0;
  }
  snprintf(self, sizeof self, "%s", argv[0]);
  snprintf(dir, sizeof dir, "/tmp/script_test.%d", (int)getpid());
  if (mkdir(dir, 0755) < 0 || chdir(dir) < 0) {
    printf("cannot make %s\n", dir);
    return 1;
  }

  /* the plain form: interpreter, script path as given, the arguments after argv[0] */
  snprintf(line, sizeof line, "#!%s\necho not run\n", self);
  put("s1", line, 0755);
  {
    char *a[] = {"zero", "a", "b", 0};
    ASSERT_STR(brackets(self, "s1", "a", "b", (char *)0), run("s1", a));
    ASSERT_STR(brackets(self, "./s1", "a", "b", (char *)0), run("./s1", a));
  }
  /* blanks: skipped before the name, the argument runs to the end of the line with inner blanks kept */
  snprintf(line, sizeof line, "#!  %s   one  two \t \n", self);
  put("s2", line, 0755);
  {
    char *a[] = {"zero", "x", 0};
    snprintf(path, sizeof path, "%s/s2", dir);
    ASSERT_STR(brackets(self, "one  two", path, "x", (char *)0), run(path, a));
  }
  snprintf(line, sizeof line, "#!%s\targ", self); /* a tab separates; no newline at all */
  put("s3", line, 0755);
  {
    char *a[] = {"zero", 0};
    ASSERT_STR(brackets(self, "arg", "s3", (char *)0), run("s3", a));
  }
  /* an empty argv: the script path still comes after the interpreter */
  {
    char *a[] = {0};
    ASSERT_STR(brackets(self, "s1", (char *)0), run("s1", a));
  }

  /* a script as interpreter: each level adds its own interpreter in front */
  snprintf(line, sizeof line, "#!%s/s1 opt\n", dir);
  put("s4", line, 0755);
  {
    char *a[] = {"zero", "q", 0};
    char s1[512];
    snprintf(s1, sizeof s1, "%s/s1", dir);
    ASSERT_STR(brackets(self, s1, "opt", "s4", "q", (char *)0), run("s4", a));
  }
  /* a chain of scripts: c0 names this program, c<i> names c<i-1>; five levels of scripts run, six do not */
  snprintf(line, sizeof line, "#!%s\n", self);
  put("c0", line, 0755);
  for (i = 1; i <= 5; i++) {
    char name[8];
    snprintf(name, sizeof name, "c%d", i);
    snprintf(line, sizeof line, "#!%s/c%d\n", dir, i - 1);
    put(name, line, 0755);
  }
  {
    char *a[] = {"zero", 0};
    char c[6][512];
    for (i = 0; i < 5; i++) snprintf(c[i], sizeof c[i], "%s/c%d", dir, i);
    ASSERT_STR(brackets(self, c[0], c[1], c[2], c[3], "c4", (char *)0), run("c4", a));
    snprintf(errtext, sizeof errtext, "errno %d", ELOOP);
    ASSERT_STR(errtext, run("c5", a));
  }

  /* the line is read from the first 256 bytes: a longer argument is cut at byte 255 */
  {
    char *a[] = {"zero", 0};
    char arg[400];
    size_t head = 2 + strlen(self) + 1, keep = 255 - head;
    memset(arg, 'a', 300);
    arg[300] = 0;
    snprintf(line, sizeof line, "#!%s %s\n", self, arg);
    put("long", line, 0755);
    arg[keep] = 0;
    ASSERT_STR(brackets(self, arg, "long", (char *)0), run("long", a));
    /* an interpreter's path that does not end within the 256 bytes: ENOEXEC */
    snprintf(line, sizeof line, "#!%.*s%s\n", 260, "////////////////////////////////////////////////////////////////////"
             "////////////////////////////////////////////////////////////////////////////////////////////////"
             "////////////////////////////////////////////////////////////////////////////////////////////////", self);
    put("longname", line, 0755);
    snprintf(errtext, sizeof errtext, "errno %d", ENOEXEC);
    ASSERT_STR(errtext, run("longname", a));
  }

  /* errors */
  {
    char *a[] = {"zero", 0};
    snprintf(line, sizeof line, "#!%s\n", self);
    put("noexec", line, 0644);
    snprintf(errtext, sizeof errtext, "errno %d", EACCES);
    ASSERT_STR(errtext, run("noexec", a)); /* the script needs an execute bit */
    put("nointerp", "#!/no/such/interpreter\n", 0755);
    snprintf(errtext, sizeof errtext, "errno %d", ENOENT);
    ASSERT_STR(errtext, run("nointerp", a));
    snprintf(line, sizeof line, "#!%s\r\n", self); /* a CR is part of the name */
    put("crlf", line, 0755);
    ASSERT_STR(errtext, run("crlf", a));
    put("empty", "#!\n", 0755);
    snprintf(errtext, sizeof errtext, "errno %d", ENOEXEC);
    ASSERT_STR(errtext, run("empty", a));
    put("blank", "#!   \t \n", 0755);
    ASSERT_STR(errtext, run("blank", a));
    put("text", "echo this is no program\n", 0755);
    ASSERT_STR(errtext, run("text", a));
    put("dirinterp", "#!/tmp\n", 0755);
    snprintf(errtext, sizeof errtext, "errno %d", EACCES);
    ASSERT_STR(errtext, run("dirinterp", a));
    snprintf(line, sizeof line, "#!%s/noexec\n", dir); /* an interpreter without an execute bit */
    put("viaNoexec", line, 0755);
    ASSERT_STR(errtext, run("viaNoexec", a));
  }

  {
    const char *names[] = {"s1", "s2", "s3", "s4", "c0", "c1", "c2", "c3", "c4", "c5", "long", "longname", "noexec",
                           "nointerp", "crlf", "empty", "blank", "text", "dirinterp", "viaNoexec"};
    for (i = 0; i < (int)(sizeof names / sizeof names[0]); i++) unlink(names[i]);
  }
  chdir("/");
  ASSERT(0, rmdir(dir));
  return test_summary("script_test");
}
