// perf_ctl (Pagoda system call 1002): the operations, shared by the kernel (kernel/sys/perf.ts) and the
// userland's perf (userland/bin/perf.c, which repeats them with a pointer back here).
//   perf_ctl(PERF_ENABLE, 0, spec, 0)          count the caller from now on (spec: a --cache SPEC string or 0)
//   perf_ctl(PERF_ENABLE_AT_EXEC, 0, spec, 0)  the same, from its next successful execve (perf stat's child)
//   perf_ctl(PERF_DISABLE, 0, 0, 0)            stop counting and drop the counters
//   perf_ctl(PERF_READ, pid, buf, len)         the report of pid (0: the caller; else a child, a zombie too)
//                                              into buf, NUL-terminated: its length, -ENOENT when not counted

export const enum PerfOp {
  DISABLE = 0,
  ENABLE = 1,
  ENABLE_AT_EXEC = 2,
  READ = 3,
}
