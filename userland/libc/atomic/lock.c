/* Spin locks for the lock-based atomics (see lock.h). */
#include "lock.h"

#define NLOCKS 16

static int locks[NLOCKS];

/* Objects within one 64-byte block share a lock: a generic operation on a large object may span it. */
static int *lock_of(const volatile void *p) {
  return &locks[((unsigned)p >> 6) % NLOCKS];
}

void __pagoda_atomic_lock(const volatile void *p) {
  int *l = lock_of(p);
  while (__atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE)) {
    while (__atomic_load_n(l, __ATOMIC_RELAXED)) {
    }
  }
}

void __pagoda_atomic_unlock(const volatile void *p) {
  __atomic_store_n(lock_of(p), 0, __ATOMIC_RELEASE);
}
