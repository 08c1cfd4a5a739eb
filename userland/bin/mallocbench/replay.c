/* Replays a MALLOC_TRACE file (JSON lines, README.md "Traces you can replay") as a mallocbench row.
 *
 * The trace is read twice: once to count its lines, once to turn each allocation call into an op on a
 * numbered slot (the recorded address of a block maps to its slot; realloc keeps the slot). Then the
 * ops run against the allocator through mallocbench's timed calls, so instructions per op, peak heap,
 * peak live and syscalls mean what they mean for the built-in workloads. The recorded system calls
 * (sbrk, mmap, munmap) are the recording policy's own and are not replayed. The replay's memory
 * (ops, slots, the address map) is mapped directly, outside the heap being measured.
 *
 * Failed calls in the trace (ptr 0) and frees of addresses the trace never returned are skipped. */
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "bench.h"

enum op_kind { OP_MALLOC, OP_CALLOC, OP_MEMALIGN, OP_REALLOC, OP_FREE };

struct op {
  unsigned kind;
  unsigned slot;
  size_t size;  /* bytes (calloc: count * size) */
  size_t align; /* memalign */
};

struct slot {
  void *ptr;
  size_t size;
};

static struct op *ops_list;
static size_t op_count;
static struct slot *slots;
static unsigned slot_count;
/* Recorded address -> slot + 1 (0 empty), open addressing with tombstones. */
static size_t *map_addr;
static unsigned *map_slot;
static size_t map_mask;

#define TOMB 0xffffffffu

static void *map_anon(size_t bytes) {
  void *p = mmap(0, bytes ? bytes : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    fprintf(stderr, "mallocbench: cannot map %zu bytes for the replay\n", bytes);
    exit(1);
  }
  return p;
}

static size_t hash_addr(size_t a) { return ((a >> 3) * 2654435761u) & map_mask; }

static void map_put(size_t addr, unsigned slot) {
  size_t i = hash_addr(addr);
  while (map_slot[i] && map_slot[i] != TOMB) i = (i + 1) & map_mask;
  map_addr[i] = addr;
  map_slot[i] = slot + 1;
}

/* Removes addr and returns its slot, or -1 when the trace never returned that address. */
static long map_take(size_t addr) {
  size_t i;
  for (i = hash_addr(addr); map_slot[i]; i = (i + 1) & map_mask)
    if (map_slot[i] != TOMB && map_addr[i] == addr) {
      unsigned s = map_slot[i] - 1;
      map_slot[i] = TOMB;
      return (long)s;
    }
  return -1;
}

/* The value after "key": in line — a number, or a "0x..." string read as hex. 0 when absent. */
static size_t field(const char *line, const char *key) {
  char pattern[32];
  const char *at;
  snprintf(pattern, sizeof pattern, "\"%s\":", key);
  at = strstr(line, pattern);
  if (!at) return 0;
  at += strlen(pattern);
  if (*at == '"') return (size_t)strtoul(at + 1, 0, 16);
  return (size_t)strtoul(at, 0, 10);
}

static int is_op(const char *line, const char *name) {
  char pattern[32];
  snprintf(pattern, sizeof pattern, "\"op\":\"%s\"", name);
  return strstr(line, pattern) != 0;
}

static unsigned new_slot(size_t ptr, size_t size) {
  unsigned s = slot_count++;
  slots[s].ptr = 0;
  slots[s].size = size;
  map_put(ptr, s);
  return s;
}

static void add(unsigned kind, unsigned slot, size_t size, size_t align) {
  struct op *o = &ops_list[op_count++];
  o->kind = kind;
  o->slot = slot;
  o->size = size;
  o->align = align;
}

/* One trace line to at most one op. */
static void parse_line(const char *line) {
  size_t ptr = field(line, "ptr");
  if (is_op(line, "free")) {
    long s = ptr ? map_take(ptr) : -1;
    if (s >= 0) add(OP_FREE, (unsigned)s, 0, 0);
  } else if (is_op(line, "realloc")) {
    size_t old = field(line, "old"), n = field(line, "size");
    long s;
    if (!ptr) return; /* failed: the old block stays where it was */
    s = old ? map_take(old) : -1;
    if (s < 0) {
      add(OP_MALLOC, new_slot(ptr, n), n, 0);
      return;
    }
    map_put(ptr, (unsigned)s);
    add(OP_REALLOC, (unsigned)s, n, 0);
  } else if (!ptr) {
    return;
  } else if (is_op(line, "malloc")) {
    size_t n = field(line, "size");
    add(OP_MALLOC, new_slot(ptr, n), n, 0);
  } else if (is_op(line, "calloc")) {
    size_t n = field(line, "count") * field(line, "size");
    add(OP_CALLOC, new_slot(ptr, n), n, 0);
  } else if (is_op(line, "memalign")) {
    size_t n = field(line, "size");
    add(OP_MEMALIGN, new_slot(ptr, n), n, field(line, "align"));
  }
}

