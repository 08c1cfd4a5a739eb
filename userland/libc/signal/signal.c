/* kill, raise, sigaction (rt_sigaction with an 8-byte mask), signal, sigprocmask, sigset helpers. */
#include <signal.h>
#include <unistd.h>
#include <errno.h>
#include "../arch/riscv32/syscall_arch.h"

int kill(pid_t pid, int sig) {
  return (int)__syscall_ret(__syscall2(SYS_kill, pid, sig));
}

int raise(int sig) {
  return kill(getpid(), sig);
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old) {
  return (int)__syscall_ret(__syscall4(SYS_rt_sigaction, sig, (long)act, (long)old, 8));
}

sighandler_t signal(int sig, sighandler_t handler) {
  struct sigaction sa, old;
  sa.sa_handler = handler;
  sa.sa_flags = SA_RESTART;
  sa.sa_mask.bits[0] = sa.sa_mask.bits[1] = 0;
  if (sigaction(sig, &sa, &old) < 0) return SIG_ERR;
  return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old) {
  return (int)__syscall_ret(__syscall4(SYS_rt_sigprocmask, how, (long)set, (long)old, 8));
}

int sigemptyset(sigset_t *set) {
  set->bits[0] = set->bits[1] = 0;
  return 0;
}

int sigfillset(sigset_t *set) {
  set->bits[0] = set->bits[1] = ~0UL;
  return 0;
}

static int bad_signal(int sig) {
  if (sig < 1 || sig >= NSIG) {
    errno = EINVAL;
    return 1;
  }
  return 0;
}

int sigaddset(sigset_t *set, int sig) {
  if (bad_signal(sig)) return -1;
  set->bits[(sig - 1) / 32] |= 1UL << ((sig - 1) % 32);
  return 0;
}

int sigdelset(sigset_t *set, int sig) {
  if (bad_signal(sig)) return -1;
  set->bits[(sig - 1) / 32] &= ~(1UL << ((sig - 1) % 32));
  return 0;
}

int sigismember(const sigset_t *set, int sig) {
  if (bad_signal(sig)) return -1;
  return (set->bits[(sig - 1) / 32] >> ((sig - 1) % 32)) & 1;
}
