/* stdatomic.h: C11 atomics (7.17) over the compiler's __atomic builtins. On Pagoda (RV32 with the A
 * extension) 1-, 2- and 4-byte objects are lock-free (amo*.w, lr.w/sc.w); 8-byte and larger ones go
 * through the libc's lock-based helpers (__atomic_load_8, __atomic_compare_exchange, ...). The generic
 * functions are macros taking a pointer to an _Atomic object, as the standard specifies. */
#ifndef _STDATOMIC_H
#define _STDATOMIC_H

typedef enum memory_order {
  memory_order_relaxed = __ATOMIC_RELAXED,
  memory_order_consume = __ATOMIC_CONSUME,
  memory_order_acquire = __ATOMIC_ACQUIRE,
  memory_order_release = __ATOMIC_RELEASE,
  memory_order_acq_rel = __ATOMIC_ACQ_REL,
  memory_order_seq_cst = __ATOMIC_SEQ_CST
} memory_order;

/* 7.17.3: the dependency chain ends here; the value passes unchanged. */
#define kill_dependency(y) (y)

/* 7.17.5: lock-freedom, per type (2: always lock-free, 1: sometimes, 0: never). */
#define ATOMIC_BOOL_LOCK_FREE __GCC_ATOMIC_BOOL_LOCK_FREE
#define ATOMIC_CHAR_LOCK_FREE __GCC_ATOMIC_CHAR_LOCK_FREE
#define ATOMIC_CHAR16_T_LOCK_FREE __GCC_ATOMIC_CHAR16_T_LOCK_FREE
#define ATOMIC_CHAR32_T_LOCK_FREE __GCC_ATOMIC_CHAR32_T_LOCK_FREE
#define ATOMIC_WCHAR_T_LOCK_FREE __GCC_ATOMIC_WCHAR_T_LOCK_FREE
#define ATOMIC_SHORT_LOCK_FREE __GCC_ATOMIC_SHORT_LOCK_FREE
#define ATOMIC_INT_LOCK_FREE __GCC_ATOMIC_INT_LOCK_FREE
#define ATOMIC_LONG_LOCK_FREE __GCC_ATOMIC_LONG_LOCK_FREE
#define ATOMIC_LLONG_LOCK_FREE __GCC_ATOMIC_LLONG_LOCK_FREE
#define ATOMIC_POINTER_LOCK_FREE __GCC_ATOMIC_POINTER_LOCK_FREE

/* 7.17.6: the atomic integer types. */
typedef _Atomic _Bool atomic_bool;
typedef _Atomic char atomic_char;
typedef _Atomic signed char atomic_schar;
typedef _Atomic unsigned char atomic_uchar;
typedef _Atomic short atomic_short;
typedef _Atomic unsigned short atomic_ushort;
typedef _Atomic int atomic_int;
typedef _Atomic unsigned int atomic_uint;
typedef _Atomic long atomic_long;
typedef _Atomic unsigned long atomic_ulong;
typedef _Atomic long long atomic_llong;
typedef _Atomic unsigned long long atomic_ullong;
typedef _Atomic unsigned short atomic_char16_t;
typedef _Atomic unsigned int atomic_char32_t;
typedef _Atomic __WCHAR_TYPE__ atomic_wchar_t;
typedef _Atomic signed char atomic_int_least8_t;
typedef _Atomic unsigned char atomic_uint_least8_t;
typedef _Atomic short atomic_int_least16_t;
typedef _Atomic unsigned short atomic_uint_least16_t;
typedef _Atomic int atomic_int_least32_t;
typedef _Atomic unsigned int atomic_uint_least32_t;
typedef _Atomic long long atomic_int_least64_t;
typedef _Atomic unsigned long long atomic_uint_least64_t;
typedef _Atomic signed char atomic_int_fast8_t;
typedef _Atomic unsigned char atomic_uint_fast8_t;
typedef _Atomic int atomic_int_fast16_t;
typedef _Atomic unsigned int atomic_uint_fast16_t;
typedef _Atomic int atomic_int_fast32_t;
typedef _Atomic unsigned int atomic_uint_fast32_t;
typedef _Atomic long long atomic_int_fast64_t;
typedef _Atomic unsigned long long atomic_uint_fast64_t;
typedef _Atomic __INTPTR_TYPE__ atomic_intptr_t;
typedef _Atomic __UINTPTR_TYPE__ atomic_uintptr_t;
typedef _Atomic __SIZE_TYPE__ atomic_size_t;
typedef _Atomic __PTRDIFF_TYPE__ atomic_ptrdiff_t;
typedef _Atomic long long atomic_intmax_t;
typedef _Atomic unsigned long long atomic_uintmax_t;

