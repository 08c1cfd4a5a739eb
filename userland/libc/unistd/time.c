/* clock_gettime (clock_gettime64), nanosleep (clock_nanosleep_time64), time, sleep, usleep. */
#include <time.h>
#include <unistd.h>
#include <errno.h>
#include "../arch/riscv32/syscall_arch.h"

/* The kernel's 64-bit timespec: 8-byte seconds, then nanoseconds in a 64-bit slot. */
struct ktimespec {
  long long sec;
  long nsec;
  long pad;
};

int clock_gettime(clockid_t clk, struct timespec *ts) {
  struct ktimespec k;
  if (__syscall_ret(__syscall2(SYS_clock_gettime64, clk, (long)&k)) < 0) return -1;
  ts->tv_sec = k.sec;
  ts->tv_nsec = k.nsec;
  return 0;
}

int nanosleep(const struct timespec *req, struct timespec *rem) {
  struct ktimespec k, kr;
  long r;
  k.sec = req->tv_sec;
  k.nsec = req->tv_nsec;
  k.pad = 0;
  r = __syscall4(SYS_clock_nanosleep_time64, CLOCK_REALTIME, 0, (long)&k, (long)&kr);
  if (r == 0) return 0;
  if (r == -EINTR && rem) {
    rem->tv_sec = kr.sec;
    rem->tv_nsec = kr.nsec;
  }
  errno = (int)-r;
  return -1;
}

time_t time(time_t *t) {
  struct timespec ts;
  if (clock_gettime(CLOCK_REALTIME, &ts) < 0) return -1;
  if (t) *t = ts.tv_sec;
  return ts.tv_sec;
}

unsigned sleep(unsigned seconds) {
  struct timespec req, rem;
  req.tv_sec = seconds;
  rem.tv_sec = 0;
  req.tv_nsec = 0;
  if (nanosleep(&req, &rem) < 0) return (unsigned)rem.tv_sec;
  return 0;
}

int usleep(useconds_t usec) {
  struct timespec req;
  req.tv_sec = usec / 1000000;
  req.tv_nsec = (long)(usec % 1000000) * 1000;
  return nanosleep(&req, 0);
}
