/* The generic atomics for objects of any size (gcc and pagoda cc call them for sizes the A extension
 * cannot handle in one lr/sc, with the size first), with libatomic's names: memory copied under the
 * object's lock (lock.h). __atomic_is_lock_free answers for a size: 1, 2 and 4 bytes are lock-free. */
#include "lock.h"

static void copy_bytes(volatile unsigned char *dst, const volatile unsigned char *src, unsigned size) {
  for (unsigned i = 0; i < size; i++) dst[i] = src[i];
}

void __atomic_load(unsigned size, const volatile void *src, void *dst, int order) {
  (void)order;
  __pagoda_atomic_lock(src);
  copy_bytes(dst, src, size);
  __pagoda_atomic_unlock(src);
}

void __atomic_store(unsigned size, volatile void *dst, void *src, int order) {
  (void)order;
  __pagoda_atomic_lock(dst);
  copy_bytes(dst, src, size);
  __pagoda_atomic_unlock(dst);
}

void __atomic_exchange(unsigned size, volatile void *obj, void *val, void *ret, int order) {
  (void)order;
  __pagoda_atomic_lock(obj);
  copy_bytes(ret, obj, size);
  copy_bytes(obj, val, size);
  __pagoda_atomic_unlock(obj);
}

/* Compares the object with *expected byte by byte: equal, stores *desired and returns 1; else copies
 * the object to *expected and returns 0. */
_Bool __atomic_compare_exchange(unsigned size, volatile void *obj, void *expected, void *desired, int success, int failure) {
  (void)success;
  (void)failure;
  volatile unsigned char *o = obj;
  unsigned char *e = expected;
  __pagoda_atomic_lock(obj);
  _Bool same = 1;
  for (unsigned i = 0; i < size; i++) {
    if (o[i] != e[i]) same = 0;
  }
  if (same) copy_bytes(obj, desired, size);
  else copy_bytes(e, obj, size);
  __pagoda_atomic_unlock(obj);
  return same;
}

_Bool __atomic_is_lock_free(unsigned size, const volatile void *p) {
  (void)p;
  return size == 1 || size == 2 || size == 4;
}
