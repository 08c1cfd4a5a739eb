/* C11 atomics and gcc's __atomic/__sync builtins: every operation's value and effect, for 1-, 2-, 4- and
 * 8-byte objects and odd-size structs, including sub-word objects next to others in the same word (whose
 * bytes must stay untouched). Built by gcc (-march=rv32ima, with the libc's helpers compiled by gcc) and
 * by pagoda cc; both must print the same. */
#include <stdatomic.h>
#include "test.h"

struct pair {
  unsigned char before;
  unsigned char b;
  unsigned short h;
};
static struct pair pr = {0x11, 0x22, 0x3344};
static short hs[2] = {-2, 7};
static int w = 10;
static long long ll = 0x100000000LL;
static atomic_int ai = ATOMIC_VAR_INIT(5);
static _Atomic(unsigned char) auc;
static _Atomic short ash = -3;
static _Atomic long long all = 40;
static int *_Atomic ap;
static int arr[4] = {1, 2, 3, 4};
struct odd { char c[3]; };
static struct odd odd1 = {{1, 2, 3}};
struct big { int v[5]; };

static int order(int o) { return o; } /* a memory order not known at compile time */

static void words(void) {
  ASSERT(10, __atomic_load_n(&w, __ATOMIC_RELAXED));
  ASSERT(10, __atomic_load_n(&w, order(2)));
  __atomic_store_n(&w, 12, __ATOMIC_RELEASE);
  ASSERT(12, __atomic_exchange_n(&w, 20, __ATOMIC_ACQ_REL));
  ASSERT(20, __atomic_fetch_add(&w, 5, __ATOMIC_SEQ_CST));
  ASSERT(22, __atomic_sub_fetch(&w, 3, __ATOMIC_ACQUIRE));
  ASSERT(22, __atomic_fetch_and(&w, 6, __ATOMIC_RELAXED));
  ASSERT(7, __atomic_or_fetch(&w, 3, __ATOMIC_SEQ_CST));
  ASSERT(7, __atomic_fetch_xor(&w, 5, __ATOMIC_SEQ_CST));
  ASSERT(-3, __atomic_nand_fetch(&w, 6, __ATOMIC_SEQ_CST));
  ASSERT(-3, __atomic_fetch_nand(&w, -1, __ATOMIC_SEQ_CST));
  ASSERT(2, w);
  int e = 3;
  ASSERT(0, __atomic_compare_exchange_n(&w, &e, 9, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED));
  ASSERT(2, e);
  ASSERT(1, __atomic_compare_exchange_n(&w, &e, 9, 1, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE));
  ASSERT(9, w);
  ASSERT(9, __sync_fetch_and_add(&w, 1));
  ASSERT(8, __sync_sub_and_fetch(&w, 2));
  ASSERT(1, __sync_bool_compare_and_swap(&w, 8, 100));
  ASSERT(0, __sync_bool_compare_and_swap(&w, 8, 200));
  ASSERT(100, __sync_val_compare_and_swap(&w, 100, 50));
  ASSERT(50, __sync_lock_test_and_set(&w, 60));
  __sync_lock_release(&w);
  ASSERT(0, w);
  __sync_synchronize();
  unsigned u = 0xf0f0f0f0u;
  ASSERT(0xf0f0f0f0u, __atomic_fetch_or(&u, 0x0f, 0));
  ASSERT(0xf0f0f0ffu, u);
  int *q = &arr[1];
  ASSERT(3, *__atomic_add_fetch(&q, 4, 5)); /* gcc adds bytes to pointers, unscaled */
}

