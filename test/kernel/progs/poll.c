#include "rt.h"
/* ppoll_time64 (414) over pipes, /dev/null, a closed fd, the console input, a timeout and a wake-up by a
   child's write. Prints key=value lines; the same binary runs under qemu-riscv32 (Linux) for comparison. */
#define SYS_pipe2 59
#define SYS_clone 220
#define SYS_waitid 95
#define SYS_ppoll_time64 414
#define POLLIN 1
#define POLLOUT 4
#define POLLERR 8
#define POLLHUP 16
#define POLLNVAL 32
#define POLLRDNORM 0x40
#define POLLWRNORM 0x100
struct pollfd { int fd; short events; short revents; };
struct ts { long long sec; long long nsec; };

static long ppoll_(struct pollfd *f, long n, struct ts *t) { return sc6(SYS_ppoll_time64, (long)f, n, (long)t, 0, 0, 8); }
static long long now_ns(void) { struct ts t; sc2(SYS_clock_gettime64, 1, &t); return t.sec * 1000000000LL + t.nsec; }

int main(void) {
  int p[2];
  sc2(SYS_pipe2, p, 0);
  struct ts zero = {0, 0};
  struct pollfd f[4] = {{p[0], POLLIN, 7}, {p[1], POLLOUT, 7}, {-1, POLLIN, 7}, {99, POLLIN, 7}};
  kv("empty_count", ppoll_(f, 4, &zero));
  kv("empty_reader", f[0].revents);
  kv("empty_writer", f[1].revents);
  kv("negative_fd", f[2].revents);
  kv("closed_fd", f[3].revents);
  sc3(SYS_write, p[1], "x", 1);
  f[0].events = POLLIN | POLLOUT;
  kv("data_count", ppoll_(f, 2, &zero));
  kv("data_reader", f[0].revents);
  sc1(SYS_close, p[1]);
  kv("hup_count", ppoll_(f, 1, &zero));
  kv("hup_reader", f[0].revents);
  char c;
  sc3(SYS_read, p[0], &c, 1);
  ppoll_(f, 1, &zero);
  kv("hup_drained", f[0].revents);
  sc1(SYS_close, p[0]);

  sc2(SYS_pipe2, p, 0);
  sc1(SYS_close, p[0]);
  struct pollfd w = {p[1], POLLOUT, 0};
  kv("err_count", ppoll_(&w, 1, &zero));
  kv("err_writer", w.revents);
  sc1(SYS_close, p[1]);

  int nul = sc4(SYS_openat, -100, "/dev/null", 2, 0);
  struct pollfd n = {nul, POLLIN | POLLOUT, 0};
  kv("devnull_count", ppoll_(&n, 1, 0));
  kv("devnull", n.revents);
  sc1(SYS_close, nul);

  struct pollfd in = {0, POLLIN, 0};
  kv("stdin_count", ppoll_(&in, 1, 0));
  kv("stdin", in.revents & (POLLIN | POLLRDNORM));

  sc2(SYS_pipe2, p, 0);
  struct pollfd r = {p[0], POLLIN, 0};
  struct ts t = {0, 50000000};
  long long t0 = now_ns();
  kv("timeout_count", ppoll_(&r, 1, &t));
  kv("timeout_waited", now_ns() - t0 >= 50000000LL);
  kv("timeout_left", t.sec == 0 && t.nsec == 0);
  struct ts bad = {0, 1000000000};
  kv("bad_timeout", ppoll_(&r, 1, &bad));
  kv("bad_sigsetsize", sc6(SYS_ppoll_time64, (long)&r, 1, (long)&zero, (long)&zero, 0, 4));
  kv("bad_fds", ppoll_((struct pollfd *)0, 1, &zero));
  kv("too_many", ppoll_(&r, 1 << 20, &zero));

  long pid = sc6(SYS_clone, 17, 0, 0, 0, 0, 0);
  if (pid == 0) {
    struct ts d = {0, 30000000};
    sc4(SYS_clock_nanosleep_time64, 1, 0, &d, 0);
    sc3(SYS_write, p[1], "wake", 4);
    exit_(0);
  }
  struct ts longer = {5, 0};
  t0 = now_ns();
  kv("woken_count", ppoll_(&r, 1, &longer));
  kv("woken_reader", r.revents);
  kv("woken_early", now_ns() - t0 < 4000000000LL);
  kv("woken_left", longer.sec < 5 && longer.sec >= 4);
  char info[128];
  sc6(SYS_waitid, 0, 0, (long)info, 4, 0, 0);
  return 0;
}
