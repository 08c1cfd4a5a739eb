/* usertests: the break, huge and out-of-memory allocations, stores to text and NULL, the stack guard page. */
#include "usertests.h"

void t_sbrk(void) {
  char *a = sbrk(0), *b, *c;
  int i;
  CHECK(a != (char *)-1, "sbrk(0) failed");
  b = sbrk(4096);
  CHECK(b == a, "sbrk(4096) returned %p, not the old break %p", b, a);
  for (i = 0; i < 4096; i++) b[i] = (char)i;
  CHECK(sbrk(0) == a + 4096, "break did not move by 4096");
  for (i = 0; i < 5000; i++) {
    char *p = sbrk(1);
    CHECK(p == a + 4096 + i, "sbrk(1) #%d returned %p, not contiguous", i, p);
    *p = 1;
  }
  CHECK(sbrk(-(4096 + 5000)) != (char *)-1, "shrinking failed");
  CHECK(sbrk(0) == a, "shrinking did not restore the break");
  c = sbrk(4096);
  CHECK(c == a && c[0] == 0 && c[4095] == 0, "regrown heap is not zeroed");
  errno = 0;
  CHECK(sbrk(0x7ffff000) == (char *)-1 && errno == ENOMEM, "sbrk(2 GiB) was not refused with ENOMEM");
  CHECK(sbrk(0) == a + 4096, "a refused sbrk moved the break");
}

void t_huge_alloc(void) {
  void *p = malloc(0x80000000u);
  void *m;
  CHECK(p == 0, "malloc(2 GiB) returned %p", p);
  m = mmap(0, 0xb0000000u, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK(m == MAP_FAILED && errno == ENOMEM, "mmap of 2.75 GiB gave %p errno %d", m, errno);
  p = malloc(1 << 20);
  CHECK(p != 0, "malloc(1 MiB) failed after refused huge ones");
  memset(p, 1, 1 << 20);
  free(p);
}

static void oom_child(void) {
  long total = 0;
  for (;;) {
    char *p = malloc(1 << 20);
    int i;
    if (!p) break;
    for (i = 0; i < (1 << 20); i += 4096) p[i] = 1;
    total += 1;
  }
  CHECK(total > 4, "only %ld MiB before malloc failed", total);
}

void t_oom_recovery(void) {
  int ws = in_child(oom_child), i;
  char *p;
  CHECK((WIFEXITED(ws) && WEXITSTATUS(ws) == 0) || (WIFSIGNALED(ws) && WTERMSIG(ws) == SIGKILL),
        "out-of-memory child ended with status %#x", ws);
  for (i = 0; i < 3; i++) {
    ws = in_child(oom_child);
    CHECK(WIFEXITED(ws) || WTERMSIG(ws) == SIGKILL, "round %d status %#x", i, ws);
  }
  p = malloc(4 << 20);
  CHECK(p != 0, "malloc(4 MiB) failed after the out-of-memory children");
  memset(p, 2, 4 << 20);
  free(p);
}

static void write_text_child(void) {
  volatile unsigned *text = (volatile unsigned *)(void *)&write_text_child;
  *text = 0;
}

void t_write_text(void) {
  int ws = in_child(write_text_child);
  CHECK(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGSEGV, "store to text: status %#x, not SIGSEGV", ws);
}

static int recurse(int n) {
  volatile char pad[512];
  pad[0] = (char)n;
  return recurse(n + 1) + pad[0];
}

static void stack_child(void) { recurse(0); }

void t_stack_guard(void) {
  int ws = in_child(stack_child);
  CHECK(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGSEGV, "runaway recursion: status %#x, not SIGSEGV", ws);
}

static void null_child(void) { *(volatile int *)0 = 1; }

void t_null(void) {
  int ws = in_child(null_child);
  CHECK(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGSEGV, "NULL store: status %#x", ws);
}
