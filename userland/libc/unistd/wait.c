/* waitpid and wait through waitid (shared by Linux and Pagoda); wait4 is Pagoda's call 260. */
#include <sys/wait.h>
#include <errno.h>
#include "../arch/riscv32/syscall_arch.h"

/* The kernel's siginfo_t for SIGCHLD: signo, errno, code, then pid, uid, status (128 bytes). */
struct child_info {
  int si_signo, si_errno, si_code;
  int si_pid, si_uid, si_status;
  int pad[26];
};

#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_STOPPED 5
#define CLD_CONTINUED 6

static int status_word(const struct child_info *ci) {
  switch (ci->si_code) {
  case CLD_EXITED: return (ci->si_status & 0xff) << 8;
  case CLD_KILLED: return ci->si_status & 0x7f;
  case CLD_DUMPED: return (ci->si_status & 0x7f) | 0x80;
  case CLD_STOPPED: return ((ci->si_status & 0xff) << 8) | 0x7f;
  case CLD_CONTINUED: return 0xffff;
  default: return 0;
  }
}

pid_t waitpid(pid_t pid, int *status, int options) {
  struct child_info ci;
  int idtype = pid == -1 ? P_ALL : P_PID;
  int i;
  long r;
  if (pid == 0 || pid < -1) {
    /* a process group: 0 is the caller's (waitid's P_PGID with id 0, as Linux takes it) */
    idtype = P_PGID;
    pid = pid == 0 ? 0 : -pid;
  }
  for (i = 0; i < (int)(sizeof ci / sizeof(int)); i++) ((int *)&ci)[i] = 0;
  /* WUNTRACED is waitid's WSTOPPED (both 2) */
  r = __syscall5(SYS_waitid, idtype, idtype == P_ALL ? 0 : pid, (long)&ci,
                 WEXITED | (options & (WNOHANG | WUNTRACED | WCONTINUED)), 0);
  if (__syscall_ret(r) < 0) return -1;
  if (ci.si_pid == 0) return 0; /* WNOHANG and nothing to report */
  if (status) *status = status_word(&ci);
  return ci.si_pid;
}

pid_t wait(int *status) {
  return waitpid(-1, status, 0);
}

pid_t wait4(pid_t pid, int *status, int options, void *rusage) {
  return (pid_t)__syscall_ret(__syscall4(SYS_wait4, pid, (long)status, options, (long)rusage));
}
