/* usertests: fork (copy-on-write), exit status, kill, orphans, the process limit, exec arguments and errors. */
#include "usertests.h"

static int shared_value = 42;

static void cow_child(void) {
  shared_value = 7;
  CHECK(shared_value == 7, "child write lost");
}

void t_fork_cow(void) {
  char *heap = malloc(100000);
  int ws, pid;
  memset(heap, 'p', 100000);
  ws = in_child(cow_child);
  CHECK(WIFEXITED(ws) && WEXITSTATUS(ws) == 0, "child failed");
  CHECK(shared_value == 42, "child's write reached the parent (%d)", shared_value);
  pid = fork();
  if (pid == 0) {
    memset(heap, 'c', 100000);
    _exit(heap[99999] == 'c' ? 0 : 1);
  }
  waitpid(pid, &ws, 0);
  CHECK(WIFEXITED(ws) && WEXITSTATUS(ws) == 0, "child heap write failed");
  CHECK(heap[0] == 'p' && heap[99999] == 'p', "child's heap write reached the parent");
  free(heap);
}

void t_exit_status(void) {
  int code;
  for (code = 0; code < 256; code += 51) {
    int ws, pid = fork();
    if (pid == 0) _exit(code);
    CHECK(waitpid(pid, &ws, 0) == pid, "waitpid");
    CHECK(WIFEXITED(ws) && WEXITSTATUS(ws) == code, "exit(%d) came back as %#x", code, ws);
  }
  CHECK(waitpid(-1, 0, 0) == -1 && errno == ECHILD, "wait with no children did not give ECHILD");
  {
    int ws, pid = fork();
    if (pid == 0) _exit(3);
    CHECK(wait4(pid, &ws, 0, 0) == pid && WEXITSTATUS(ws) == 3, "wait4 status %#x", ws);
  }
}

void t_kill(void) {
  int sigs[3];
  int i;
  sigs[0] = SIGKILL;
  sigs[1] = SIGTERM;
  sigs[2] = SIGINT;
  for (i = 0; i < 3; i++) {
    int ws, fds[2], pid;
    char c;
    pipe(fds);
    pid = fork();
    if (pid == 0) {
      close(fds[1]);
      read(fds[0], &c, 1); /* sleeps until killed */
      _exit(0);
    }
    close(fds[0]);
    CHECK(kill(pid, sigs[i]) == 0, "kill");
    CHECK(waitpid(pid, &ws, 0) == pid, "waitpid");
    CHECK(WIFSIGNALED(ws) && WTERMSIG(ws) == sigs[i], "signal %d: status %#x", sigs[i], ws);
    close(fds[1]);
  }
  CHECK(kill(99999, SIGTERM) == -1 && errno == ESRCH, "kill of no process did not give ESRCH");
}

void t_orphans(void) {
  int fds[2], pid, ws;
  int ppid = 0;
  pipe(fds);
  pid = fork();
  if (pid == 0) {
    if (fork() == 0) {
      struct timespec ts;
      ts.tv_sec = 0;
      ts.tv_nsec = 50000000;
      while (getppid() != 1) nanosleep(&ts, 0);
      ppid = getppid();
      write(fds[1], &ppid, sizeof ppid);
      _exit(0);
    }
    _exit(0);
  }
  close(fds[1]);
  waitpid(pid, &ws, 0);
  CHECK(read(fds[0], &ppid, sizeof ppid) == sizeof ppid, "grandchild did not report");
  CHECK(ppid == 1, "orphan's parent is %d, not init", ppid);
  close(fds[0]);
}

void t_fork_limit(void) {
  int fds[2], n = 0, i, ws;
  int pids[128];
  CHECK(pipe(fds) == 0, "pipe");
  for (;;) {
    int pid = fork();
    if (pid == 0) {
      char c;
      close(fds[1]);
      read(fds[0], &c, 1);
      _exit(0);
    }
    if (pid < 0) {
      CHECK(errno == EAGAIN || errno == ENOMEM, "fork failed with errno %d", errno);
      break;
    }
    CHECK(n < 128, "fork never hit a limit");
    pids[n++] = pid;
  }
  CHECK(n > 10, "only %d forks before the limit", n);
  close(fds[1]);
  close(fds[0]);
  for (i = 0; i < n; i++) CHECK(waitpid(pids[i], &ws, 0) == pids[i], "waitpid %d", pids[i]);
  for (i = 0; i < 5; i++) {
    int pid = fork();
    if (pid == 0) _exit(0);
    CHECK(pid > 0, "fork after recovery failed");
    waitpid(pid, &ws, 0);
  }
}

void t_exec_args(void) {
  static char big[1000];
  char *argv[102];
  int i, ws, pid, null_fd;
  memset(big, 'x', sizeof big - 1);
  argv[0] = "/bin/true";
  for (i = 1; i <= 100; i++) argv[i] = big;
  argv[101] = 0;
  pid = fork();
  if (pid == 0) {
    execv("/bin/true", argv);
    _exit(99);
  }
  waitpid(pid, &ws, 0);
  CHECK(WIFEXITED(ws) && WEXITSTATUS(ws) == 0, "exec with 100 x 1000-byte args: status %#x", ws);
  {
    static char *many[400];
    for (i = 0; i < 399; i++) many[i] = big;
    many[399] = 0;
    CHECK(execv("/bin/true", many) == -1 && errno == E2BIG, "400 KB of arguments: errno %d, not E2BIG", errno);
  }
  CHECK(execv("/no/such/program", argv) == -1 && errno == ENOENT, "missing program: errno %d", errno);
  CHECK(execv("/etc/motd", argv) == -1 && errno == EACCES, "exec of a text file: errno %d", errno);
  null_fd = open("/tmp/notelf", O_WRONLY | O_CREAT | O_TRUNC, 0755);
  write(null_fd, "not an elf\n", 11); /* no "#!": a "#!" line would name an interpreter (ENOENT here) */
  close(null_fd);
  CHECK(execv("/tmp/notelf", argv) == -1 && errno == ENOEXEC, "exec of a non-ELF: errno %d", errno);
  unlink("/tmp/notelf");
  pid = fork();
  if (pid == 0) {
    char *e[3];
    e[0] = "/bin/echo";
    e[1] = "exec-ok";
    e[2] = 0;
    null_fd = open("/dev/null", O_WRONLY);
    dup2(null_fd, 1);
    execv("/bin/echo", e);
    _exit(98);
  }
  waitpid(pid, &ws, 0);
  CHECK(WIFEXITED(ws) && WEXITSTATUS(ws) == 0, "echo: status %#x", ws);
}
