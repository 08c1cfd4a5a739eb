/* Runs each conformance script under /bin/sh inside Pagoda, as the test runs it under dash on the host:
 * for every NAME given, in a fresh directory work/NAME, `/bin/sh ../../scripts/NAME.sh` with stdout and
 * stderr in out/NAME.out and out/NAME.err and the exit status in out/NAME.status. One boot runs them all. */
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

int main(int argc, char **argv) {
  int i;
  mkdir("/host/out", 0755);
  mkdir("/host/work", 0755);
  for (i = 1; i < argc; i++) {
    char dir[256], script[256], status[32];
    int pid, ws = 0, fd;
    snprintf(dir, sizeof dir, "/host/work/%s", argv[i]);
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
