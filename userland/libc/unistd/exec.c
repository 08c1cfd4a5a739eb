/* execve, execv (current environment), execvp (searches PATH when file has no '/'). */
#include <unistd.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include "../arch/riscv32/syscall_arch.h"

int execve(const char *path, char *const argv[], char *const envp[]) {
  return (int)__syscall_ret(__syscall3(SYS_execve, (long)path, (long)argv, (long)envp));
}

int execv(const char *path, char *const argv[]) {
  return execve(path, argv, environ);
}

int execvp(const char *file, char *const argv[]) {
  const char *path;
  char buf[512];
  int saw_eacces = 0;
  if (!*file) {
    errno = ENOENT;
    return -1;
  }
  if (strchr(file, '/')) return execve(file, argv, environ);
  path = getenv("PATH");
  if (!path) path = "/bin:/usr/bin";
  while (*path) {
    size_t dirlen = strcspn(path, ":");
    size_t flen = strlen(file);
    if (dirlen + flen + 2 <= sizeof buf) {
      memcpy(buf, path, dirlen);
      buf[dirlen] = '/';
      memcpy(buf + dirlen + 1, file, flen + 1);
      execve(dirlen ? buf : file, argv, environ);
      if (errno == EACCES) saw_eacces = 1;
    }
    path += dirlen;
    if (*path == ':') path++;
  }
  errno = saw_eacces ? EACCES : ENOENT;
  return -1;
}
