/* grind [seconds] [seed]: a stress test in the spirit of xv6's grind. Several worker processes run random
   operations until the time is up — fork/exec/exit/kill/wait, pipes, sbrk up and down, mmap/munmap/mprotect,
   file create/write/read/rename/unlink, mkdir/chdir/rmdir, signals, copy-on-write — and check every result. The
   parent also kills and restarts workers at random. A worker that sees a wrong result prints it and exits 1;
   grind then fails. At the end: every child reaped, no file left in /tmp, the operation count and rate.
   The kernel's auditor (--audit) checks the kernel side after every exit. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WORKERS 4
#define PAGE 4096

static unsigned rng_state;
static unsigned rnd(void) {
  unsigned x = rng_state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return rng_state = x;
}

/* Milliseconds on the monotonic clock (pagoda cc has no floating point). */
static unsigned long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (unsigned long)ts.tv_sec * 1000 + (unsigned long)(ts.tv_nsec / 1000000);
}

static int worker_id;
/* The message may name errno: it is kept across the first printf (which may set it). */
#define CHECK(cond, ...) do { if (!(cond)) { int saved_errno_ = errno; \
    printf("grind: worker %d (pid %d): FAILED at line %d: ", worker_id, getpid(), __LINE__); \
    errno = saved_errno_; printf(__VA_ARGS__); printf("\n"); fflush(stdout); _exit(1); } } while (0)

/* fork; the child exits with a chosen code; the parent sees it. */
static void op_fork_exit(void) {
  int code = rnd() & 0x7f, st = 0, pid = fork();
  if (pid == 0) _exit(code);
  CHECK(pid > 0 || errno == EAGAIN || errno == ENOMEM, "fork: %d errno %d", pid, errno);
  if (pid < 0) return;
  CHECK(waitpid(pid, &st, 0) == pid, "waitpid %d", pid);
  CHECK(WIFEXITED(st) && WEXITSTATUS(st) == code, "child status %#x, wanted exit %d", st, code);
}

/* fork + exec /bin/true or /bin/false. */
static void op_exec(void) {
  int want = rnd() & 1, st = 0, pid = fork();
  if (pid == 0) {
    char *argv[2];
    argv[0] = want ? "false" : "true";
    argv[1] = 0;
    execv(want ? "/bin/false" : "/bin/true", argv);
    _exit(99);
  }
  if (pid < 0) return;
  CHECK(waitpid(pid, &st, 0) == pid, "waitpid exec");
  CHECK(WIFEXITED(st) && WEXITSTATUS(st) == want, "exec %s: status %#x", want ? "false" : "true", st);
}

/* a child that spins or sleeps is killed; wait reports the signal. */
static void op_kill(void) {
  int st = 0, sig = (rnd() & 1) ? SIGKILL : SIGTERM, pid = fork();
  if (pid == 0) {
    if (rnd() & 1) for (;;) {}
    for (;;) usleep(1000);
  }
  if (pid < 0) return;
  if (rnd() & 1) usleep(rnd() % 2000);
  CHECK(kill(pid, sig) == 0, "kill %d", pid);
  CHECK(waitpid(pid, &st, 0) == pid, "waitpid killed");
  CHECK(WIFSIGNALED(st) && WTERMSIG(st) == sig, "killed child status %#x, wanted signal %d", st, sig);
}

/* a child writes a pattern through a pipe; the parent reads and checks it all, then sees EOF. */
static void op_pipe(void) {
  int fds[2], st, pid, n = 1 + rnd() % 20000, got = 0, r;
  unsigned char seed = rnd(), buf[512];
  CHECK(pipe(fds) == 0, "pipe: errno %d", errno);
  pid = fork();
  if (pid == 0) {
    int i, k;
    close(fds[0]);
    for (i = 0; i < n; i += k) {
      k = n - i < (int)sizeof buf ? n - i : (int)sizeof buf;
      for (int j = 0; j < k; j++) buf[j] = (unsigned char)(seed + i + j);
      if (write(fds[1], buf, k) != k) _exit(3);
    }
    _exit(0);
  }
  close(fds[1]);
  if (pid < 0) { close(fds[0]); return; }
  while ((r = read(fds[0], buf, sizeof buf)) > 0) {
    for (int j = 0; j < r; j++) CHECK(buf[j] == (unsigned char)(seed + got + j), "pipe byte %d", got + j);
    got += r;
  }
  close(fds[0]);
  CHECK(r == 0 && got == n, "pipe: read %d of %d bytes (last %d)", got, n, r);
  CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0, "pipe writer status %#x", st);
}

