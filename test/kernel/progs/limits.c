#include "rt.h"
/* Guests trying to break the kernel's limits; argv[1] picks one. Each prints what it saw and exits 0 when
   the kernel held. */
#define SYS_pipe2 59
#define SYS_clone 220
#define SYS_wait4 260
#define SYS_kill 129
#define SYS_unlinkat 35
#define EAGAIN 11
#define ENOMEM 12
#define EMFILE 24
#define ENOSPC 28
#define ECHILD 10
static int streq(const char *a, const char *b) { while (*a && *a == *b) a++, b++; return *a == *b; }
static long fork_(void) { return sc6(SYS_clone, 17, 0, 0, 0, 0, 0); }
static long wait_(int *st) { return sc4(SYS_wait4, -1, st, 0, 0); }

/* Every process forks 7 more times down the tree (2^7 processes wanted, 64 allowed), lingers 20 ms so the
   tree is full, then reaps; each exits with the refusals (EAGAIN) it and its subtree saw. */
static int forkbomb(void) {
  int eagain = 0, made = 0, root = 1, st;
  for (int i = 0; i < 7; i++) {
    long pid = fork_();
    if (pid == 0) { eagain = 0; made = 0; root = 0; continue; }
    if (pid == -EAGAIN) eagain++;
    else if (pid > 0) made++;
    else exit_(200);
  }
  struct { long long s, ns; } t = {0, 20000000};
  sc4(SYS_clock_nanosleep_time64, 1, 0, &t, 0);
  while (wait_(&st) > 0) eagain += (st >> 8) & 0xff;
  if (root) { kv("root_made", made); kv("refused", eagain); }
  exit_(eagain > 199 ? 199 : eagain);
  return 0;
}

/* mmap and sbrk until ENOMEM, touching every page: the commit limit refuses before memory runs out. */
static int memhog(void) {
  long mib = 0, r;
  for (;;) {
    unsigned char *p = mmap_(0, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
    if ((u32)p >= 0xfffff000u) { r = (long)p; break; }
    for (u32 i = 0; i < (1 << 20); i += 4096) p[i] = 1;
    mib++;
  }
  kv("mmap_error", r);
  long brk_pages = 0;
  for (;;) {
    long old = sc1(SYS_sbrk, 4096);
    if (old < 0) { kv("sbrk_error", old); break; }
    *(volatile char *)old = 1;
    brk_pages++;
  }
  kv("mapped_plenty", mib > 4);
  return 0;
}

/* Fills /tmp with 1 MiB files until ENOSPC, then removes them. */
static char block[1 << 16];
static int tmpfill(void) {
  char name[] = "/tmp/fill.000";
  int files = 0;
  long err = 0;
  for (; files < 1000 && !err; files++) {
    name[10] = '0' + files / 100; name[11] = '0' + files / 10 % 10; name[12] = '0' + files % 10;
    long fd = sc4(SYS_openat, -100, name, 0101, 0644);          /* O_CREAT | O_WRONLY */
    if (fd < 0) { err = fd; break; }
    for (int i = 0; i < 16; i++) {
      long w = sc3(SYS_write, fd, block, sizeof block);
      if (w < 0) { err = w; break; }
    }
    sc1(SYS_close, fd);
  }
  kv("error", err);
  kv("filled_plenty", files > 8);
  for (int i = 0; i <= files; i++) {
    name[10] = '0' + i / 100; name[11] = '0' + i / 10 % 10; name[12] = '0' + i % 10;
    sc3(SYS_unlinkat, -100, name, 0);
  }
  return 0;
}

/* 10,000 open/close cycles; then opening without closing until EMFILE. */
static int openclose(void) {
  long top = 0, fd;
  for (int i = 0; i < 10000; i++) {
    fd = sc4(SYS_openat, -100, "/dev/null", 2, 0);
    if (fd < 0) { kv("open_failed_at", i); return 1; }
    if (fd > top) top = fd;
    sc1(SYS_close, fd);
  }
  kv("highest_fd", top);
  int n = 0;
  while ((fd = sc4(SYS_openat, -100, "/dev/null", 2, 0)) >= 0) n++;
  kv("held_open", n);
  kv("then", fd);
  return 0;
}

/* A child writes into a pipe nobody reads (it fills and blocks); the parent kills it. */
static int pipeflood(void) {
  int fds[2];
  sc2(SYS_pipe2, fds, 0);
  long pid = fork_();
  if (pid == 0) {
    long total = 0;
    for (;;) { long w = sc3(SYS_write, fds[1], block, sizeof block); if (w < 0) exit_(3); total += w; }
  }
  struct { long long s, ns; } t = {0, 50000000};
  sc4(SYS_clock_nanosleep_time64, 1, 0, &t, 0);
  kv("kill", sc2(SYS_kill, pid, 9));
  int st = 0;
  kv("reaped", wait_(&st) == pid);
  kv("status", st);
  return 0;
}

/* Floods fd 1 with 16 MiB. */
static int flood(void) {
  for (int i = 0; i < (int)sizeof block; i++) block[i] = 'a' + i % 26;
  for (int i = 0; i < 256; i++) sc3(SYS_write, 1, block, sizeof block);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) return 9;
  if (streq(argv[1], "forkbomb")) return forkbomb();
  if (streq(argv[1], "memhog")) return memhog();
  if (streq(argv[1], "tmpfill")) return tmpfill();
  if (streq(argv[1], "openclose")) return openclose();
  if (streq(argv[1], "pipeflood")) return pipeflood();
  if (streq(argv[1], "flood")) return flood();
  return 9;
}
