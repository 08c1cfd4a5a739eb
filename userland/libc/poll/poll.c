/* poll, ppoll over ppoll_time64, whose timeout is the kernel's 16-byte timespec. */
#include <poll.h>
#include "../arch/riscv32/syscall_arch.h"

struct ktimespec {
  long long sec;
  long long nsec;
};

int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout, const sigset_t *sigmask) {
  struct ktimespec k;
  if (timeout) {
    k.sec = timeout->tv_sec;
    k.nsec = timeout->tv_nsec;
  }
  return (int)__syscall_ret(__syscall5(SYS_ppoll_time64, (long)fds, (long)nfds, timeout ? (long)&k : 0,
                                       (long)sigmask, 8));
}

int poll(struct pollfd *fds, nfds_t nfds, int timeout) {
  struct timespec ts;
  if (timeout < 0) return ppoll(fds, nfds, 0, 0);
  ts.tv_sec = timeout / 1000;
  ts.tv_nsec = (long)(timeout % 1000) * 1000000;
  return ppoll(fds, nfds, &ts, 0);
}