/* sbrk up, fill, check, sbrk back down. */
static void op_sbrk(void) {
  int pages = 1 + rnd() % 64;
  char *p = sbrk(pages * PAGE), *q;
  if (p == (char *)-1) { CHECK(errno == ENOMEM, "sbrk errno %d", errno); return; }
  for (int i = 0; i < pages; i++) p[i * PAGE] = (char)(i + 1), p[i * PAGE + PAGE - 1] = (char)i;
  for (int i = 0; i < pages; i++) CHECK(p[i * PAGE] == (char)(i + 1) && p[i * PAGE + PAGE - 1] == (char)i, "sbrk page %d", i);
  q = sbrk(-pages * PAGE);
  CHECK(q == p + pages * PAGE, "sbrk down returned %p, wanted %p", (void *)q, (void *)(p + pages * PAGE));
  CHECK(sbrk(0) == p, "break not back");
}

/* mmap, fill, mprotect read-only (and a child checks a store faults), munmap part then all. */
static void op_mmap(void) {
  int pages = 1 + rnd() % 32, st;
  char *m = mmap(0, pages * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) { CHECK(errno == ENOMEM, "mmap errno %d", errno); return; }
  for (int i = 0; i < pages; i++) {
    CHECK(m[i * PAGE] == 0, "fresh mmap page %d not zero", i);
    m[i * PAGE] = (char)(i ^ 0x5a);
  }
  CHECK(mprotect(m, pages * PAGE, PROT_READ) == 0, "mprotect");
  for (int i = 0; i < pages; i++) CHECK(m[i * PAGE] == (char)(i ^ 0x5a), "mmap page %d", i);
  if ((rnd() & 7) == 0) {
    int pid = fork();
    if (pid == 0) { m[0] = 1; _exit(0); }
    if (pid > 0) {
      CHECK(waitpid(pid, &st, 0) == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "store to read-only: %#x", st);
    }
  }
  CHECK(mprotect(m, PAGE, PROT_READ | PROT_WRITE) == 0, "mprotect back");
  m[0] = 7;
  if (pages > 2) CHECK(munmap(m + PAGE, PAGE) == 0, "munmap middle");
  CHECK(munmap(m, pages * PAGE) == 0, "munmap");
}

/* copy-on-write: a child scribbles on the parent's data; the parent's stays. */
static void op_cow(void) {
  static char data[3 * PAGE];
  int st, pid;
  unsigned char v = rnd();
  memset(data, v, sizeof data);
  pid = fork();
  if (pid == 0) {
    memset(data, v + 1, sizeof data);
    for (unsigned i = 0; i < sizeof data; i++) if (data[i] != (char)(v + 1)) _exit(2);
    _exit(0);
  }
  if (pid < 0) return;
  CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0, "cow child %#x", st);
  for (unsigned i = 0; i < sizeof data; i++) CHECK(data[i] == (char)v, "cow: parent byte %u changed", i);
}

/* a file in /tmp: create, write, reopen, read back, unlink; gone afterwards. */
static void op_file(void) {
  char name[48], buf[600];
  int n = rnd() % sizeof buf, fd, r;
  unsigned char seed = rnd();
  snprintf(name, sizeof name, "/tmp/grind.%d.%u", getpid(), rnd() % 4);
  fd = open(name, O_CREAT | O_TRUNC | O_WRONLY, 0644);
  if (fd < 0) { CHECK(errno == ENOSPC || errno == EMFILE, "create %s errno %d", name, errno); return; }
  for (int i = 0; i < n; i++) buf[i] = (char)(seed + i);
  r = write(fd, buf, n);
  CHECK(r == n || (r < 0 && errno == ENOSPC), "write %s: %d of %d", name, r, n);
  close(fd);
  fd = open(name, O_RDONLY);
  CHECK(fd >= 0, "reopen %s errno %d", name, errno);
  CHECK(write(fd, "x", 1) == -1 && errno == EBADF, "write to a read-only fd");
  memset(buf, 0, sizeof buf);
  if (r == n) {
    CHECK(read(fd, buf, sizeof buf) == n, "read back %s", name);
    for (int i = 0; i < n; i++) CHECK(buf[i] == (char)(seed + i), "file byte %d", i);
  }
  close(fd);
  CHECK(unlink(name) == 0, "unlink %s errno %d", name, errno);
  CHECK(open(name, O_RDONLY) < 0 && errno == ENOENT, "%s still there after unlink", name);
}

