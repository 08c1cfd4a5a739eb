/* mallocbench: replays allocation workloads under the policy chosen by MALLOC_POLICY and prints
 * one row per workload: retired instructions per operation (one allocation and its free, or one
 * realloc; read with rdinstret around each call, minus the cost of the reading itself), peak
 * heap size over peak live bytes, and the allocator's brk/sbrk/mmap/munmap calls.
 *
 *   mallocbench [--json] [small|mixed|realloc|fragment]...   (default: all four, in order)
 *   mallocbench [--json] --replay FILE [POLICY...]   a MALLOC_TRACE file, under each policy (replay.c)
 *
 * Every workload frees all it allocated. Run one workload per process for exact peak figures:
 * in one process a workload starts with what earlier ones left in the heap. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"

void *__rdinstret_probe(size_t n);    /* libc/arch/riscv32/rdinstret.s: one instruction, ret */
void __rdinstret_probe_free(void *p);
void *__rdinstret_probe_realloc(void *p, size_t n);

unsigned long long instructions;
unsigned long ops;
size_t live, peak_live;
static unsigned rng_state;

/* The calls under measurement go through these pointers, so calibration can time the very same
 * code around the one-instruction probe: cost = measured - (measured probe - 1). */
static void *(*alloc_fn)(size_t) = malloc;
static void (*free_fn)(void *) = free;
static void *(*realloc_fn)(void *, size_t) = realloc;
unsigned alloc_extra;
static unsigned free_extra, realloc_extra;
static unsigned last_cost;

