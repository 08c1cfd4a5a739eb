/* perf stat [--cache SPEC] CMD [ARGS...]: runs CMD counted by the kernel (perf_ctl, Pagoda system call 1002,
 * operations in abi/perf.ts) and prints its counters on stderr when it ends, as Linux's perf stat does:
 * instructions, loads, stores, data-TLB hits and misses, page faults by kind, system calls by name, and with
 * --cache SPEC (e.g. l1d=32k:8:64,l2=512k:16:64) the simulated caches and an estimate of cycles.
 * Counting starts at CMD's execve and covers CMD's process only (not the children it forks). The exit
 * status is CMD's (128+N when a signal ended it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* libc/arch/riscv32/syscall.s: raw system calls (no libc wrapper exists for these two). */
long __syscall4(long n, long a, long b, long c, long d);
long __syscall5(long n, long a, long b, long c, long d, long e);

#define SYS_waitid 95
#define SYS_perf_ctl 1002
/* abi/perf.ts PerfOp */
#define PERF_ENABLE_AT_EXEC 2
#define PERF_READ 3
#define WNOWAIT_FLAG 0x1000000

static char report[65536];

static int usage(void) {
  fprintf(stderr, "usage: perf stat [--cache SPEC] CMD [ARGS...]\n");
  return 2;
}

int main(int argc, char **argv) {
  const char *spec = 0;
  int i = 2, status;
  int info[32];
  long pid, n;
  if (argc < 3 || strcmp(argv[1], "stat") != 0) return usage();
  if (strcmp(argv[i], "--cache") == 0) {
    if (argc < 5) return usage();
    spec = argv[i + 1];
    i += 2;
  }
  fflush(stdout);
  pid = fork();
  if (pid < 0) {
    perror("perf: fork");
    return 1;
  }
  if (pid == 0) {
    long r = __syscall4(SYS_perf_ctl, PERF_ENABLE_AT_EXEC, 0, (long)spec, 0);
    if (r < 0) {
      fprintf(stderr, "perf: %s\n", r == -22 ? "bad --cache spec" : "cannot enable counting");
      _exit(2);
    }
    execvp(argv[i], argv + i);
    fprintf(stderr, "perf: cannot run %s\n", argv[i]);
    _exit(127);
  }
  /* Wait for the end without reaping, so the counters of the zombie can still be read. */
  memset(info, 0, sizeof info);
  if (__syscall5(SYS_waitid, P_PID, pid, (long)info, WEXITED | WNOWAIT_FLAG, 0) < 0) {
    perror("perf: waitid");
    return 1;
  }
  n = __syscall4(SYS_perf_ctl, PERF_READ, pid, (long)report, sizeof report);
  if (waitpid((int)pid, &status, 0) < 0) return 1;
  if (n > 0) {
    fprintf(stderr, "\n");
    fputs(report, stderr);
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}
