/* The 8-byte atomics, with libatomic's names and signatures (gcc and pagoda cc call them for 8-byte
 * objects): each operation runs under the object's lock (lock.h). The memory order arguments are met
 * by the lock itself: taking it is an acquire, releasing it a release, so every operation is at least
 * as strong as asked. */
#include "lock.h"

/* libatomic's signatures, not gcc's builtin declarations of the same names (see subword.c). */
#pragma GCC diagnostic ignored "-Wbuiltin-declaration-mismatch"

typedef unsigned long long u64;

u64 __atomic_load_8(const volatile void *p, int order) {
  (void)order;
  __pagoda_atomic_lock(p);
  u64 v = *(const volatile u64 *)p;
  __pagoda_atomic_unlock(p);
  return v;
}

void __atomic_store_8(volatile void *p, u64 v, int order) {
  (void)order;
  __pagoda_atomic_lock(p);
  *(volatile u64 *)p = v;
  __pagoda_atomic_unlock(p);
}

u64 __atomic_exchange_8(volatile void *p, u64 v, int order) {
  (void)order;
  __pagoda_atomic_lock(p);
  u64 old = *(volatile u64 *)p;
  *(volatile u64 *)p = v;
  __pagoda_atomic_unlock(p);
  return old;
}

/* Stores desired when *p equals *expected and returns 1; otherwise copies *p to *expected, returns 0. */
_Bool __atomic_compare_exchange_8(volatile void *p, void *expected, u64 desired, int success, int failure) {
  (void)success;
  (void)failure;
  __pagoda_atomic_lock(p);
  u64 cur = *(volatile u64 *)p;
  _Bool ok = cur == *(u64 *)expected;
  if (ok) *(volatile u64 *)p = desired;
  __pagoda_atomic_unlock(p);
  if (!ok) *(u64 *)expected = cur;
  return ok;
}

u64 __sync_val_compare_and_swap_8(volatile void *p, u64 oldval, u64 newval) {
  u64 e = oldval;
  __atomic_compare_exchange_8(p, &e, newval, 5, 5);
  return e;
}

_Bool __sync_bool_compare_and_swap_8(volatile void *p, u64 oldval, u64 newval) {
  u64 e = oldval;
  return __atomic_compare_exchange_8(p, &e, newval, 5, 5);
}

/* fetch_OP returns the old value, OP_fetch the new one. */
#define FETCH_OP(name, expr)                                        \
  u64 __atomic_fetch_##name##_8(volatile void *p, u64 v, int order) { \
    (void)order;                                                    \
    __pagoda_atomic_lock(p);                                        \
    u64 old = *(volatile u64 *)p;                                   \
    *(volatile u64 *)p = (expr);                                    \
    __pagoda_atomic_unlock(p);                                      \
    return old;                                                     \
  }                                                                 \
  u64 __atomic_##name##_fetch_8(volatile void *p, u64 v, int order) { \
    (void)order;                                                    \
    __pagoda_atomic_lock(p);                                        \
    u64 old = *(volatile u64 *)p;                                   \
    u64 now = (expr);                                               \
    *(volatile u64 *)p = now;                                       \
    __pagoda_atomic_unlock(p);                                      \
    return now;                                                     \
  }

FETCH_OP(add, old + v)
FETCH_OP(sub, old - v)
FETCH_OP(and, old & v)
FETCH_OP(or, old | v)
FETCH_OP(xor, old ^ v)
FETCH_OP(nand, ~(old & v))
