/* Big chunks: one mapping each, validated by a magic word before every use. */
#include "bigchunk.h"
#include <string.h>

#define MMAP_WORD 0x42696721u

/* The mapping start of a tagged user pointer, after checking that it really is one. */
static char *base_of(void *mem) {
  size_t offset = ((size_t *)mem)[-2];
  size_t len = ((size_t *)mem)[-1] & ~(size_t)7;
  char *base = (char *)mem - offset;
  if (!__malloc_counters.mmap_count || offset < 16 || offset >= len || (offset & 7) ||
      ((size_t)base & (MALLOC_PAGE - 1)) || *(size_t *)base != (MMAP_WORD ^ (size_t)base))
    __malloc_fail("free of a pointer malloc never returned (bad mapped chunk)", mem);
  return base;
}

void *__big_alloc_aligned(size_t align, size_t n) {
  size_t len = MALLOC_ALIGN_UP(n + align + 16, MALLOC_PAGE);
  char *base, *mem;
  if (len < n) return __malloc_enomem();
  base = __malloc_mmap(len);
  if (!base) return __malloc_enomem();
  mem = (char *)MALLOC_ALIGN_UP((size_t)base + 16, align);
  *(size_t *)base = MMAP_WORD ^ (size_t)base;
  ((size_t *)mem)[-2] = (size_t)(mem - base);
  ((size_t *)mem)[-1] = len | BIG_TAG;
  return mem;
}

void *__big_alloc(size_t n) {
  return __big_alloc_aligned(8, n);
}

size_t __big_usable(void *mem) {
  char *base = base_of(mem);
  return (((size_t *)mem)[-1] & ~(size_t)7) - (size_t)((char *)mem - base);
}

void __big_free(void *mem) {
  char *base = base_of(mem);
  size_t len = ((size_t *)mem)[-1] & ~(size_t)7;
  *(size_t *)base = 0; /* a second free fails the check */
  __malloc_munmap(base, len);
}

void *__big_realloc(void *mem, size_t n, void *(*alloc)(size_t)) {
  size_t have = __big_usable(mem);
  void *fresh;
  if (n <= have && n >= have / 2) return mem;
  fresh = alloc(n);
  if (!fresh) return 0;
  memcpy(fresh, mem, n < have ? n : have);
  __big_free(mem);
  return fresh;
}
