/* malloctest: a self-checking stress test of the allocator policy chosen by MALLOC_POLICY.
 *
 *   malloctest [OPERATIONS]   random mallocs (1 B - 1 MiB), frees, realloc chains, aligned
 *                             allocations, calloc; every block carries a fill pattern that is
 *                             verified before it is freed or resized; the heap is checked
 *                             throughout. Exits 0 when all is well, 1 with a message otherwise.
 *   malloctest double-free | foreign | corrupt | realloc-foreign
 *                             commits that misuse on purpose: the allocator must abort with a
 *                             message naming the address (the exit is then SIGABRT).
 *   malloctest exhaust        allocates (heap-sized and mmap-sized blocks) until the kernel
 *                             refuses: malloc must return NULL with ENOMEM, and after freeing
 *                             everything the heap must pass its check and serve again. Meant for
 *                             a machine with little memory (pagoda run --mem 16). */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 512

struct slot {
  unsigned char *p;
  size_t size;
  unsigned seed;
  size_t align;
};

static struct slot slots[SLOTS];
static unsigned rng_state = 0x2545f491u;
static int failures;

static unsigned rnd(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

static void fail(const char *what, const void *p, size_t size) {
  printf("FAIL [%s]: %s (block %p, size %zu)\n", malloc_policy(), what, p, size);
  failures++;
  if (failures > 10) exit(1);
}

/* Sizes: mostly small, some medium, a few up to 1 MiB (mmap territory for most policies). */
static size_t random_size(void) {
  unsigned r = rnd() % 100;
  if (r < 60) return 1 + rnd() % 128;
  if (r < 85) return 1 + rnd() % 4096;
  if (r < 97) return 1 + rnd() % 65536;
  return 1 + rnd() % (1024 * 1024);
}

static unsigned char pattern(unsigned seed, size_t i) {
  return (unsigned char)(seed + i * 7 + (i >> 8));
}

/* Positions checked: the first 8 KiB, then every 512th byte (the same whatever the size, so
 * a block keeps its sampled bytes across realloc). */
static int sampled(size_t i, size_t size) {
  (void)size;
  return i < 8192 || (i & 511) == 0;
}

static void fill(struct slot *s, size_t from) {
  size_t i;
  for (i = from; i < s->size; i++)
    if (sampled(i, s->size)) s->p[i] = pattern(s->seed, i);
}

static void verify(struct slot *s, size_t upto, const char *when) {
  size_t i;
  for (i = 0; i < upto; i++)
    if (sampled(i, s->size) && s->p[i] != pattern(s->seed, i)) {
      fail(when, s->p, s->size);
      return;
    }
}

static void check_new_block(struct slot *s, size_t align) {
  if (!s->p) {
    fail("allocation returned NULL", 0, s->size);
    return;
  }
  if ((uintptr_t)s->p & (align - 1)) fail("misaligned block", s->p, s->size);
  if (malloc_usable_size(s->p) < s->size) fail("usable size below the request", s->p, s->size);
}

static void allocate(struct slot *s) {
  unsigned kind = rnd() % 10;
  s->size = random_size();
  s->seed = rnd();
  s->align = 8;
  if (kind == 0) {
    size_t i;
    s->p = calloc(1, s->size);
    check_new_block(s, 8);
    for (i = 0; s->p && i < s->size; i++)
      if (sampled(i, s->size) && s->p[i]) {
        fail("calloc memory not zero", s->p, s->size);
        break;
      }
  } else if (kind == 1) {
    s->align = (size_t)16 << (rnd() % 9); /* 16 .. 4096 */
    if (posix_memalign((void **)&s->p, s->align, s->size) != 0) s->p = 0;
    check_new_block(s, s->align);
  } else if (kind == 2) {
    s->align = (size_t)16 << (rnd() % 5);
    s->p = aligned_alloc(s->align, s->size);
    check_new_block(s, s->align);
  } else {
    s->p = malloc(s->size);
    check_new_block(s, 8);
  }
  if (s->p) fill(s, 0);
}

static void resize(struct slot *s) {
  size_t old = s->size;
  size_t keep;
  unsigned char *q;
  s->size = rnd() % 3 == 0 ? old / 2 + 1 : old + 1 + rnd() % (old < 65536 ? old + 64 : 4096);
  q = realloc(s->p, s->size);
  if (!q) {
    fail("realloc returned NULL", s->p, s->size);
    s->size = old;
    return;
  }
  s->p = q;
  keep = old < s->size ? old : s->size;
  verify(s, keep, "realloc lost the contents");
  if ((uintptr_t)q & 7) fail("realloc result misaligned", q, s->size);
  if (s->size > keep) fill(s, keep);
}

static void release(struct slot *s) {
  verify(s, s->size, "contents changed while allocated");
  free(s->p);
  s->p = 0;
}

static void edge_cases(void) {
  void *a = malloc(0), *b = malloc(0), *c;
  if (!a || !b || a == b) fail("malloc(0) must give distinct non-NULL pointers", a, 0);
  free(a);
  free(b);
  free(0);
  c = realloc(0, 100);
  if (!c) fail("realloc(NULL, 100) failed", c, 100);
  memset(c, 0x5a, 100);
  c = realloc(c, 10);
  if (!c || ((unsigned char *)c)[9] != 0x5a) fail("realloc shrink lost data", c, 10);
  free(c);
  errno = 0;
  if (calloc((size_t)1 << 20, (size_t)1 << 13) != 0 || errno != ENOMEM)
    fail("calloc overflow must give NULL with ENOMEM", 0, 0);
  errno = 0;
  if (malloc((size_t)-1 - 64) != 0 || errno != ENOMEM) fail("huge malloc must give ENOMEM", 0, 0);
  a = malloc(64);
  if (!a) fail("heap unusable after ENOMEM", 0, 64);
  free(a);
  if (posix_memalign(&a, 24, 8) != EINVAL) fail("posix_memalign must reject alignment 24", 0, 0);
  if (aligned_alloc(3, 8) != 0) fail("aligned_alloc must reject alignment 3", 0, 0);
}

#define EXHAUST_MAX 4096

static int exhaust(void) {
  static void *blocks[EXHAUST_MAX];
  int n = 0, i;
  errno = 0;
  while (n < EXHAUST_MAX) {
    size_t size = n % 4 == 3 ? 300000 : 40000; /* mostly heap, some mmap */
    void *p = malloc(size);
    if (!p) break;
    memset(p, 0x3c, 64);
    blocks[n++] = p;
  }
  if (n == EXHAUST_MAX) {
    printf("malloctest exhaust: the kernel never refused memory\n");
    return 1;
  }
  if (errno != ENOMEM) {
    printf("malloctest exhaust: NULL with errno %d, not ENOMEM\n", errno);
    return 1;
  }
  for (i = 0; i < n; i++) free(blocks[i]);
  malloc_check_heap();
  for (i = 0; i < 100; i++) blocks[i] = malloc(1000 + i);
  for (i = 0; i < 100; i++) {
    if (!blocks[i]) {
      printf("malloctest exhaust: the heap is unusable after ENOMEM\n");
      return 1;
    }
    free(blocks[i]);
  }
  printf("malloctest exhaust %s: ENOMEM after %d blocks, heap usable again\n", malloc_policy(), n);
  return 0;
}

static int misuse(const char *what) {
  char *p = malloc(40), *q = malloc(40);
  static char not_heap[64];
  if (strcmp(what, "double-free") == 0) {
    free(p);
    free(p);
  } else if (strcmp(what, "foreign") == 0) {
    free(not_heap + 16);
  } else if (strcmp(what, "realloc-foreign") == 0) {
    realloc(not_heap + 16, 100);
  } else if (strcmp(what, "corrupt") == 0) {
    ((size_t *)p)[-1] = 0x12345; /* a wild write over the header word */
    free(p);
  } else {
    printf("malloctest: unknown misuse %s\n", what);
    return 2;
  }
  (void)q;
  printf("malloctest: %s was not detected\n", what);
  return 1;
}

int main(int argc, char **argv) {
  long ops = 20000, i;
  struct mallinfo mi;
  if (argc > 1 && strcmp(argv[1], "exhaust") == 0) return exhaust();
  if (argc > 1 && (argv[1][0] < '0' || argv[1][0] > '9')) return misuse(argv[1]);
  if (argc > 1) ops = atol(argv[1]);
  edge_cases();
  for (i = 0; i < ops; i++) {
    struct slot *s = &slots[rnd() % SLOTS];
    if (!s->p) allocate(s);
    else if (rnd() % 4 == 0 && s->align == 8) resize(s);
    else release(s);
    if (i % 2000 == 0) malloc_check_heap();
  }
  for (i = 0; i < SLOTS; i++)
    if (slots[i].p) release(&slots[i]);
  malloc_check_heap();
  mi = mallinfo();
  if (mi.uordblks != 0) fail("bytes still in use after freeing everything", 0, mi.uordblks);
  if (mi.hblks != 0) fail("mappings still held after freeing everything", 0, mi.hblks);
  if (failures) return 1;
  printf("malloctest %s: %ld operations ok, peak heap %zu, %zu allocator syscalls\n",
         malloc_policy(), ops, mi.usmblks, mi.syscalls);
  return 0;
}
