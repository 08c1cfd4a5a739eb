/* File modes and names, as root sees them: umask, the modes of new files and directories, chmod/fchmod/
 * fchmodat, hard links (link, linkat, st_nlink, shared inode), rename's replace rules, an unlinked file kept
 * while open, and execve's EACCES (no execute bit, a directory) and ENOEXEC (no ELF and no "#!"). Every
 * expected value is Linux's: this file also builds against the host's glibc and runs under qemu-riscv32, and
 * must pass there. It works in /tmp/fsmodes_test.PID and removes it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "test.h"

static int mode_of(const char *path) {
  struct stat st;
  return stat(path, &st) < 0 ? -errno : (int)(st.st_mode & 07777);
}

static long nlink_of(const char *path) {
  struct stat st;
  return stat(path, &st) < 0 ? -errno : (long)st.st_nlink;
}

static void make(const char *path, const char *text, int mode) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
  if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) printf("cannot write %s\n", path);
  close(fd);
}

static int exec_errno(const char *path) {
  char *argv[] = {(char *)path, 0};
  char *envp[] = {0};
  errno = 0;
  execve(path, argv, envp);
  return errno;
}

int main(void) {
  char dir[64], buf[64];
  struct stat st, st2;
  int fd;
  snprintf(dir, sizeof dir, "/tmp/fsmodes_test.%d", (int)getpid());
  ASSERT(0, mkdir(dir, 0755));
  ASSERT(0, chdir(dir));

  /* umask: returns the old mask; limits the modes of new files and directories */
  umask(022);
  ASSERT(022, umask(077));
  ASSERT(077, umask(022));
  make("f", "data", 0666);
  ASSERT(0644, mode_of("f"));
  ASSERT(0, mkdir("d", 0777));
  ASSERT(0755, mode_of("d"));
  umask(027);
  make("g", "", 0666);
  ASSERT(0640, mode_of("g"));
  umask(022);

  /* chmod and friends set all of 07777 (root may set set-user-id) */
  ASSERT(0, chmod("f", 0755));
  ASSERT(0755, mode_of("f"));
  ASSERT(0, chmod("f", 04711));
  ASSERT(04711, mode_of("f"));
  ASSERT(0, chmod("f", 0));
  ASSERT(0, mode_of("f"));
  ASSERT(0, chmod("d", 01777));
  ASSERT(01777, mode_of("d"));
  ASSERT(0, stat("d", &st));
  ASSERT(1, S_ISDIR(st.st_mode));
  ASSERT(0, fchmodat(AT_FDCWD, "f", 0600, 0));
  ASSERT(0600, mode_of("f"));
  fd = open("f", O_RDONLY);
  ASSERT(0, fchmod(fd, 0640));
  close(fd);
  ASSERT(0640, mode_of("f"));
  ASSERT(-1, chmod("missing", 0644));
  ASSERT(ENOENT, errno);
  ASSERT(-1, chmod("f/x", 0644));
  ASSERT(ENOTDIR, errno);
  /* root reads and writes a file whatever its mode */
  ASSERT(0, chmod("f", 0));
  fd = open("f", O_RDWR);
  ASSERT(1, fd >= 0);
  ASSERT(4, read(fd, buf, sizeof buf));
  close(fd);
  ASSERT(0, chmod("f", 0644));

  /* hard links: one inode, two names, st_nlink counts them */
  ASSERT(1, nlink_of("f"));
  ASSERT(0, link("f", "h"));
  ASSERT(2, nlink_of("f"));
  ASSERT(2, nlink_of("h"));
  ASSERT(0, stat("f", &st));
  ASSERT(0, stat("h", &st2));
  ASSERT(1, st.st_ino == st2.st_ino);
  ASSERT(0, chmod("h", 0600)); /* one inode: one mode */
  ASSERT(0600, mode_of("f"));
  ASSERT(-1, link("f", "h"));
  ASSERT(EEXIST, errno);
  ASSERT(-1, link("d", "dlink"));
  ASSERT(EPERM, errno);
  ASSERT(-1, link("missing", "x"));
  ASSERT(ENOENT, errno);
  ASSERT(0, linkat(AT_FDCWD, "f", AT_FDCWD, "d/inner", 0));
  ASSERT(3, nlink_of("h"));
  ASSERT(0, unlink("d/inner"));
  ASSERT(0, unlink("f"));
  ASSERT(1, nlink_of("h"));
  fd = open("h", O_RDONLY);
  ASSERT(4, read(fd, buf, sizeof buf));
  close(fd);

  /* rename: the replace rules */
  ASSERT(0, mkdir("e", 0755));
  make("e/x", "", 0644);
  ASSERT(-1, rename("d", "h"));
  ASSERT(ENOTDIR, errno);
  ASSERT(-1, rename("h", "d"));
  ASSERT(EISDIR, errno);
  ASSERT(-1, rename("d", "e"));
  ASSERT(1, errno == ENOTEMPTY || errno == EEXIST);
  ASSERT(-1, rename("d", "d/sub"));
  ASSERT(EINVAL, errno);
  ASSERT(-1, rename("missing", "x"));
  ASSERT(ENOENT, errno);
  ASSERT(0, rename("h", "h"));
  ASSERT(0, link("h", "h2"));
  ASSERT(0, rename("h", "h2")); /* two names of one file: nothing happens, both stay */
  ASSERT(2, nlink_of("h"));
  ASSERT(2, nlink_of("h2"));
  ASSERT(0, unlink("h2"));
  ASSERT(0, mkdir("empty", 0755));
  ASSERT(0, rename("d", "empty")); /* a directory replaces an empty one */
  ASSERT(-ENOENT, mode_of("d"));
  ASSERT(0, renameat(AT_FDCWD, "g", AT_FDCWD, "empty/g"));
  make("other", "x", 0644);
  ASSERT(0, rename("other", "empty/g")); /* a file replaces a file */
  ASSERT(0, stat("empty/g", &st));
  ASSERT(1, (long)st.st_size);

  /* an unlinked file lives on while open */
  make("u", "hello", 0644);
  fd = open("u", O_RDWR);
  ASSERT(0, unlink("u"));
  ASSERT(0, fstat(fd, &st));
  ASSERT(0, (long)st.st_nlink);
  ASSERT(5, read(fd, buf, sizeof buf));
  ASSERT(3, write(fd, "!!!", 3));
  ASSERT(0, (int)lseek(fd, 0, SEEK_SET));
  ASSERT(8, read(fd, buf, sizeof buf));
  ASSERT(0, memcmp(buf, "hello!!!", 8));
  close(fd);
  ASSERT(-ENOENT, mode_of("u"));

  /* execve: some execute bit needed, even for root; a text file without "#!" is no program */
  make("plain", "no program here\n", 0644);
  ASSERT(EACCES, exec_errno("plain"));
  ASSERT(EACCES, exec_errno("e"));
  ASSERT(0, chmod("plain", 0755));
  ASSERT(ENOEXEC, exec_errno("plain"));
  ASSERT(0, chmod("plain", 0010)); /* a group execute bit is enough for root */
  ASSERT(ENOEXEC, exec_errno("plain"));

  unlink("plain");
  unlink("h");
  unlink("e/x");
  unlink("empty/g");
  rmdir("e");
  rmdir("empty");
  ASSERT(0, chdir("/"));
  ASSERT(0, rmdir(dir));
  return test_summary("fsmodes_test");
}
