/* lock.h: the spin locks behind the atomics the A extension cannot do in one lr/sc (8-byte and odd-size
 * objects). A lock is a word taken with amoswap.w.aq and released with a release store; objects hash to
 * one of a few locks by address, so unrelated objects rarely share one. Every access to such an object
 * must go through these helpers (as C11 requires for _Atomic objects), or the lock protects nothing.
 * One hart and one thread per process: a lock can only be held here when a signal handler interrupts its
 * holder, and then it deadlocks, as libatomic's locks would. */
#ifndef _PAGODA_ATOMIC_LOCK_H
#define _PAGODA_ATOMIC_LOCK_H

/* Takes the lock of the object at p (spinning while it is held). */
void __pagoda_atomic_lock(const volatile void *p);
/* Releases the lock of the object at p. */
void __pagoda_atomic_unlock(const volatile void *p);

#endif
