/* usertests: a battery of kernel tests in the spirit of xv6's usertests, written for Pagoda. Each test runs
 * in its own child process, so a test that crashes fails alone. One line per test; "ALL TESTS PASSED" only
 * when every test passed and every frame used by the tests came back.
 * Usage: usertests [NAME...]   (no names: every test) */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "../libc/arch/riscv32/syscall_arch.h"

#define CHECK(cond, ...)                                   \
  do {                                                     \
    if (!(cond)) {                                         \
      printf("    %s:%d: ", __FILE__, __LINE__);           \
      printf(__VA_ARGS__);                                 \
      printf("\n");                                        \
      fflush(stdout);                                      \
      _exit(1);                                            \
    }                                                      \
  } while (0)

#define SYS_llseek_ 62
#define KERNEL_ADDR ((void *)0xc0000000)
#define BAD_ADDR ((void *)0xffffffff)

/* Runs fn in a child and returns its wait status. */
static int in_child(void (*fn)(void)) {
  int ws = 0;
  int pid;
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    fn();
    fflush(stdout);
    _exit(0);
  }
  if (pid < 0) return -1;
  waitpid(pid, &ws, 0);
  return ws;
}

static long frames_used(void) {
  char buf[1024];
  int fd = open("/proc/meminfo", O_RDONLY), n;
  char *p;
  if (fd < 0) return -1;
  n = (int)read(fd, buf, sizeof buf - 1);
  close(fd);
  buf[n > 0 ? n : 0] = 0;
  p = strstr(buf, "FramesUsed:");
  return p ? atol(p + 11) : -1;
}

/* ---- memory ---- */

static void t_sbrk(void) {
  char *a = sbrk(0), *b, *c;
  int i;
  CHECK(a != (char *)-1, "sbrk(0) failed");
  b = sbrk(4096);
  CHECK(b == a, "sbrk(4096) returned %p, not the old break %p", b, a);
  for (i = 0; i < 4096; i++) b[i] = (char)i;
  CHECK(sbrk(0) == a + 4096, "break did not move by 4096");
  for (i = 0; i < 5000; i++) {
    char *p = sbrk(1);
    CHECK(p == a + 4096 + i, "sbrk(1) #%d returned %p, not contiguous", i, p);
    *p = 1;
  }
  CHECK(sbrk(-(4096 + 5000)) != (char *)-1, "shrinking failed");
  CHECK(sbrk(0) == a, "shrinking did not restore the break");
  c = sbrk(4096);
  CHECK(c == a && c[0] == 0 && c[4095] == 0, "regrown heap is not zeroed");
  errno = 0;
  CHECK(sbrk(0x7ffff000) == (char *)-1 && errno == ENOMEM, "sbrk(2 GiB) was not refused with ENOMEM");
  CHECK(sbrk(0) == a + 4096, "a refused sbrk moved the break");
}

