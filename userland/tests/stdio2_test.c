/* The stdio and stdlib additions and the process-level calls: tmpfile/tmpnam/mkstemp/mkdtemp, getdelim,
 * fgetpos/fsetpos, remove, ungetc, setvbuf's three modes (seen through poll on a pipe), popen/pclose,
 * system, dprintf, perror, quick_exit, abort with a handler, the environment, realpath, the strto*
 * rules, div/ldiv/lldiv, termios on a non-terminal and <poll.h>. Expected values are glibc's; the file
 * also builds against the host's glibc and passes there. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "test.h"

/* Whether the read end of a pipe has data now. */
static int readable(int fd) {
  struct pollfd p;
  p.fd = fd;
  p.events = POLLIN;
  p.revents = 0;
  return poll(&p, 1, 0) == 1 && (p.revents & POLLIN);
}

static void drain(int fd) {
  char buf[64];
  while (readable(fd) && read(fd, buf, sizeof buf) > 0) {}
}

/* A stream on a fresh dup of the pipe's write end, with `mode` set before any output (as C requires). */
static FILE *stream(int fd, int mode) {
  FILE *f = fdopen(dup(fd), "w");
  if (mode >= 0) setvbuf(f, 0, mode, 64);
  else setlinebuf(f);
  return f;
}

static void test_buffering(void) {
  int fds[2];
  FILE *f;
  ASSERT(0, pipe(fds));
  f = stream(fds[1], _IOFBF);
  fputs("abc\n", f);
  ASSERT(0, readable(fds[0])); /* full buffering holds even a newline */
  fflush(f);
  ASSERT(1, readable(fds[0]));
  drain(fds[0]);
  fclose(f);
  f = stream(fds[1], _IOLBF);
  fputs("abc", f);
  ASSERT(0, readable(fds[0]));
  fputs("\n", f);
  ASSERT(1, readable(fds[0])); /* line buffering writes at the newline */
  drain(fds[0]);
  fclose(f);
  f = stream(fds[1], _IONBF);
  fputc('x', f);
  ASSERT(1, readable(fds[0])); /* unbuffered: at once */
  drain(fds[0]);
  fclose(f);
  f = stream(fds[1], -1);
  fputs("y", f);
  ASSERT(0, readable(fds[0]));
  fputs("\n", f);
  ASSERT(1, readable(fds[0]));
  drain(fds[0]);
  fputs("z", f);
  fclose(f);
  ASSERT(1, readable(fds[0]));
  f = fdopen(fds[1], "w");
  ASSERT(fds[1], fileno(f));
  fclose(f);
  close(fds[0]);
}

static void test_files(void) {
  char name[] = "/tmp/stdio2-XXXXXX", dir[] = "/tmp/stdio2d-XXXXXX", bad[] = "/tmp/noXs";
  char *line = 0, tn[L_tmpnam];
  size_t cap = 0;
  fpos_t pos;
  struct stat st;
  FILE *f = tmpfile();
  int fd;
  ASSERT(1, f != 0);
  fputs("first:second\nthird", f);
  rewind(f);
  ASSERT(6, getdelim(&line, &cap, ':', f));
  ASSERT_STR("first:", line);
  ASSERT(0, fgetpos(f, &pos));
  ASSERT(7, getline(&line, &cap, f));
  ASSERT_STR("second\n", line);
  ASSERT(5, getline(&line, &cap, f));
  ASSERT_STR("third", line);
  ASSERT(-1, getline(&line, &cap, f));
  ASSERT(1, feof(f) != 0);
  ASSERT(0, fsetpos(f, &pos));
  ASSERT(0, feof(f));
  ASSERT(6, ftello(f));
  ASSERT('s', fgetc(f));
  ASSERT('Q', ungetc('Q', f));
  ASSERT('Q', fgetc(f));
  ASSERT('e', fgetc(f));
  ASSERT(0, fseeko(f, -2, SEEK_END));
  ASSERT('r', fgetc(f));
  fclose(f);
  free(line);
  ASSERT(1, tmpnam(tn) == tn);
  ASSERT(0, strncmp(tn, "/tmp/", 5));
  ASSERT(-1, stat(tn, &st));
  fd = mkstemp(name);
  ASSERT(1, fd >= 0);
  ASSERT(0, strncmp(name, "/tmp/stdio2-", 12));
  ASSERT(1, strchr(name, 'X') == 0 || strcmp(name + 12, "XXXXXX") != 0);
  ASSERT(0, fstat(fd, &st));
  ASSERT(0600, st.st_mode & 0777);
  close(fd);
  errno = 0;
  ASSERT(-1, mkstemp(bad));
  ASSERT(EINVAL, errno);
  ASSERT(1, mkdtemp(dir) == dir);
  ASSERT(0, stat(dir, &st));
  ASSERT(1, S_ISDIR(st.st_mode));
  ASSERT(0, remove(name));
  ASSERT(-1, stat(name, &st));
  ASSERT(0, remove(dir)); /* a directory goes with rmdir */
  ASSERT(-1, stat(dir, &st));
  errno = 0;
  ASSERT(-1, remove(dir));
  ASSERT(ENOENT, errno);
  f = fopen("/tmp/stdio2-a", "w");
  fputs("moved", f);
  fclose(f);
  ASSERT(0, rename("/tmp/stdio2-a", "/tmp/stdio2-b"));
  ASSERT(-1, stat("/tmp/stdio2-a", &st));
  f = fopen("/tmp/stdio2-b", "r");
  ASSERT('m', fgetc(f));
  fclose(f);
  remove("/tmp/stdio2-b");
}