static void subwords(void) {
  ASSERT(0x22, __atomic_exchange_n(&pr.b, 0xfe, __ATOMIC_SEQ_CST));
  ASSERT(0xfe, __atomic_fetch_add(&pr.b, 3, __ATOMIC_SEQ_CST)); /* wraps to 1 */
  ASSERT(1, pr.b);
  ASSERT(0x11, pr.before);
  ASSERT(0x3344, pr.h);
  ASSERT(0x3344, __atomic_fetch_sub(&pr.h, 0x3345, __ATOMIC_SEQ_CST));
  ASSERT(0xffff, pr.h);
  ASSERT(0xff0f, __atomic_and_fetch(&pr.h, 0xff0f, __ATOMIC_RELAXED));
  ASSERT(1, pr.b);
  ASSERT(0x11, pr.before);
  unsigned char eb = 1;
  ASSERT(1, __atomic_compare_exchange_n(&pr.b, &eb, 0x80, 0, 5, 5));
  ASSERT(0x80, pr.b);
  ASSERT(0, __atomic_compare_exchange_n(&pr.b, &eb, 0x81, 0, 5, 5));
  ASSERT(0x80, eb);
  ASSERT(-2, __atomic_fetch_add(&hs[0], -1, 5));
  ASSERT(-3, hs[0]);
  ASSERT(7, hs[1]);
  ASSERT(-4, __atomic_sub_fetch(&hs[0], 1, 5));
  short eh = -4;
  ASSERT(1, __atomic_compare_exchange_n(&hs[0], &eh, -32768, 0, 5, 5));
  ASSERT(-32768, __atomic_load_n(&hs[0], 5));
  ASSERT(6, __atomic_xor_fetch(&hs[1], 1, 5));
  ASSERT(6, __atomic_exchange_n(&hs[1], -1, 5));
  ASSERT(-1, hs[1]);
  ASSERT(-32768, hs[0]);
  ASSERT(-1, __atomic_fetch_nand(&hs[1], 0x00ff, 5));
  ASSERT(-256, hs[1]);
  _Bool flag = 0;
  ASSERT(0, __atomic_test_and_set(&flag, 5));
  ASSERT(1, __atomic_test_and_set(&flag, 5));
  __atomic_clear(&flag, 5);
  ASSERT(0, flag);
}

static void wide(void) {
  ASSERT(0x100000000LL, __atomic_load_n(&ll, 5));
  __atomic_store_n(&ll, -1, 5);
  ASSERT(-1, __atomic_fetch_add(&ll, 2, 5));
  ASSERT(1, ll);
  ASSERT(1, __atomic_exchange_n(&ll, 0x7fffffffffffffffLL, 5));
  ASSERT((long long)0x8000000000000000ULL, __atomic_add_fetch(&ll, 1, 5));
  long long e = 5;
  ASSERT(0, __atomic_compare_exchange_n(&ll, &e, 6, 0, 5, 5));
  ASSERT((long long)0x8000000000000000ULL, e);
  ASSERT(1, __atomic_compare_exchange_n(&ll, &e, 6, 0, 5, 5));
  ASSERT(6, ll);
  ASSERT(6, __atomic_fetch_or(&ll, 0x100000000LL, 5));
  ASSERT(0x100000006LL, __atomic_fetch_xor(&ll, 6, 5));
  ASSERT(0x100000000LL, __atomic_and_fetch(&ll, 0x1ffffffffLL, 5));
  ASSERT(~0x100000000LL, __atomic_nand_fetch(&ll, -1, 5));
  ASSERT(1, __sync_bool_compare_and_swap(&ll, ~0x100000000LL, 3));
  ASSERT(3, __sync_val_compare_and_swap(&ll, 3, 4));
  ASSERT(4, ll);
  long long got;
  __atomic_load(&ll, &got, 5);
  ASSERT(4, got);
}

static void generic(void) {
  struct odd a, b = {{7, 8, 9}};
  __atomic_load(&odd1, &a, 5);
  ASSERT(3, a.c[2]);
  __atomic_store(&odd1, &b, 5);
  ASSERT(8, odd1.c[1]);
  struct odd c = {{1, 1, 1}};
  __atomic_exchange(&odd1, &c, &a, 5);
  ASSERT(9, a.c[2]);
  ASSERT(1, odd1.c[2]);
  struct odd want = {{1, 1, 2}};
  ASSERT(0, __atomic_compare_exchange(&odd1, &want, &b, 0, 5, 5));
  ASSERT(1, want.c[2]);
  ASSERT(1, __atomic_compare_exchange(&odd1, &want, &b, 0, 5, 5));
  ASSERT(7, odd1.c[0]);
  struct big x = {{1, 2, 3, 4, 5}}, y;
  __atomic_store(&x, &x, 5);
  __atomic_load(&x, &y, 5);
  ASSERT(5, y.v[4]);
  int iv = 3, out;
  __atomic_exchange(&w, &iv, &out, 5);
  ASSERT(3, w);
  ASSERT(1, __atomic_always_lock_free(4, 0));
  ASSERT(0, __atomic_always_lock_free(8, 0));
  ASSERT(1, __atomic_is_lock_free(4, 0));
}

