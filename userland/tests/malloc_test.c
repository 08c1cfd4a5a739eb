/* The allocation API under the policy MALLOC_POLICY names: sizes, alignment, zeroing, realloc
 * in place, usable sizes, errors, and the introspection figures. */
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

static void test_basics(void) {
  char *p = malloc(100), *q;
  int *z;
  size_t i, nonzero = 0;
  ASSERT(1, p != 0);
  ASSERT(0, (uintptr_t)p & 7);
  ASSERT(1, malloc_usable_size(p) >= 100);
  memset(p, 0xab, 100);
  q = realloc(p, 50); /* shrinking always stays in place */
  ASSERT(1, q == p);
  ASSERT(0xab, (unsigned char)q[49]);
  q = realloc(q, 5000);
  ASSERT(1, q != 0);
  ASSERT(0xab, (unsigned char)q[49]);
  free(q);
  z = calloc(1000, sizeof *z);
  for (i = 0; i < 1000; i++) nonzero += z[i] != 0;
  ASSERT(0, nonzero);
  free(z);
  free(0);
}

static void test_alignment(void) {
  size_t align;
  for (align = 16; align <= 65536; align *= 2) {
    void *p = aligned_alloc(align, 100);
    void *q = 0;
    ASSERT(0, (uintptr_t)p & (align - 1));
    ASSERT(0, posix_memalign(&q, align, 3000));
    ASSERT(0, (uintptr_t)q & (align - 1));
    memset(p, 1, 100);
    memset(q, 2, 3000);
    free(p);
    free(q);
  }
  {
    void *big = memalign(4096, 300000);
    ASSERT(0, (uintptr_t)big & 4095);
    memset(big, 3, 300000);
    free(big);
  }
}

static void test_errors(void) {
  errno = 0;
  ASSERT(0, malloc((size_t)-1) != 0);
  ASSERT(ENOMEM, errno);
  errno = 0;
  ASSERT(0, calloc((size_t)-1 / 2, 4) != 0);
  ASSERT(ENOMEM, errno);
  errno = 0;
  {
    char *p = malloc(10);
    ASSERT(0, realloc(p, (size_t)-1 - 100) != 0);
    ASSERT(ENOMEM, errno);
    free(p); /* the block is still valid after a failed realloc */
  }
  ASSERT(EINVAL, posix_memalign((void **)&errno, 12, 10));
}

static void test_big_and_stats(void) {
  char *big = malloc(1 << 20);
  struct mallinfo mi;
  ASSERT(1, big != 0);
  big[0] = 1;
  big[(1 << 20) - 1] = 2;
  mi = mallinfo();
  ASSERT(1, mi.uordblks >= (1 << 20));
  ASSERT(1, malloc_footprint() >= (1 << 20));
  ASSERT(1, malloc_max_footprint() >= malloc_footprint());
  free(big);
  mi = mallinfo();
  ASSERT(0, mi.hblks);
  ASSERT(0, mi.uordblks);
  ASSERT(1, malloc_syscalls() > 0);
  ASSERT(1, malloc_check_heap() > 0);
}

int main(void) {
  test_basics();
  test_alignment();
  test_errors();
  test_big_and_stats();
  printf("policy %s\n", malloc_policy());
  return test_summary("malloc_test");
}