/* rename: a file moves to a new name with its contents; the old name is gone; a second rename replaces. */
static void op_rename(void) {
  char a[48], b[48], buf[8];
  int fd;
  snprintf(a, sizeof a, "/tmp/grind.r%d.a", getpid());
  snprintf(b, sizeof b, "/tmp/grind.r%d.b", getpid());
  fd = open(a, O_CREAT | O_TRUNC | O_WRONLY, 0644);
  if (fd < 0) { CHECK(errno == ENOSPC || errno == EMFILE, "create %s errno %d", a, errno); return; }
  CHECK(write(fd, "abc", 3) == 3 || errno == ENOSPC, "write %s", a);
  close(fd);
  CHECK(rename(a, b) == 0, "rename %s %s errno %d", a, b, errno);
  CHECK(open(a, O_RDONLY) < 0 && errno == ENOENT, "%s still there after rename", a);
  fd = open(b, O_RDONLY);
  CHECK(fd >= 0, "open %s after rename errno %d", b, errno);
  CHECK(read(fd, buf, sizeof buf) <= 3, "read %s", b);
  close(fd);
  fd = open(a, O_CREAT | O_WRONLY, 0644);
  if (fd >= 0) {
    close(fd);
    CHECK(rename(a, b) == 0, "rename over %s errno %d", b, errno);
  }
  CHECK(unlink(b) == 0, "unlink %s errno %d", b, errno);
}

/* mkdir, chdir in, getcwd, a relative file, chdir out, rmdir. */
static void op_dirs(void) {
  char dir[48], cwd[64];
  int fd;
  snprintf(dir, sizeof dir, "/tmp/grind.d%d", getpid());
  if (mkdir(dir, 0755) != 0) { CHECK(errno == EEXIST || errno == ENOSPC, "mkdir %s errno %d", dir, errno); return; }
  CHECK(chdir(dir) == 0, "chdir %s", dir);
  CHECK(getcwd(cwd, sizeof cwd) && strcmp(cwd, dir) == 0, "getcwd %s, wanted %s", cwd, dir);
  fd = open("f", O_CREAT | O_WRONLY, 0644);
  CHECK(fd >= 0, "relative create errno %d", errno);
  close(fd);
  CHECK(rmdir(dir) < 0, "rmdir of a non-empty directory succeeded");
  CHECK(unlink("f") == 0, "unlink f");
  CHECK(chdir("/") == 0, "chdir /");
  CHECK(rmdir(dir) == 0, "rmdir %s errno %d", dir, errno);
}

static volatile int caught;
static void on_usr1(int sig) { caught += sig == SIGUSR1; }

/* a caught signal, from ourselves and from a child; an ignored one. */
static void op_signal(void) {
  int before = caught, st, pid;
  signal(SIGUSR1, on_usr1);
  CHECK(kill(getpid(), SIGUSR1) == 0, "kill self");
  CHECK(caught == before + 1, "handler ran %d times, not once", caught - before);
  pid = fork();
  if (pid == 0) { kill(getppid(), SIGUSR1); _exit(0); }
  if (pid < 0) return;
  CHECK(waitpid(pid, &st, 0) == pid, "waitpid signaller");
  CHECK(caught == before + 2, "handler ran %d times, not twice", caught - before);
  signal(SIGUSR1, SIG_IGN);
  CHECK(kill(getpid(), SIGUSR1) == 0 && caught == before + 2, "ignored signal was caught");
}

