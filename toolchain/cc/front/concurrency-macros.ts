// Predefined macros for concurrency: those that describe the atomics (front/atomic.ts), with gcc's names
// and values for RV32 with the A extension (memory orders, which sizes are lock-free: 2 = always, __sync
// availability), and C23's `thread_local` keyword spelling of _Thread_local (C11 has it only in
// <threads.h>, which Pagoda lacks: one thread per process).
export const CONCURRENCY_MACROS: Record<string, string> = {
  __ATOMIC_RELAXED: '0',
  __ATOMIC_CONSUME: '1',
  __ATOMIC_ACQUIRE: '2',
  __ATOMIC_RELEASE: '3',
  __ATOMIC_ACQ_REL: '4',
  __ATOMIC_SEQ_CST: '5',
  __riscv_atomic: '1',
  __riscv_a: '2001000',
  __GCC_ATOMIC_BOOL_LOCK_FREE: '2',
  __GCC_ATOMIC_CHAR_LOCK_FREE: '2',
  __GCC_ATOMIC_CHAR16_T_LOCK_FREE: '2',
  __GCC_ATOMIC_CHAR32_T_LOCK_FREE: '2',
  __GCC_ATOMIC_WCHAR_T_LOCK_FREE: '2',
  __GCC_ATOMIC_SHORT_LOCK_FREE: '2',
  __GCC_ATOMIC_INT_LOCK_FREE: '2',
  __GCC_ATOMIC_LONG_LOCK_FREE: '2',
  __GCC_ATOMIC_LLONG_LOCK_FREE: '1',
  __GCC_ATOMIC_POINTER_LOCK_FREE: '2',
  __GCC_ATOMIC_TEST_AND_SET_TRUEVAL: '1',
  __GCC_HAVE_SYNC_COMPARE_AND_SWAP_1: '1',
  __GCC_HAVE_SYNC_COMPARE_AND_SWAP_2: '1',
  __GCC_HAVE_SYNC_COMPARE_AND_SWAP_4: '1',
  thread_local: '_Thread_local',
};
