/* Runs each conformance script under /bin/sh inside Pagoda, as the test runs it under dash on the host:
 * for every NAME given, the script is copied from /host/scripts to /tmp/scripts (ramfs, where chmod and #!
 * work as on Linux), and run as `/bin/sh ../../scripts/NAME.sh` in a fresh directory /tmp/work/NAME, with
 * stdout and stderr in /host/out/NAME.out and NAME.err and the exit status in NAME.status. One boot runs all. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int open_out(const char *name, const char *ext) {
  char path[256];
  snprintf(path, sizeof path, "/host/out/%s.%s", name, ext);
  return open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
}

/* Copies /host/scripts/NAME.sh to /tmp/scripts/NAME.sh. */
static void copy_script(const char *name) {
  char from[256], to[256], buf[4096];
  int in, out, n;
  snprintf(from, sizeof from, "/host/scripts/%s.sh", name);
  snprintf(to, sizeof to, "/tmp/scripts/%s.sh", name);
  in = open(from, O_RDONLY);
  out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  while (in >= 0 && out >= 0 && (n = (int)read(in, buf, sizeof buf)) > 0) write(out, buf, n);
  close(in);
  close(out);
}

int main(int argc, char **argv) {
  int i;
  mkdir("/host/out", 0755);
  mkdir("/tmp/scripts", 0755);
  mkdir("/tmp/work", 0755);
  for (i = 1; i < argc; i++) {
    char dir[256], script[256], status[32];
    int pid, ws = 0, fd;
    copy_script(argv[i]);
    snprintf(dir, sizeof dir, "/tmp/work/%s", argv[i]);
    mkdir(dir, 0755);
    snprintf(script, sizeof script, "../../scripts/%s.sh", argv[i]);
    pid = fork();
    if (pid == 0) {
      int out = open_out(argv[i], "out"), err = open_out(argv[i], "err");
      int in = open("/dev/null", O_RDONLY);
      char *args[] = {"sh", script, 0};
      chdir(dir);
      dup2(in, 0);
      dup2(out, 1);
      dup2(err, 2);
      close(in);
      close(out);
      close(err);
      execv("/bin/sh", args);
      _exit(127);
    }
    waitpid(pid, &ws, 0);
    fd = open_out(argv[i], "status");
    snprintf(status, sizeof status, "%d\n", WIFSIGNALED(ws) ? 128 + WTERMSIG(ws) : WEXITSTATUS(ws));
    write(fd, status, strlen(status));
    close(fd);
  }
  return 0;
}