/* 7.17.2: initialization is not atomic (no other thread can see the object yet). */
#define ATOMIC_VAR_INIT(value) (value)
#define atomic_init(obj, value) ((void)(*(obj) = (value)))

/* 7.17.4: fences. */
#define atomic_thread_fence(order) __atomic_thread_fence(order)
#define atomic_signal_fence(order) __atomic_signal_fence(order)

/* 7.17.5.1 */
#define atomic_is_lock_free(obj) __atomic_is_lock_free(sizeof(*(obj)), (obj))

/* 7.17.7: operations on atomic types. */
#define atomic_store_explicit(obj, desired, order) __atomic_store_n((obj), (desired), (order))
#define atomic_store(obj, desired) atomic_store_explicit((obj), (desired), memory_order_seq_cst)
#define atomic_load_explicit(obj, order) __atomic_load_n((obj), (order))
#define atomic_load(obj) atomic_load_explicit((obj), memory_order_seq_cst)
#define atomic_exchange_explicit(obj, desired, order) __atomic_exchange_n((obj), (desired), (order))
#define atomic_exchange(obj, desired) atomic_exchange_explicit((obj), (desired), memory_order_seq_cst)
#define atomic_compare_exchange_strong_explicit(obj, expected, desired, success, failure) \
  __atomic_compare_exchange_n((obj), (expected), (desired), 0, (success), (failure))
#define atomic_compare_exchange_strong(obj, expected, desired) \
  atomic_compare_exchange_strong_explicit((obj), (expected), (desired), memory_order_seq_cst, memory_order_seq_cst)
#define atomic_compare_exchange_weak_explicit(obj, expected, desired, success, failure) \
  __atomic_compare_exchange_n((obj), (expected), (desired), 1, (success), (failure))
#define atomic_compare_exchange_weak(obj, expected, desired) \
  atomic_compare_exchange_weak_explicit((obj), (expected), (desired), memory_order_seq_cst, memory_order_seq_cst)
#define atomic_fetch_add_explicit(obj, operand, order) __atomic_fetch_add((obj), (operand), (order))
#define atomic_fetch_add(obj, operand) atomic_fetch_add_explicit((obj), (operand), memory_order_seq_cst)
#define atomic_fetch_sub_explicit(obj, operand, order) __atomic_fetch_sub((obj), (operand), (order))
#define atomic_fetch_sub(obj, operand) atomic_fetch_sub_explicit((obj), (operand), memory_order_seq_cst)
#define atomic_fetch_or_explicit(obj, operand, order) __atomic_fetch_or((obj), (operand), (order))
#define atomic_fetch_or(obj, operand) atomic_fetch_or_explicit((obj), (operand), memory_order_seq_cst)
#define atomic_fetch_xor_explicit(obj, operand, order) __atomic_fetch_xor((obj), (operand), (order))
#define atomic_fetch_xor(obj, operand) atomic_fetch_xor_explicit((obj), (operand), memory_order_seq_cst)
#define atomic_fetch_and_explicit(obj, operand, order) __atomic_fetch_and((obj), (operand), (order))
#define atomic_fetch_and(obj, operand) atomic_fetch_and_explicit((obj), (operand), memory_order_seq_cst)

/* 7.17.8: the flag type, always lock-free. */
typedef struct atomic_flag {
  _Bool __set;
} atomic_flag;
#define ATOMIC_FLAG_INIT { 0 }
#define atomic_flag_test_and_set_explicit(obj, order) __atomic_test_and_set(&(obj)->__set, (order))
#define atomic_flag_test_and_set(obj) atomic_flag_test_and_set_explicit((obj), memory_order_seq_cst)
#define atomic_flag_clear_explicit(obj, order) __atomic_clear(&(obj)->__set, (order))
#define atomic_flag_clear(obj) atomic_flag_clear_explicit((obj), memory_order_seq_cst)

#endif