static void test_processes(void) {
  char buf[64];
  FILE *p = popen("echo hello from sh; echo second", "r");
  int status, fds[2];
  pid_t pid;
  ASSERT(1, p != 0);
  ASSERT_STR("hello from sh\n", fgets(buf, sizeof buf, p));
  ASSERT_STR("second\n", fgets(buf, sizeof buf, p));
  ASSERT(1, fgets(buf, sizeof buf, p) == 0);
  ASSERT(0, pclose(p));
  p = popen("exit 3", "r");
  status = pclose(p);
  ASSERT(1, WIFEXITED(status));
  ASSERT(3, WEXITSTATUS(status));
  p = popen("cat > /tmp/stdio2-w", "w");
  fputs("through the pipe\n", p);
  ASSERT(0, pclose(p));
  p = fopen("/tmp/stdio2-w", "r");
  ASSERT_STR("through the pipe\n", fgets(buf, sizeof buf, p));
  fclose(p);
  remove("/tmp/stdio2-w");
  errno = 0;
  ASSERT(1, popen("true", "x") == 0);
  ASSERT(EINVAL, errno);
  ASSERT(1, system(0) != 0);
  status = system("exit 7");
  ASSERT(1, WIFEXITED(status));
  ASSERT(7, WEXITSTATUS(status));
  ASSERT(0, system("true"));

  /* dprintf and perror, read back through a pipe */
  ASSERT(0, pipe(fds));
  ASSERT(7, dprintf(fds[1], "n=%d %s", 42, "ok"));
  ASSERT(7, read(fds[0], buf, sizeof buf));
  ASSERT(0, memcmp(buf, "n=42 ok", 7));
  {
    int saved = dup(2);
    dup2(fds[1], 2);
    errno = ENOENT;
    perror("ctx");
    errno = EACCES;
    perror(0);
    dup2(saved, 2);
    close(saved);
  }
  memset(buf, 0, sizeof buf);
  ASSERT(49, read(fds[0], buf, sizeof buf));
  ASSERT_STR("ctx: No such file or directory\nPermission denied\n", buf);

  /* _exit does not flush stdio */
  pid = fork();
  if (pid == 0) {
    close(fds[0]);
    dup2(fds[1], 1);
    printf("unflushed");
    _exit(9);
  }
  waitpid(pid, &status, 0);
  ASSERT(9, WEXITSTATUS(status));
  ASSERT(0, readable(fds[0]));
  close(fds[0]);
  close(fds[1]);
}

static int quick_fd;
static void quick_handler(void) { write(quick_fd, "Q", 1); }
static void late_handler(void) { write(quick_fd, "L", 1); }
static int abort_fd;
static void on_abort(int sig) { write(abort_fd, sig == SIGABRT ? "A" : "?", 1); }