static void c11(void) {
  ASSERT(5, atomic_load(&ai));
  atomic_store(&ai, 6);
  ASSERT(6, ai);
  ai = 7;
  ASSERT(8, ++ai);
  ASSERT(8, ai++);
  ASSERT(9, ai--);
  ASSERT(10, ai += 2);
  ASSERT(30, ai *= 3);
  ASSERT(3, ai /= 10);
  ASSERT(2, ai -= 1);
  ASSERT(0, ai &= 1);
  ASSERT(5, ai |= 5);
  ASSERT(6, ai ^= 3);
  ASSERT(24, ai <<= 2);
  ASSERT(3, ai >>= 3);
  ASSERT(3, atomic_fetch_add(&ai, 4));
  ASSERT(7, atomic_fetch_sub_explicit(&ai, 1, memory_order_relaxed));
  ASSERT(6, atomic_fetch_or(&ai, 8));
  ASSERT(14, atomic_fetch_and(&ai, 7));
  ASSERT(6, atomic_fetch_xor(&ai, 1));
  ASSERT(7, atomic_exchange(&ai, 1));
  int e = 1;
  ASSERT(1, atomic_compare_exchange_strong(&ai, &e, 2));
  ASSERT(0, atomic_compare_exchange_weak_explicit(&ai, &e, 3, memory_order_acq_rel, memory_order_acquire));
  ASSERT(2, e);
  while (!atomic_compare_exchange_weak(&ai, &e, e * 10)) {
  }
  ASSERT(20, ai);
  auc = 250;
  auc += 10;
  ASSERT(4, auc);
  ASSERT(4, auc--);
  ASSERT(3, auc);
  ASSERT(-3, ash);
  ASSERT(-4, --ash);
  ash *= -1000;
  ASSERT(4000, ash);
  ASSERT(4000, atomic_fetch_add(&ash, 30000)); /* wraps */
  ASSERT(-31536, ash);
  ASSERT(40, all);
  all += 0x100000000LL;
  ASSERT(0x100000028LL, all++);
  ASSERT(0x100000029LL, all);
  all = -5;
  ASSERT(-10, all *= 2);
  ASSERT(-10, atomic_load_explicit(&all, memory_order_acquire));
  ASSERT(-10, atomic_exchange(&all, 1));
  ASSERT(1, atomic_fetch_add(&all, 1));
  long long le = 2;
  ASSERT(1, atomic_compare_exchange_strong(&all, &le, 77));
  ASSERT(77, all);
  ap = &arr[0];
  ap++;
  ASSERT(2, *ap);
  ap += 2;
  ASSERT(4, *ap);
  ASSERT(3, *--ap);
  atomic_int local;
  atomic_init(&local, 9);
  ASSERT(9, atomic_load(&local));
  ASSERT(10, ++local);
  atomic_flag f = ATOMIC_FLAG_INIT;
  ASSERT(0, atomic_flag_test_and_set(&f));
  ASSERT(1, atomic_flag_test_and_set_explicit(&f, memory_order_acquire));
  atomic_flag_clear(&f);
  ASSERT(0, atomic_flag_test_and_set(&f));
  atomic_thread_fence(memory_order_seq_cst);
  atomic_thread_fence(memory_order_acquire);
  atomic_thread_fence(memory_order_release);
  atomic_thread_fence(memory_order_acq_rel);
  atomic_signal_fence(memory_order_seq_cst);
  ASSERT(1, atomic_is_lock_free(&ai));
  ASSERT(0, atomic_is_lock_free(&all));
  ASSERT(5, kill_dependency(5));
  ASSERT(4, sizeof(atomic_int));
  ASSERT(8, _Alignof(atomic_llong));
  ASSERT(2, ATOMIC_INT_LOCK_FREE);
  ASSERT(2, ATOMIC_POINTER_LOCK_FREE);
}

int main(void) {
  words();
  subwords();
  wide();
  generic();
  c11();
  return t_done("atomics");
}
