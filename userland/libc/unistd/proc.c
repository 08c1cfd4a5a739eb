/* getpid, getppid, fork (clone with SIGCHLD only), uname, getuid/geteuid/getgid/getegid. */
#include <unistd.h>
#include <sys/utsname.h>
#include "../arch/riscv32/syscall_arch.h"

pid_t getpid(void) {
  return (pid_t)__syscall0(SYS_getpid);
}

pid_t getppid(void) {
  return (pid_t)__syscall0(SYS_getppid);
}

pid_t fork(void) {
  /* clone(flags = SIGCHLD, stack = 0, ptid, tls, ctid): plain fork semantics. */
  return (pid_t)__syscall_ret(__syscall5(SYS_clone, 17, 0, 0, 0, 0));
}

int uname(struct utsname *u) {
  return (int)__syscall_ret(__syscall1(SYS_uname, (long)u));
}

uid_t getuid(void) {
  return (uid_t)__syscall0(SYS_getuid);
}

uid_t geteuid(void) {
  return (uid_t)__syscall0(SYS_geteuid);
}

gid_t getgid(void) {
  return (gid_t)__syscall0(SYS_getgid);
}

gid_t getegid(void) {
  return (gid_t)__syscall0(SYS_getegid);
}
