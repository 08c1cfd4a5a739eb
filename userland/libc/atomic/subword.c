/* Byte and halfword atomics with libatomic's names, for objects compiled by gcc 12, which calls these
 * instead of inlining masked lr/sc (pagoda cc inlines them). Each is a compare-and-swap loop on the
 * aligned word holding the object, replacing only the object's bits; the 4-byte compare-exchange is
 * lock-free, so these are too. */

/* libatomic's compare-exchange has five parameters (gcc drops the weak flag when it calls the library), while
 * gcc's own declaration of the builtin of that name has six: tell gcc this is the library, on purpose. */
#pragma GCC diagnostic ignored "-Wbuiltin-declaration-mismatch"

typedef unsigned int word;

/* The aligned word holding the object at p, and the object's bit position in it (little-endian). */
static volatile word *word_of(volatile void *p) {
  return (volatile word *)((unsigned)p & ~3u);
}
static unsigned shift_of(volatile void *p) {
  return ((unsigned)p & 3u) * 8;
}

enum op { ADD, SUB, AND, OR, XOR, NAND, SET };

static word apply(enum op op, word old, word v) {
  switch (op) {
  case ADD: return old + v;
  case SUB: return old - v;
  case AND: return old & v;
  case OR: return old | v;
  case XOR: return old ^ v;
  case NAND: return ~(old & v);
  default: return v;
  }
}

/* Replaces the object (size bytes at p) by apply(op, old, v) atomically; returns the old value, or the
 * new one when want_new. */
static word update(volatile void *p, unsigned size, enum op op, word v, int want_new) {
  volatile word *w = word_of(p);
  unsigned sh = shift_of(p);
  word mask = size == 1 ? 0xffu : 0xffffu;
  word cur = __atomic_load_n(w, __ATOMIC_RELAXED);
  for (;;) {
    word old = (cur >> sh) & mask;
    word now = apply(op, old, v) & mask;
    word next = (cur & ~(mask << sh)) | (now << sh);
    if (__atomic_compare_exchange_n(w, &cur, next, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) return want_new ? now : old;
  }
}

/* Stores desired when the object equals *expected (returns 1), else copies it to *expected. */
static _Bool cas(volatile void *p, unsigned size, void *expected, word desired) {
  volatile word *w = word_of(p);
  unsigned sh = shift_of(p);
  word mask = size == 1 ? 0xffu : 0xffffu;
  word want = size == 1 ? *(unsigned char *)expected : *(unsigned short *)expected;
  word cur = __atomic_load_n(w, __ATOMIC_RELAXED);
  for (;;) {
    word old = (cur >> sh) & mask;
    if (old != want) {
      if (size == 1) *(unsigned char *)expected = (unsigned char)old;
      else *(unsigned short *)expected = (unsigned short)old;
      return 0;
    }
    word next = (cur & ~(mask << sh)) | ((desired & mask) << sh);
    if (__atomic_compare_exchange_n(w, &cur, next, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) return 1;
  }
}

#define SIZED(N, T)                                                                                              \
  T __atomic_exchange_##N(volatile void *p, T v, int o) { (void)o; return (T)update(p, N, SET, v, 0); }          \
  _Bool __atomic_compare_exchange_##N(volatile void *p, void *e, T d, int s, int f) {                            \
    (void)s;                                                                                                     \
    (void)f;                                                                                                     \
    return cas(p, N, e, d);                                                                                      \
  }                                                                                                              \
  T __atomic_fetch_add_##N(volatile void *p, T v, int o) { (void)o; return (T)update(p, N, ADD, v, 0); }         \
  T __atomic_fetch_sub_##N(volatile void *p, T v, int o) { (void)o; return (T)update(p, N, SUB, v, 0); }         \
  T __atomic_fetch_and_##N(volatile void *p, T v, int o) { (void)o; return (T)update(p, N, AND, v, 0); }         \
  T __atomic_fetch_or_##N(volatile void *p, T v, int o) { (void)o; return (T)update(p, N, OR, v, 0); }           \
  T __atomic_fetch_xor_##N(volatile void *p, T v, int o) { (void)o; return (T)update(p, N, XOR, v, 0); }         \
  T __atomic_fetch_nand_##N(volatile void *p, T v, int o) { (void)o; return (T)update(p, N, NAND, v, 0); }       \
  T __atomic_add_fetch_##N(volatile void *p, T v, int o) { (void)o; return (T)update(p, N, ADD, v, 1); }         \
  T __atomic_sub_fetch_##N(volatile void *p, T v, int o) { (void)o; return (T)update(p, N, SUB, v, 1); }         \
  T __atomic_and_fetch_##N(volatile void *p, T v, int o) { (void)o; return (T)update(p, N, AND, v, 1); }         \
  T __atomic_or_fetch_##N(volatile void *p, T v, int o) { (void)o; return (T)update(p, N, OR, v, 1); }           \
  T __atomic_xor_fetch_##N(volatile void *p, T v, int o) { (void)o; return (T)update(p, N, XOR, v, 1); }         \
  T __atomic_nand_fetch_##N(volatile void *p, T v, int o) { (void)o; return (T)update(p, N, NAND, v, 1); }

SIZED(1, unsigned char)
SIZED(2, unsigned short)
