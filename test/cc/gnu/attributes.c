/* GNU attributes, checked against gcc by test/cc/attributes.test.ts: layout (packed, aligned), sections,
 * weak definitions and references, aliases, constructors and destructors with priorities, and attribute
 * lists in every position gcc accepts them. Destructors print after main's OK line. */
#include "test.h"

static char order[16];
static int norder;
static void note(char c) { order[norder++] = c; }

__attribute__((constructor)) static void ctor_plain(void) { note('c'); }
static void __attribute__((constructor(200))) ctor_200(void) { note('b'); }
static void ctor_101(void) __attribute__((constructor(101)));
static void ctor_101(void) { note('a'); }
__attribute__((destructor)) static void dtor_plain(void) { t_puts("fini plain\n"); }
__attribute__((destructor(101))) static void dtor_101(void) { t_puts("fini 101\n"); }
__attribute__((__destructor__(300))) static void dtor_300(void) { t_puts("fini 300\n"); }

struct __attribute__((packed)) P1 { char c; int i; short s; };
struct P2 { char c; int i; } __attribute__((packed));
struct P3 { char c; int i __attribute__((packed)); short s; };
struct A1 { char c; int i __attribute__((aligned(16))); };
struct A2 { char c; } __attribute__((aligned(8)));
struct __attribute__((aligned)) A3 { char c; };
struct A4 { char c; struct P1 p; long long x __attribute__((aligned(4))); };
typedef struct { short a; int b; } __attribute__((packed, aligned(2))) T1;

int aligned_var __attribute__((aligned(64))) = 3;
__attribute__((aligned(32))) static char aligned_buf[5];
int in_data_section __attribute__((section(".data.pagoda_test"))) = 77;
const int in_rodata_section __attribute__((section(".rodata.pagoda_test"))) = 88;
__attribute__((section(".text.pagoda_test"))) int in_text_section(int x) { return x * 3; }

int weak_defined __attribute__((weak)) = 11;
__attribute__((weak)) int weak_fn(void) { return 12; }
extern int missing_var __attribute__((weak));
extern int missing_fn(int) __attribute__((weak));

int real_fn(int x) { return x + 42; }
int alias_fn(int) __attribute__((alias("real_fn")));
int real_var = 5;
extern int alias_var __attribute__((alias("real_var")));

static int __attribute__((used)) kept(void) { return 1; }
__attribute__((noreturn)) void stop(void);
__attribute__((always_inline)) static inline int twice(int x) { return 2 * x; }
__attribute__((noinline, unused)) static int thrice(int x) { return 3 * x; }
int fmt(const char *f, ...) __attribute__((format(printf, 1, 2), nonnull(1)));
__attribute__((visibility("hidden"))) int hidden_var = 9;
__attribute__((const, warn_unused_result)) static int pure_fn(int x) { return x ^ 1; }

/* attribute lists in the positions gcc takes them */
int __attribute__((unused)) pos1;
__attribute__((unused)) int pos2, pos3 __attribute__((unused));
int *__attribute__((unused)) pos4;
static int pos_params(int a __attribute__((unused)), __attribute__((unused)) int b) { return b; }
enum __attribute__((unused)) E { E1 = 1 } __attribute__((unused));

static int fallthrough(int x) {
  int r = 0;
  switch (x) {
  case 1:
    r += 1;
    __attribute__((fallthrough));
  case 2:
    r += 2;
    break;
  }
done: __attribute__((unused));
  return r;
}

int main(void) {
  ASSERT(7, sizeof(struct P1));
  ASSERT(5, sizeof(struct P2));
  ASSERT(1, __builtin_offsetof(struct P2, i));
  ASSERT(1, __builtin_offsetof(struct P3, i));
  ASSERT(6, __builtin_offsetof(struct P3, s));
  ASSERT(8, sizeof(struct P3));
  ASSERT(2, _Alignof(struct P3));
  ASSERT(32, sizeof(struct A1));
  ASSERT(16, __builtin_offsetof(struct A1, i));
  ASSERT(8, sizeof(struct A2));
  ASSERT(8, _Alignof(struct A2));
  ASSERT(16, _Alignof(struct A3));
  ASSERT(8, __builtin_offsetof(struct A4, x));
  ASSERT(16, sizeof(struct A4));
  ASSERT(6, sizeof(T1));
  ASSERT(2, _Alignof(T1));
  ASSERT(0, (unsigned)&aligned_var & 63);
  ASSERT(0, (unsigned)aligned_buf & 31);
  ASSERT(77, in_data_section);
  ASSERT(88, in_rodata_section);
  ASSERT(21, in_text_section(7));
  ASSERT(11, weak_defined);
  ASSERT(12, weak_fn());
  ASSERT(1, &missing_var == 0);
  ASSERT(1, missing_fn == 0);
  ASSERT(0, missing_fn ? missing_fn(1) : 0);
  ASSERT(1, !&missing_var);
  ASSERT(43, alias_fn(1));
  ASSERT(1, alias_fn == real_fn);
  ASSERT(5, alias_var);
  ASSERT(1, &alias_var == &real_var);
  ASSERT(8, twice(4));
  ASSERT(9, thrice(3));
  ASSERT(9, hidden_var);
  ASSERT(3, pure_fn(2));
  ASSERT(7, pos_params(1, 7));
  ASSERT(3, fallthrough(1));
  ASSERT(2, fallthrough(2));
  ASSERT(3, norder);
  ASSERT('a', order[0]);
  ASSERT('b', order[1]);
  ASSERT('c', order[2]);
  return t_done("attributes");
}
