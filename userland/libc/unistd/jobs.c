/* Process groups, sessions and the terminal's foreground group: setpgid, getpgid, getpgrp, setpgrp, setsid,
 * getsid, tcgetpgrp, tcsetpgrp, killpg. */
#include <unistd.h>
#include <signal.h>
#include <errno.h>
#include <sys/ioctl.h>
#include "../arch/riscv32/syscall_arch.h"

int setpgid(pid_t pid, pid_t pgid) {
  return (int)__syscall_ret(__syscall2(SYS_setpgid, pid, pgid));
}

pid_t getpgid(pid_t pid) {
  return (pid_t)__syscall_ret(__syscall1(SYS_getpgid, pid));
}

pid_t getpgrp(void) {
  return (pid_t)__syscall1(SYS_getpgid, 0);
}

int setpgrp(void) {
  return setpgid(0, 0);
}

pid_t setsid(void) {
  return (pid_t)__syscall_ret(__syscall0(SYS_setsid));
}

pid_t getsid(pid_t pid) {
  return (pid_t)__syscall_ret(__syscall1(SYS_getsid, pid));
}

pid_t tcgetpgrp(int fd) {
  int pgrp;
  if (__syscall_ret(__syscall3(SYS_ioctl, fd, TIOCGPGRP, (long)&pgrp)) < 0) return -1;
  return pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp) {
  int v = pgrp;
  return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, TIOCSPGRP, (long)&v));
}

int killpg(pid_t pgrp, int sig) {
  if (pgrp < 0) {
    errno = EINVAL;
    return -1;
  }
  return (int)__syscall_ret(__syscall2(SYS_kill, -pgrp, sig));
}