static void t_huge_alloc(void) {
  void *p = malloc(0x80000000u);
  void *m;
  CHECK(p == 0, "malloc(2 GiB) returned %p", p);
  m = mmap(0, 0xb0000000u, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK(m == MAP_FAILED && errno == ENOMEM, "mmap of 2.75 GiB gave %p errno %d", m, errno);
  p = malloc(1 << 20);
  CHECK(p != 0, "malloc(1 MiB) failed after refused huge ones");
  memset(p, 1, 1 << 20);
  free(p);
}

static void oom_child(void) {
  long total = 0;
  for (;;) {
    char *p = malloc(1 << 20);
    int i;
    if (!p) break;
    for (i = 0; i < (1 << 20); i += 4096) p[i] = 1;
    total += 1;
  }
  CHECK(total > 4, "only %ld MiB before malloc failed", total);
}

static void t_oom_recovery(void) {
  int ws = in_child(oom_child), i;
  char *p;
  CHECK((WIFEXITED(ws) && WEXITSTATUS(ws) == 0) || (WIFSIGNALED(ws) && WTERMSIG(ws) == SIGKILL),
        "out-of-memory child ended with status %#x", ws);
  for (i = 0; i < 3; i++) {
    ws = in_child(oom_child);
    CHECK(WIFEXITED(ws) || WTERMSIG(ws) == SIGKILL, "round %d status %#x", i, ws);
  }
  p = malloc(4 << 20);
  CHECK(p != 0, "malloc(4 MiB) failed after the out-of-memory children");
  memset(p, 2, 4 << 20);
  free(p);
}

static void write_text_child(void) {
  volatile unsigned *text = (volatile unsigned *)(void *)&write_text_child;
  *text = 0;
}

static void t_write_text(void) {
  int ws = in_child(write_text_child);
  CHECK(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGSEGV, "store to text: status %#x, not SIGSEGV", ws);
}

static int recurse(int n) {
  volatile char pad[512];
  pad[0] = (char)n;
  return recurse(n + 1) + pad[0];
}

static void stack_child(void) { recurse(0); }

static void t_stack_guard(void) {
  int ws = in_child(stack_child);
  CHECK(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGSEGV, "runaway recursion: status %#x, not SIGSEGV", ws);
}

static void null_child(void) { *(volatile int *)0 = 1; }

static void t_null(void) {
  int ws = in_child(null_child);
  CHECK(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGSEGV, "NULL store: status %#x", ws);
}

/* ---- bad pointers to every pointer-taking system call ---- */

static void expect_efault(long r, const char *what) {
  CHECK(r == -EFAULT, "%s returned %ld, not -EFAULT", what, r);
}

static void t_bad_pointers(void) {
  void *bad[3];
  int i, fds[2];
  int dirfd = open("/", O_RDONLY | O_DIRECTORY), ttyfd = open("/dev/tty", O_RDWR), fd = open("/etc/motd", O_RDONLY);
  CHECK(dirfd >= 0 && ttyfd >= 0 && fd >= 0, "opening /, /dev/tty, /etc/motd");
  bad[0] = 0;
  bad[1] = KERNEL_ADDR;
  bad[2] = BAD_ADDR;
  CHECK(pipe(fds) == 0, "pipe");
  write(fds[1], "x", 1);
  for (i = 0; i < 3; i++) {
    void *p = bad[i];
    expect_efault(__syscall3(SYS_write, 1, (long)p, 10), "write");
    expect_efault(__syscall3(SYS_read, fds[0], (long)p, 10), "read");
    expect_efault(__syscall4(SYS_openat, AT_FDCWD, (long)p, O_RDONLY, 0), "openat");
    expect_efault(__syscall2(SYS_pipe2, (long)p, 0), "pipe2");
    expect_efault(__syscall3(SYS_execve, (long)p, 0, 0), "execve path");
    expect_efault(__syscall2(SYS_getcwd, (long)p, 100), "getcwd");
    expect_efault(__syscall1(SYS_chdir, (long)p), "chdir");
    expect_efault(__syscall3(SYS_mkdirat, AT_FDCWD, (long)p, 0755), "mkdirat");
    expect_efault(__syscall3(SYS_unlinkat, AT_FDCWD, (long)p, 0), "unlinkat");
    expect_efault(__syscall5(SYS_statx, AT_FDCWD, (long)p, 0, 0x7ff, 0), "statx path");
    expect_efault(__syscall1(SYS_uname, (long)p), "uname");
    expect_efault(__syscall2(SYS_clock_gettime64, 0, (long)p), "clock_gettime64");
    expect_efault(__syscall4(SYS_clock_nanosleep_time64, 0, 0, (long)p, 0), "clock_nanosleep");
    expect_efault(__syscall3(SYS_getdents64, dirfd, (long)p, 100), "getdents64");
    expect_efault(__syscall3(SYS_ioctl, ttyfd, 0x5401, (long)p), "ioctl TCGETS");
    expect_efault(__syscall3(SYS_ioctl, ttyfd, 0x5413, (long)p), "ioctl TIOCGWINSZ");
    if (p) expect_efault(__syscall4(SYS_rt_sigaction, SIGUSR1, (long)p, 0, 8), "rt_sigaction act");
    expect_efault(__syscall4(SYS_rt_sigaction, SIGUSR1, 0, (long)(p ? p : BAD_ADDR), 8), "rt_sigaction oldact");
    expect_efault(__syscall5(SYS_llseek_, fd, 0, 0, (long)p, 0), "_llseek result");
    expect_efault(__syscall5(SYS_statx, AT_FDCWD, (long)"/etc/motd", 0, 0x7ff, (long)p), "statx buffer");
    expect_efault(__syscall3(SYS_writev, 1, (long)p, 1), "writev iov");
    expect_efault(__syscall3(SYS_readv, fds[0], (long)p, 1), "readv iov");
    expect_efault(__syscall4(SYS_rt_sigprocmask, 0, (long)(p ? p : BAD_ADDR), 0, 8), "rt_sigprocmask set");
    expect_efault(__syscall4(SYS_rt_sigprocmask, 0, 0, (long)(p ? p : BAD_ADDR), 8), "rt_sigprocmask oldset");
    {
      int pid = fork();
      if (pid == 0) _exit(0);
      expect_efault(__syscall4(SYS_wait4, pid, (long)(p ? p : BAD_ADDR), 0, 0), "wait4 status");
      pid = fork();
      if (pid == 0) _exit(0);
      expect_efault(__syscall5(SYS_waitid, P_PID, pid, (long)(p ? p : BAD_ADDR), WEXITED, 0), "waitid infop");
    }
  }
  {
    char *argv[3];
    argv[0] = "echo";
    argv[1] = BAD_ADDR;
    argv[2] = 0;
    expect_efault(__syscall3(SYS_execve, (long)"/bin/echo", (long)argv, 0), "execve argv string");
    expect_efault(__syscall3(SYS_execve, (long)"/bin/echo", (long)KERNEL_ADDR, 0), "execve argv array");
    expect_efault(__syscall3(SYS_execve, (long)"/bin/echo", 0, (long)KERNEL_ADDR), "execve envp array");
  }
  {
    /* a buffer straddling a mapped and an unmapped page */
    char *m = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED, "mmap");
    munmap(m + 4096, 4096);
    memset(m, 'a', 4096);
    expect_efault(__syscall3(SYS_write, 1, (long)(m + 4000), 200), "write straddling");
    expect_efault(__syscall4(SYS_openat, AT_FDCWD, (long)m, O_RDONLY, 0), "openat with a name running off the page");
  }
}