static void test_exits(void) {
  int fds[2], status;
  char buf[8];
  pid_t pid;
  ASSERT(0, pipe(fds));
  pid = fork();
  if (pid == 0) {
    quick_fd = fds[1];
    atexit(late_handler);
    at_quick_exit(quick_handler);
    at_quick_exit(late_handler);
    printf("never flushed");
    quick_exit(5);
  }
  waitpid(pid, &status, 0);
  ASSERT(5, WEXITSTATUS(status));
  ASSERT(2, read(fds[0], buf, sizeof buf));
  ASSERT(0, memcmp(buf, "LQ", 2)); /* newest first; atexit's handler did not run */
  pid = fork();
  if (pid == 0) {
    abort_fd = fds[1];
    signal(SIGABRT, on_abort);
    abort();
  }
  waitpid(pid, &status, 0);
  ASSERT(1, WIFSIGNALED(status));
  ASSERT(SIGABRT, WTERMSIG(status));
  ASSERT(1, read(fds[0], buf, sizeof buf));
  ASSERT('A', buf[0]); /* the handler ran, and abort still ended the process */
  pid = fork();
  if (pid == 0) _Exit(300);
  waitpid(pid, &status, 0);
  ASSERT(44, WEXITSTATUS(status));
  close(fds[0]);
  close(fds[1]);
}

static void test_environment(void) {
  static char entry[] = "PUT_VAR=one";
  char resolved[4096], *r; /* PATH_MAX */
  ASSERT(0, setenv("S_VAR", "a", 1));
  ASSERT(0, setenv("S_VAR", "b", 0));
  ASSERT_STR("a", getenv("S_VAR"));
  ASSERT(0, putenv(entry));
  ASSERT_STR("one", getenv("PUT_VAR"));
  entry[8] = 'X'; /* putenv keeps the caller's string itself */
  ASSERT_STR("Xne", getenv("PUT_VAR"));
  ASSERT(0, unsetenv("PUT_VAR"));
  ASSERT(1, getenv("PUT_VAR") == 0);
  ASSERT(1, getenv("S_VA") == 0);
  ASSERT(1, getenv("S_VAR=") == 0);
  errno = 0;
  ASSERT(-1, setenv("A=B", "x", 1));
  ASSERT(EINVAL, errno);
  ASSERT(-1, setenv("", "x", 1));
  ASSERT(0, clearenv());
  ASSERT(1, getenv("S_VAR") == 0);
  ASSERT(0, setenv("AFTER", "clear", 1));
  ASSERT_STR("clear", getenv("AFTER"));
  ASSERT_STR("/", realpath("/", resolved));
  ASSERT_STR("/tmp", realpath("/tmp/../tmp/./", resolved));
  ASSERT_STR("/", realpath("/..", resolved));
  ASSERT_STR("/etc/passwd", realpath("//etc///passwd", resolved));
  r = realpath("/etc/../etc", 0);
  ASSERT_STR("/etc", r);
  free(r);
  chdir("/etc");
  ASSERT_STR("/etc/passwd", realpath("passwd", resolved));
  ASSERT_STR("/", realpath("..", resolved));
  errno = 0;
  ASSERT(1, realpath("/no/such/thing", resolved) == 0);
  ASSERT(ENOENT, errno);
  errno = 0;
  ASSERT(1, realpath("/etc/passwd/x", resolved) == 0);
  ASSERT(ENOTDIR, errno);
  chdir("/");
}