/* open/dup/close churn: fds come back lowest first. */
static void op_fds(void) {
  int a = open("/dev/null", O_RDWR), b, c;
  CHECK(a >= 0, "open /dev/null");
  b = dup(a);
  c = dup(b);
  CHECK(b > a && c > b, "dup order %d %d %d", a, b, c);
  CHECK(write(c, "x", 1) == 1, "write dup");
  close(b);
  CHECK(dup(a) == b, "lowest fd reused");
  close(a), close(b), close(c);
}

static void (*const ops[])(void) = {
  op_fork_exit, op_exec, op_kill, op_pipe, op_sbrk, op_mmap, op_cow, op_file, op_rename, op_dirs, op_signal, op_fds,
};
#define NOPS (sizeof ops / sizeof ops[0])

/* A worker: random operations until `until`; reports its count on `out` and exits 0. */
static void worker(int id, unsigned seed, unsigned long until, int out) {
  unsigned count = 0;
  worker_id = id;
  rng_state = seed * 2654435761u + id * 40503u + 1;
  while (now_ms() < until) {
    ops[rnd() % NOPS]();
    count++;
    if ((rnd() % 4096) == 0) break;           /* an early, voluntary exit now and then */
  }
  CHECK(write(out, &count, sizeof count) == sizeof count, "report");
  _exit(0);
}

/* Removes what killed workers left in /tmp. */
static void sweep_tmp(void) {
  DIR *d = opendir("/tmp");
  struct dirent *e;
  char path[300];
  if (!d) return;
  while ((e = readdir(d)) != 0) {
    if (strncmp(e->d_name, "grind.", 6) != 0) continue;
    snprintf(path, sizeof path, "/tmp/%s", e->d_name);
    if (unlink(path) != 0) {
      char f[320];
      snprintf(f, sizeof f, "%s/f", path);
      unlink(f);
      rmdir(path);
    }
  }
  closedir(d);
}

int main(int argc, char **argv) {
  unsigned long seconds = argc > 1 ? strtoul(argv[1], 0, 10) : 10, start = now_ms(), until = start + seconds * 1000;
  unsigned seed = argc > 2 ? (unsigned)strtoul(argv[2], 0, 10) : 1, total = 0, got, spawned = 0, killed = 0;
  int pids[WORKERS], report[2], failed = 0, st, pid;
  rng_state = seed | 1;
  CHECK(pipe(report) == 0, "report pipe");
  for (int i = 0; i < WORKERS; i++) pids[i] = 0;
  for (;;) {
    int live = 0;
    for (int i = 0; i < WORKERS; i++) {
      if (pids[i] == 0 && now_ms() < until) {
        pid = fork();
        if (pid == 0) { close(report[0]); worker(i, seed + spawned, until, report[1]); }
        if (pid > 0) pids[i] = pid, spawned++;
      }
      live += pids[i] != 0;
    }
    if (live == 0) break;
    if ((rnd() % 16) == 0) {                      /* kill a random worker */
      int i = rnd() % WORKERS;
      if (pids[i] && kill(pids[i], SIGKILL) == 0) killed++;
    }
    pid = waitpid(-1, &st, 0);
    if (pid < 0) break;
    for (int i = 0; i < WORKERS; i++) {
      if (pids[i] != pid) continue;
      pids[i] = 0;
      if (WIFEXITED(st) && WEXITSTATUS(st) != 0) failed++;
      else if (WIFSIGNALED(st) && WTERMSIG(st) != SIGKILL) {
        printf("grind: worker %d killed by signal %d\n", i, WTERMSIG(st));
        failed++;
      }
    }
    /* orphans of killed workers come to us when we are init: reaped here too */
  }
  while (waitpid(-1, &st, WNOHANG) > 0) {}
  close(report[1]);
  while (read(report[0], &got, sizeof got) == sizeof got) total += got;
  close(report[0]);
  sweep_tmp();
  {
    unsigned long ms = now_ms() - start;
    printf("grind: seed %u, %lu.%03lu s, %u workers started, %u killed, %u operations (%lu/s)%s\n", seed, ms / 1000,
           ms % 1000, spawned, killed, total, ms ? (unsigned long)((unsigned long long)total * 1000 / ms) : 0UL,
           failed ? "" : ", all checks passed");
  }
  if (failed) printf("grind: %d worker(s) FAILED\n", failed);
  return failed ? 1 : 0;
}
