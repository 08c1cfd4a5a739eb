/* usertests: bad pointers (NULL, the kernel half, the top byte, straddling pages) to every pointer-taking call. */
#include "usertests.h"

static void expect_efault(long r, const char *what) {
  CHECK(r == -EFAULT, "%s returned %ld, not -EFAULT", what, r);
}

void t_bad_pointers(void) {
  void *bad[3];
  int i, fds[2], is_tty;
  int dirfd = open("/", O_RDONLY | O_DIRECTORY), ttyfd = open("/dev/tty", O_RDWR), fd = open("/etc/motd", O_RDONLY);
  CHECK(dirfd >= 0 && ttyfd >= 0 && fd >= 0, "opening /, /dev/tty, /etc/motd");
  {
    char termios[64];
    is_tty = __syscall3(SYS_ioctl, ttyfd, 0x5401, (long)termios) == 0;
  }
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
    /* TCGETS reaches the buffer only on a terminal; started with a pipe or a file as the console
       (pagoda run prog </dev/null) it answers ENOTTY first, as Linux does on a non-tty. */
    if (is_tty)
      expect_efault(__syscall3(SYS_ioctl, ttyfd, 0x5401, (long)p), "ioctl TCGETS");
    else
      CHECK(__syscall3(SYS_ioctl, ttyfd, 0x5401, (long)p) == -ENOTTY, "ioctl TCGETS on a non-terminal");
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