static void test_numbers(void) {
  char *end;
  div_t d = div(-7, 2);
  ldiv_t ld = ldiv(7, -2);
  lldiv_t lld = lldiv(-9000000000LL, 7);
  ASSERT(-3, d.quot);
  ASSERT(-1, d.rem);
  ASSERT(-3, ld.quot);
  ASSERT(1, ld.rem);
  ASSERT(-1285714285LL, lld.quot);
  ASSERT(-5, lld.rem);
  ASSERT(9000000000LL, llabs(-9000000000LL));
  errno = 0;
  ASSERT(1, strtoull("-1", 0, 10) == ULLONG_MAX);
  ASSERT(0, errno);
  ASSERT(1, strtoull("18446744073709551616", &end, 10) == ULLONG_MAX);
  ASSERT(ERANGE, errno);
  ASSERT(0, *end);
  errno = 0;
  ASSERT(LLONG_MIN, strtoll("-9223372036854775809", 0, 10));
  ASSERT(ERANGE, errno);
  errno = 0;
  ASSERT(LLONG_MIN, strtoll("-9223372036854775808", 0, 10));
  ASSERT(0, errno);
  ASSERT(0x7fffffffffffffffLL, strtoll("0x7FFFFFFFFFFFFFFF", 0, 16));
  ASSERT(-0x10, strtoll("  -0x10", 0, 0));
  ASSERT(0, strtoll("0x", &end, 0));
  ASSERT('x', *end);
  ASSERT(35, strtoull("z", 0, 36));
  ASSERT(0, strtoull("z", &end, 35));
  ASSERT('z', *end);
  errno = 0;
  ASSERT(0, strtoul("1", &end, 1));
  ASSERT(EINVAL, errno);
  errno = 0;
  ASSERT(0, strtoll("12", 0, 37));
  ASSERT(EINVAL, errno);
  errno = 0;
  ASSERT(LONG_MAX, strtol("2147483648", 0, 10) > 2147483647L ? LONG_MAX : LONG_MAX);
  ASSERT(0xffffffffUL == ULONG_MAX ? 1 : 0, strtoul("-1", 0, 0) == 0xffffffffUL);
}

static void test_terminal_and_poll(void) {
  struct termios t;
  int fds[2];
  struct pollfd p[3];
  ASSERT(0, pipe(fds));
  errno = 0;
  ASSERT(-1, tcgetattr(fds[0], &t));
  ASSERT(ENOTTY, errno);
  ASSERT(0, isatty(fds[0]));
  memset(&t, 0xff, sizeof t);
  cfmakeraw(&t);
  ASSERT(0, t.c_lflag & (ECHO | ICANON | ISIG | IEXTEN | ECHONL));
  ASSERT(0, t.c_oflag & OPOST);
  ASSERT(0, t.c_iflag & (ICRNL | IXON | ISTRIP | INLCR | IGNCR | BRKINT | PARMRK | IGNBRK));
  ASSERT(CS8, t.c_cflag & CSIZE);
  ASSERT(0, t.c_cflag & PARENB);
  ASSERT(1, t.c_cc[VMIN]);
  ASSERT(0, t.c_cc[VTIME]);
  ASSERT(0, cfsetospeed(&t, B9600));
  ASSERT(B9600, cfgetospeed(&t));
  ASSERT(0, cfsetispeed(&t, B115200));
  ASSERT(B115200, cfgetispeed(&t));
  errno = 0;
  ASSERT(-1, cfsetospeed(&t, 9600));
  ASSERT(EINVAL, errno);
  errno = 0;
  ASSERT(-1, tcsetattr(fds[0], 99, &t));
  ASSERT(EINVAL, errno);
  p[0].fd = fds[0];
  p[0].events = POLLIN;
  p[1].fd = fds[1];
  p[1].events = POLLOUT;
  p[2].fd = -1;
  p[2].events = POLLIN;
  ASSERT(1, poll(p, 3, 0));
  ASSERT(0, p[0].revents);
  ASSERT(POLLOUT, p[1].revents);
  ASSERT(0, p[2].revents);
  write(fds[1], "z", 1);
  close(fds[1]);
  ASSERT(1, poll(p, 1, 1000));
  ASSERT(POLLIN | POLLHUP, p[0].revents);
  close(fds[0]);
  p[0].fd = fds[0];
  ASSERT(1, poll(p, 1, 0));
  ASSERT(POLLNVAL, p[0].revents);
  ASSERT(0, poll(0, 0, 10)); /* no fds: a 10 ms sleep */
}

int main(void) {
  test_buffering();
  test_files();
  test_processes();
  test_exits();
  test_environment();
  test_numbers();
  test_terminal_and_poll();
  return test_summary("stdio2_test");
}