static unsigned rnd(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

void out_of_memory(size_t n) {
  printf("mallocbench: allocation of %zu bytes failed\n", n);
  exit(1);
}

static void *timed_malloc(size_t n) {
  unsigned t0 = __rdinstret();
  void *p = alloc_fn(n);
  unsigned t1 = __rdinstret();
  last_cost = t1 - t0 - alloc_extra;
  return p;
}

static void timed_free(void *p) {
  unsigned t0 = __rdinstret();
  free_fn(p);
  unsigned t1 = __rdinstret();
  last_cost = t1 - t0 - free_extra;
}

static void *timed_realloc(void *p, size_t n) {
  unsigned t0 = __rdinstret();
  void *q = realloc_fn(p, n);
  unsigned t1 = __rdinstret();
  last_cost = t1 - t0 - realloc_extra;
  return q;
}

void *bench_malloc(size_t n) {
  void *p = timed_malloc(n);
  instructions += last_cost;
  ops++;
  if (!p) out_of_memory(n);
  live += n;
  if (live > peak_live) peak_live = live;
  return p;
}

void bench_free(void *p, size_t n) {
  timed_free(p);
  instructions += last_cost;
  live -= n;
}

void *bench_realloc(void *p, size_t old, size_t n) {
  void *q = timed_realloc(p, n);
  instructions += last_cost;
  ops++;
  if (!q) out_of_memory(n);
  live = live - old + n;
  if (live > peak_live) peak_live = live;
  return q;
}

/* small: batches of 8192 objects of 16-32 bytes freed LIFO, then FIFO, plus immediate pairs. */
#define SMALL_BATCH 8192
static void *small_ptr[SMALL_BATCH];
static size_t small_size[SMALL_BATCH];

static void workload_small(void) {
  int round, i;
  for (round = 0; round < 8; round++) {
    for (i = 0; i < SMALL_BATCH; i++) {
      small_size[i] = 16 + rnd() % 17;
      small_ptr[i] = bench_malloc(small_size[i]);
    }
    if (round & 1)
      for (i = 0; i < SMALL_BATCH; i++) bench_free(small_ptr[i], small_size[i]);
    else
      for (i = SMALL_BATCH - 1; i >= 0; i--) bench_free(small_ptr[i], small_size[i]);
    for (i = 0; i < SMALL_BATCH; i++) {
      size_t n = 16 + rnd() % 17;
      bench_free(bench_malloc(n), n);
    }
  }
}

/* mixed: a producer/consumer queue of up to 512 objects, sizes 8 B - 64 KiB (log-uniform). */
#define QUEUE 512
static void *queue_ptr[QUEUE];
static size_t queue_size[QUEUE];

static size_t mixed_size(void) {
  size_t n = (size_t)8 << (rnd() % 13);
  n += rnd() % n;
  return n > 65536 ? 65536 : n;
}

static void workload_mixed(void) {
  unsigned head = 0, tail = 0, step;
  for (step = 0; step < 40000; step++) {
    int produce = tail - head < QUEUE / 4 || (tail - head < QUEUE && rnd() % 100 < 52);
    if (produce) {
      size_t n = mixed_size();
      queue_ptr[tail % QUEUE] = bench_malloc(n);
      queue_size[tail % QUEUE] = n;
      tail++;
    } else {
      bench_free(queue_ptr[head % QUEUE], queue_size[head % QUEUE]);
      head++;
    }
  }
  while (head != tail) {
    bench_free(queue_ptr[head % QUEUE], queue_size[head % QUEUE]);
    head++;
  }
}

/* realloc: 64 arrays growing by half (plus 16 bytes) or shrinking by half, up to 32 KiB. */
#define ARRAYS 64
static void *array_ptr[ARRAYS];
static size_t array_size[ARRAYS];

static void workload_realloc(void) {
  unsigned step;
  int i;
  for (step = 0; step < 40000; step++) {
    unsigned k = rnd() % ARRAYS;
    size_t old = array_size[k], n;
    if (!array_ptr[k]) {
      n = 16 + rnd() % 49;
      array_ptr[k] = bench_malloc(n);
      array_size[k] = n;
      continue;
    }
    n = rnd() % 10 < 7 ? old + old / 2 + 16 : old / 2 + 1;
    if (n > 32768) n = old / 4 + 1;
    array_ptr[k] = bench_realloc(array_ptr[k], old, n);
    array_size[k] = n;
  }
  for (i = 0; i < ARRAYS; i++)
    if (array_ptr[i]) {
      bench_free(array_ptr[i], array_size[i]);
      array_ptr[i] = 0;
      array_size[i] = 0;
    }
}

/* fragment: 1024 long-lived objects of 64 B - 8 KiB, replaced one at a time at random. */
#define LONG_LIVED 1024
static void *frag_ptr[LONG_LIVED];
static size_t frag_size[LONG_LIVED];

static void workload_fragment(void) {
  unsigned step;
  int i;
  for (i = 0; i < LONG_LIVED; i++) {
    frag_size[i] = 64 + rnd() % (8192 - 63);
    frag_ptr[i] = bench_malloc(frag_size[i]);
  }
  for (step = 0; step < 30000; step++) {
    unsigned k = rnd() % LONG_LIVED;
    bench_free(frag_ptr[k], frag_size[k]);
    frag_size[k] = 64 + rnd() % (8192 - 63);
    frag_ptr[k] = bench_malloc(frag_size[k]);
  }
  for (i = 0; i < LONG_LIVED; i++) bench_free(frag_ptr[i], frag_size[i]);
}

struct workload {
  const char *name;
  void (*run)(void);
};

static const struct workload workloads[] = {
  { "small", workload_small },
  { "mixed", workload_mixed },
  { "realloc", workload_realloc },
  { "fragment", workload_fragment },
};

/* Times the probe through each timed_* function: what they add beyond the call's own
 * instructions is the probe's figure minus its one instruction. */
static void calibrate(void) {
  alloc_fn = __rdinstret_probe;
  free_fn = __rdinstret_probe_free;
  realloc_fn = __rdinstret_probe_realloc;
  timed_malloc(1);
  alloc_extra = last_cost - 1;
  timed_free(0);
  free_extra = last_cost - 1;
  timed_realloc(0, 1);
  realloc_extra = last_cost - 1;
  alloc_fn = malloc;
  free_fn = free;
  realloc_fn = realloc;
}

/* Formats a/b with two decimals (integer arithmetic: no floating point here). */
static void ratio(char *buf, size_t len, unsigned long long a, unsigned long long b) {
  unsigned long long hundredths = b ? (a * 100 + b / 2) / b : 0;
  snprintf(buf, len, "%llu.%02llu", hundredths / 100, hundredths % 100);
}

static void run_one(const struct workload *w, int json) {
  struct bench_start start;
  rng_state = 0x9e3779b9u;
  bench_begin(&start);
  w->run();
  bench_row(w->name, &start, json);
}

void bench_begin(struct bench_start *s) {
  instructions = 0;
  ops = 0;
  live = peak_live = 0;
  s->heap0 = malloc_footprint();
  malloc_reset_max_footprint();
  s->syscalls0 = malloc_syscalls();
}

void bench_header(void) {
  printf("%-6s %-9s %8s %10s %10s %10s %8s %8s\n", "policy", "workload", "ops", "instr/op", "peak heap",
         "peak live", "overhead", "syscalls");
}

void bench_row(const char *name, const struct bench_start *s, int json) {
  size_t peak_heap = malloc_max_footprint(), syscalls0 = s->syscalls0, heap0 = s->heap0;
  char per_op[32], overhead[32];
  ratio(per_op, sizeof per_op, instructions, ops);
  ratio(overhead, sizeof overhead, peak_heap, peak_live);
  if (json)
    printf("{\"group\":\"malloc\",\"name\":\"%s/%s\",\"instructionsPerOp\":%s,\"peakHeapOverLive\":%s,"
           "\"syscalls\":%zu,\"ops\":%lu,\"peakHeap\":%zu,\"peakLive\":%zu,\"heapAtStart\":%zu}\n",
           malloc_policy(), name, per_op, overhead, malloc_syscalls() - syscalls0, ops, peak_heap,
           peak_live, heap0);
  else
    printf("%-6s %-9s %8lu %10s %10zu %10zu %8s %8zu\n", malloc_policy(), name, ops, per_op,
           peak_heap, peak_live, overhead, malloc_syscalls() - syscalls0);
  fflush(stdout);
}

int main(int argc, char **argv) {
  int json = 0, i, ran = 0;
  size_t k;
  if (argc > 1 && strcmp(argv[1], "--json") == 0) {
    json = 1;
    argv++;
    argc--;
  }
  if (argc > 2 && strcmp(argv[1], "--replay") == 0) return replay_each_policy(argv[2], argv + 3, json);
  malloc_policy(); /* choose the policy before measuring anything */
  calibrate();
  if (argc > 2 && strcmp(argv[1], "--replay-here") == 0) return replay_here(argv[2], json);
  if (!json) bench_header();
  for (i = 1; i < argc; i++) {
    for (k = 0; k < sizeof workloads / sizeof workloads[0]; k++)
      if (strcmp(argv[i], workloads[k].name) == 0) break;
    if (k == sizeof workloads / sizeof workloads[0]) {
      fprintf(stderr, "mallocbench: unknown workload %s (small, mixed, realloc, fragment)\n", argv[i]);
      return 2;
    }
    run_one(&workloads[k], json);
    ran++;
  }
  if (!ran)
    for (k = 0; k < sizeof workloads / sizeof workloads[0]; k++) run_one(&workloads[k], json);
  return 0;
}
