/* The system call wrappers: results, errno on failure, and a fork/pipe/wait round trip. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "test.h"

static void test_errors(void) {
  char c;
  errno = 0;
  ASSERT(-1, close(-1));
  ASSERT(EBADF, errno);
  ASSERT(-1, read(12345, &c, 1));
  ASSERT(EBADF, errno);
  ASSERT(-1, open("/no/such/file", O_RDONLY));
  ASSERT(ENOENT, errno);
  ASSERT(0, isatty(-1));
  ASSERT(-1, fcntl(-1, F_GETFD));
  ASSERT(EBADF, errno);
}

static void test_memory(void) {
  char *old = sbrk(0), *p, *q;
  ASSERT(1, old != (char *)-1);
  p = sbrk(8192);
  ASSERT(1, p == old);
  p[0] = 1;
  p[8191] = 2;
  ASSERT(1, sbrk(0) == old + 8192);
  ASSERT(1, sbrk(-8192) == old + 8192);
  ASSERT(1, sbrk(0) == old);
  q = mmap(0, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ASSERT(1, q != MAP_FAILED);
  ASSERT(0, (unsigned long)q & 4095);
  ASSERT(0, q[5000]); /* anonymous memory is zero */
  q[12287] = 7;
  ASSERT(0, munmap(q, 3 * 4096));
  ASSERT(1, mmap(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
  ASSERT(EINVAL, errno);
}

static void test_processes(void) {
  int fds[2], status = -1;
  char buf[16];
  pid_t child;
  ASSERT(1, getpid() > 0);
  ASSERT(1, getuid() == geteuid());
  {
    int fd = dup(1);
    ASSERT(1, fd > 2);
    ASSERT(0, fcntl(fd, F_SETFD, FD_CLOEXEC));
    ASSERT(FD_CLOEXEC, fcntl(fd, F_GETFD));
    ASSERT(0, close(fd));
  }
  ASSERT(0, pipe(fds));
  child = fork();
  if (child == 0) {
    close(fds[0]);
    write(fds[1], "from child", 10);
    _exit(7);
  }
  ASSERT(1, child > 0);
  close(fds[1]);
  ASSERT(10, read(fds[0], buf, sizeof buf));
  ASSERT(0, memcmp(buf, "from child", 10));
  ASSERT(0, read(fds[0], buf, sizeof buf)); /* end of file once the child closed its end */
  ASSERT(child, waitpid(child, &status, 0));
  ASSERT(1, WIFEXITED(status));
  ASSERT(7, WEXITSTATUS(status));
  child = fork();
  if (child == 0) {
    kill(getpid(), SIGTERM);
    _exit(0);
  }
  ASSERT(child, wait(&status));
  ASSERT(1, WIFSIGNALED(status));
  ASSERT(SIGTERM, WTERMSIG(status));
  ASSERT(-1, wait(&status));
  ASSERT(ECHILD, errno);
}

static void test_files_and_time(void) {
  struct stat st;
  struct timespec ts;
  int fd;
  char path[] = "/tmp/pagoda-libc-test";
  fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);
  ASSERT(1, fd >= 0);
  ASSERT(5, write(fd, "12345", 5));
  ASSERT(0, fstat(fd, &st));
  ASSERT(5, st.st_size);
  ASSERT(1, S_ISREG(st.st_mode));
  ASSERT(2, lseek(fd, 2, SEEK_SET));
  ASSERT(0, close(fd));
  ASSERT(0, stat(path, &st));
  ASSERT(5, st.st_size);
  ASSERT(0, unlink(path));
  ASSERT(-1, stat(path, &st));
  ASSERT(ENOENT, errno);
  ASSERT(0, stat("/", &st));
  ASSERT(1, S_ISDIR(st.st_mode));
  ASSERT(0, clock_gettime(CLOCK_MONOTONIC, &ts));
  ASSERT(1, ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
}

int main(void) {
  test_errors();
  test_memory();
  test_processes();
  test_files_and_time();
  return test_summary("syscall_test");
}
