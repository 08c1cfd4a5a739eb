/* usertests: pipes under load, SIGPIPE, ramfs files and directories, file descriptors. */
#include "usertests.h"

void t_pipes(void) {
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

void t_sigpipe(void) {
  int ws = in_child(sigpipe_child);
  CHECK(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGPIPE, "status %#x, not SIGPIPE", ws);
}

void t_files(void) {
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

void t_fds(void) {
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