/* Calls fn on each line of the file (lines longer than the buffer are cut); the count, or -1. */
static long each_line(const char *path, void (*fn)(const char *line)) {
  static char buf[65536];
  size_t have = 0;
  long lines = 0;
  int fd = open(path, O_RDONLY);
  if (fd < 0) return -1;
  for (;;) {
    long got = read(fd, buf + have, sizeof buf - 1 - have);
    char *start = buf, *nl;
    if (got <= 0) break;
    have += (size_t)got;
    buf[have] = 0;
    while ((nl = memchr(start, '\n', have - (size_t)(start - buf))) != 0) {
      *nl = 0;
      if (fn) fn(start);
      lines++;
      start = nl + 1;
    }
    have -= (size_t)(start - buf);
    memmove(buf, start, have);
    if (have == sizeof buf - 1) have = 0; /* an overlong line: dropped */
  }
  close(fd);
  return lines;
}

static void *timed(void *p, unsigned t0) {
  unsigned t1 = __rdinstret();
  instructions += t1 - t0 - alloc_extra;
  ops++;
  return p;
}

static void run_op(const struct op *o) {
  struct slot *s = &slots[o->slot];
  switch (o->kind) {
  case OP_MALLOC: s->ptr = bench_malloc(o->size); break;
  case OP_REALLOC: s->ptr = bench_realloc(s->ptr, s->size, o->size); break;
  case OP_FREE: bench_free(s->ptr, s->size); return;
  case OP_CALLOC: {
    unsigned t0 = __rdinstret();
    s->ptr = timed(calloc(o->size, 1), t0);
    break;
  }
  default: {
    unsigned t0 = __rdinstret();
    s->ptr = timed(memalign(o->align, o->size), t0);
    break;
  }
  }
  if (!s->ptr) out_of_memory(o->size);
  if (o->kind == OP_CALLOC || o->kind == OP_MEMALIGN) {
    live += o->size;
    if (live > peak_live) peak_live = live;
  }
  s->size = o->size;
}

int replay_here(const char *path, int json) {
  long lines = each_line(path, 0);
  struct bench_start start;
  size_t i, cap = 16;
  if (lines < 0) {
    fprintf(stderr, "mallocbench: cannot read %s\n", path);
    return 1;
  }
  while (cap < (size_t)lines * 2) cap *= 2;
  ops_list = map_anon((size_t)lines * sizeof *ops_list);
  slots = map_anon((size_t)lines * sizeof *slots);
  map_addr = map_anon(cap * sizeof *map_addr);
  map_slot = map_anon(cap * sizeof *map_slot);
  map_mask = cap - 1;
  each_line(path, parse_line);
  bench_begin(&start);
  for (i = 0; i < op_count; i++) run_op(&ops_list[i]);
  bench_row("trace", &start, json);
  return 0;
}

static const char *const all_policies[] = { "dl", "first", "next", "best", "buddy", "quick", 0 };

extern char **environ;

/* Runs `self --replay-here path` with MALLOC_POLICY=policy (and no MALLOC_DEBUG/MALLOC_TRACE). */
static int run_child(const char *self, const char *path, const char *policy, int json) {
  char policy_var[64];
  char *env[64];
  char *args[5];
  int n = 0, i, status;
  long pid;
  snprintf(policy_var, sizeof policy_var, "MALLOC_POLICY=%s", policy);
  env[n++] = policy_var;
  for (i = 0; environ && environ[i] && n < 63; i++)
    if (strncmp(environ[i], "MALLOC_", 7) != 0) env[n++] = environ[i];
  env[n] = 0;
  n = 0;
  args[n++] = (char *)self;
  if (json) args[n++] = "--json";
  args[n++] = "--replay-here";
  args[n++] = (char *)path;
  args[n] = 0;
  fflush(stdout);
  pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    execve(self, args, env);
    fprintf(stderr, "mallocbench: cannot run %s\n", self);
    _exit(127);
  }
  if (waitpid((int)pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int replay_each_policy(const char *path, char **policies, int json) {
  const char *self = "/bin/mallocbench";
  int i, failed = 0;
  if (each_line(path, 0) < 0) {
    fprintf(stderr, "mallocbench: cannot read %s\n", path);
    return 1;
  }
  if (!json) bench_header();
  if (!*policies) policies = (char **)all_policies;
  for (i = 0; policies[i]; i++)
    if (run_child(self, path, policies[i], json) != 0) failed = 1;
  return failed;
}