/* ---- processes ---- */

static int shared_value = 42;

static void cow_child(void) {
  shared_value = 7;
  CHECK(shared_value == 7, "child write lost");
}

static void t_fork_cow(void) {
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

static void t_exit_status(void) {
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

static void t_kill(void) {
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

static void t_orphans(void) {
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

static void t_fork_limit(void) {
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

static void t_exec_args(void) {
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
  write(null_fd, "#!not an elf\n", 13);
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

/* ---- files and pipes ---- */

static void t_pipes(void) {
  int fds[2], pid, ws;
  static char buf[1000];
  long total = 0, sum = 0, expect = 0;
  int i, j;
  CHECK(pipe(fds) == 0, "pipe");
  pid = fork();
  if (pid == 0) {
    close(fds[0]);
    for (i = 0; i < 1000; i++) {
      for (j = 0; j < 1000; j++) buf[j] = (char)(i + j);
      CHECK(write(fds[1], buf, 1000) == 1000, "short pipe write");
    }
    _exit(0);
  }
  close(fds[1]);
  for (i = 0; i < 1000; i++) for (j = 0; j < 1000; j++) expect += (unsigned char)(i + j);
  for (;;) {
    long n = read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    total += n;
    for (j = 0; j < n; j++) sum += (unsigned char)buf[j];
  }
  close(fds[0]);
  waitpid(pid, &ws, 0);
  CHECK(total == 1000000, "read %ld bytes, not 1000000", total);
  CHECK(sum == expect, "checksum %ld, not %ld", sum, expect);
  CHECK(pipe(fds) == 0, "pipe");
  close(fds[0]);
  signal(SIGPIPE, SIG_IGN);
  CHECK(write(fds[1], "x", 1) == -1 && errno == EPIPE, "write with no reader: errno %d, not EPIPE", errno);
  close(fds[1]);
}

static void sigpipe_child(void) {
  int fds[2];
  pipe(fds);
  close(fds[0]);
  write(fds[1], "x", 1);
}

static void t_sigpipe(void) {
  int ws = in_child(sigpipe_child);
  CHECK(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGPIPE, "status %#x, not SIGPIPE", ws);
}

static void t_files(void) {
  char buf[64];
  struct stat st;
  int fd = open("/tmp/ut", O_RDWR | O_CREAT | O_TRUNC, 0644);
  CHECK(fd >= 0, "create /tmp/ut: errno %d", errno);
  CHECK(write(fd, "hello world", 11) == 11, "write");
  CHECK(lseek(fd, 6, SEEK_SET) == 6, "lseek");
  CHECK(read(fd, buf, 64) == 5 && memcmp(buf, "world", 5) == 0, "read after seek");
  CHECK(fstat(fd, &st) == 0 && st.st_size == 11 && S_ISREG(st.st_mode), "fstat");
  close(fd);
  CHECK(open("/tmp/ut", O_CREAT | O_EXCL | O_WRONLY, 0644) == -1 && errno == EEXIST, "O_EXCL");
  fd = open("/tmp/ut", O_WRONLY | O_APPEND);
  write(fd, "!", 1);
  close(fd);
  CHECK(stat("/tmp/ut", &st) == 0 && st.st_size == 12, "O_APPEND size %ld", (long)st.st_size);
  CHECK(mkdir("/tmp/utd", 0755) == 0, "mkdir");
  CHECK(mkdir("/tmp/utd", 0755) == -1 && errno == EEXIST, "mkdir twice");
  fd = open("/tmp/utd/f", O_WRONLY | O_CREAT, 0644);
  close(fd);
  CHECK(rmdir("/tmp/utd") == -1 && errno == ENOTEMPTY, "rmdir of a non-empty directory");
  CHECK(unlink("/tmp/utd/f") == 0 && rmdir("/tmp/utd") == 0, "unlink + rmdir");
  CHECK(unlink("/tmp/ut") == 0, "unlink");
  CHECK(open("/tmp/ut", O_RDONLY) == -1 && errno == ENOENT, "file still there");
  CHECK(open("/bin/sh", O_WRONLY) == -1 && errno == EACCES, "/bin/sh writable");
  CHECK(open("/tmp", O_WRONLY) == -1 && errno == EISDIR, "directory opened for writing");
  CHECK(open("/etc/motd", O_RDONLY | O_DIRECTORY) == -1 && errno == ENOTDIR, "O_DIRECTORY on a file");
  CHECK(chdir("/tmp") == 0 && getcwd(buf, sizeof buf) && strcmp(buf, "/tmp") == 0, "chdir/getcwd");
  CHECK(getcwd(buf, 3) == 0 && errno == ERANGE, "getcwd into 3 bytes");
  CHECK(chdir("/etc/motd") == -1 && errno == ENOTDIR, "chdir to a file");
}

static void t_fds(void) {
  int fd = open("/dev/zero", O_RDONLY), d;
  char c = 1;
  CHECK(fd >= 0, "open /dev/zero");
  d = dup(fd);
  CHECK(d > fd && read(d, &c, 1) == 1 && c == 0, "dup of /dev/zero");
  CHECK(dup2(fd, 50) == 50, "dup2 to 50");
  close(fd);
  close(d);
  CHECK(read(50, &c, 1) == 1, "dup2'd fd after closing the original");
  close(50);
  CHECK(read(50, &c, 1) == -1 && errno == EBADF, "closed fd readable");
  CHECK(close(-1) == -1 && errno == EBADF, "close(-1)");
}

/* ---- signal handlers ---- */

static volatile int caught_sig, caught_count;

static void on_signal(int sig) {
  caught_sig = sig;
  caught_count++;
}

static void t_signals(void) {
  struct sigaction sa;
  int fds[2], pid, ws;
  volatile int a = 11, b = 22;
  char c;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  CHECK(sigaction(SIGUSR1, &sa, 0) == 0, "sigaction");
  CHECK(raise(SIGUSR1) == 0, "raise");
  CHECK(caught_sig == SIGUSR1 && caught_count == 1, "handler not run (sig %d, count %d)", caught_sig, caught_count);
  CHECK(a == 11 && b == 22, "registers not restored after the handler");
  CHECK(sigaction(SIGINT, &sa, 0) == 0, "sigaction SIGINT");
  pipe(fds);
  pid = fork();
  if (pid == 0) {
    long r;
    close(fds[1]);
    r = read(fds[0], &c, 1); /* interrupted by SIGINT */
    _exit(r == -1 && errno == EINTR && caught_sig == SIGINT ? 0 : 1);
  }
  close(fds[0]);
  {
    struct timespec ts;
    ts.tv_sec = 0;
    ts.tv_nsec = 100000000;
    nanosleep(&ts, 0);
  }
  kill(pid, SIGINT);
  waitpid(pid, &ws, 0);
  close(fds[1]);
  CHECK(WIFEXITED(ws) && WEXITSTATUS(ws) == 0, "interrupted read: status %#x", ws);
  caught_sig = 0;
  sa.sa_handler = on_signal;
  sigaction(SIGCHLD, &sa, 0);
  pid = fork();
  if (pid == 0) _exit(0);
  CHECK(waitpid(pid, &ws, 0) == pid, "wait interrupted by SIGCHLD instead of returning the child (errno %d)", errno);
  CHECK(caught_sig == SIGCHLD, "no SIGCHLD handler call when a child ended (sig %d)", caught_sig);
  sa.sa_handler = SIG_DFL;
  sigaction(SIGCHLD, &sa, 0);
  sa.sa_handler = SIG_IGN;
  sigaction(SIGTERM, &sa, 0);
  CHECK(raise(SIGTERM) == 0, "ignored SIGTERM killed the process");
  pid = fork();
  if (pid == 0) {
    for (;;) {}
  }
  kill(pid, SIGKILL);
  waitpid(pid, &ws, 0);
  CHECK(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGKILL, "SIGKILL of a spinning child: %#x", ws);
}

struct test {
  const char *name;
  void (*fn)(void);
};

static struct test tests[] = {
  {"sbrk", t_sbrk},
  {"hugealloc", t_huge_alloc},
  {"badpointers", t_bad_pointers},
  {"forkcow", t_fork_cow},
  {"exitstatus", t_exit_status},
  {"kill", t_kill},
  {"orphans", t_orphans},
  {"forklimit", t_fork_limit},
  {"execargs", t_exec_args},
  {"pipes", t_pipes},
  {"sigpipe", t_sigpipe},
  {"files", t_files},
  {"fds", t_fds},
  {"signals", t_signals},
  {"writetext", t_write_text},
  {"nullptr", t_null},
  {"stackguard", t_stack_guard},
  {"oom", t_oom_recovery},
};

int main(int argc, char **argv) {
  int i, j, failed = 0, ran = 0;
  long before, after;
  int n = (int)(sizeof tests / sizeof tests[0]);
  printf("usertests starting\n");
  before = frames_used();
  for (i = 0; i < n; i++) {
    int ws, wanted = argc < 2;
    for (j = 1; j < argc; j++) if (strcmp(argv[j], tests[i].name) == 0) wanted = 1;
    if (!wanted) continue;
    ran++;
    printf("test %s: ", tests[i].name);
    fflush(stdout);
    ws = in_child(tests[i].fn);
    if (WIFEXITED(ws) && WEXITSTATUS(ws) == 0) {
      printf("OK\n");
    } else {
      failed++;
      if (WIFSIGNALED(ws)) printf("FAILED (killed by signal %d)\n", WTERMSIG(ws));
      else printf("FAILED\n");
    }
  }
  after = frames_used();
  printf("frames used: %ld before, %ld after\n", before, after);
  if (after != before) {
    printf("FAILED: %ld frames not returned\n", after - before);
    failed++;
  }
  if (failed || ran == 0) {
    printf("SOME TESTS FAILED (%d)\n", failed);
    return 1;
  }
  printf("ALL TESTS PASSED\n");
  return 0;
}
