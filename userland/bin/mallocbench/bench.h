/* bench.h: what mallocbench's workloads (mallocbench.c) and its trace replay (replay.c) share: the
 * timed allocation calls and their counters, and the table row. */
#ifndef MALLOCBENCH_BENCH_H
#define MALLOCBENCH_BENCH_H
#include <stddef.h>

unsigned __rdinstret(void); /* libc/arch/riscv32/rdinstret.s */

/* Counters of the current row: instructions spent in the allocator, allocations and reallocs, the
 * bytes live (as the program asked for them) and their peak. */
extern unsigned long long instructions;
extern unsigned long ops;
extern size_t live, peak_live;
/* What rdinstret around a call adds beyond the call (calibrated at start). */
extern unsigned alloc_extra;

/* Timed calls that keep the counters; they exit(1) with a message when memory runs out. */
void *bench_malloc(size_t n);
void bench_free(void *p, size_t n);
void *bench_realloc(void *p, size_t old, size_t n);
void out_of_memory(size_t n);

struct bench_start {
  size_t heap0, syscalls0;
};
/* Zeroes the counters and notes the heap and syscall count a row starts from. */
void bench_begin(struct bench_start *s);
void bench_header(void);
/* Prints the row: policy, name, ops, instructions/op, peak heap, peak live, overhead, syscalls. */
void bench_row(const char *name, const struct bench_start *s, int json);

/* --replay FILE [POLICY...]: one child process per policy (all six by default), one row each. */
int replay_each_policy(const char *path, char **policies, int json);
/* --replay-here FILE: replays the trace in this process, under its policy. */
int replay_here(const char *path, int json);

#endif
