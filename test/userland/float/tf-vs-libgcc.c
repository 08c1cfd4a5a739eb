/* Our binary128 helpers (userland/libc/softfp, compiled here with an our_ prefix) against libgcc's, on
 * edge and random operands in the four rounding modes libgcc implements: result bits and the fflags each
 * call raises must be equal. (libgcc's soft-fp has no round-to-nearest-away: under frm 4 it truncates,
 * where ours rounds to nearest with ties away from zero, as IEEE's roundTiesToAway asks.) Built by riscv64-unknown-elf-gcc -march=rv32imafd -mabi=ilp32d, run under qemu-riscv32.
 * usage: tf-vs-libgcc COUNT SEED; prints one line per mismatch (at most 40) and a summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

typedef struct { uint32_t w[4]; } tf;
tf our_addtf3(tf, tf), our_subtf3(tf, tf), our_multf3(tf, tf), our_divtf3(tf, tf), our_negtf2(tf);
int our_eqtf2(tf, tf), our_netf2(tf, tf), our_lttf2(tf, tf), our_letf2(tf, tf), our_gttf2(tf, tf);
int our_getf2(tf, tf), our_unordtf2(tf, tf);
tf our_extenddftf2(double), our_extendsftf2(float);
double our_trunctfdf2(tf);
float our_trunctfsf2(tf);
int our_fixtfsi(tf);
unsigned our_fixunstfsi(tf);
long long our_fixtfdi(tf);
unsigned long long our_fixunstfdi(tf);
tf our_floatsitf(int), our_floatunsitf(unsigned), our_floatditf(long long), our_floatunditf(unsigned long long);
/* libgcc's, under their own names */
long double __addtf3(long double, long double), __subtf3(long double, long double);
long double __multf3(long double, long double), __divtf3(long double, long double), __negtf2(long double);
int __eqtf2(long double, long double), __netf2(long double, long double), __lttf2(long double, long double);
int __letf2(long double, long double), __gttf2(long double, long double), __getf2(long double, long double);
int __unordtf2(long double, long double);
long double __extenddftf2(double), __extendsftf2(float);
double __trunctfdf2(long double);
float __trunctfsf2(long double);
int __fixtfsi(long double);
unsigned __fixunstfsi(long double);
long long __fixtfdi(long double);
unsigned long long __fixunstfdi(long double);
long double __floatsitf(int), __floatunsitf(unsigned), __floatditf(long long), __floatunditf(unsigned long long);

static uint64_t state;
static uint32_t rnd(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return (uint32_t)(state >> 16);
}

static void clear_flags(void) { __asm__ volatile("csrw fflags, zero"); }
static unsigned read_flags(void) {
  unsigned f;
  __asm__ volatile("csrr %0, fflags" : "=r"(f));
  return f;
}
static void set_mode(unsigned m) { __asm__ volatile("csrw frm, %0" ::"r"(m)); }

static long double ld_of(tf a) { long double x; memcpy(&x, &a, 16); return x; }
static tf tf_of(long double x) { tf a; memcpy(&a, &x, 16); return a; }

/* Interesting binary128 operands: specials, extremes, and random values with clustered exponents. */
static tf operand(void) {
  tf a;
  uint32_t kind = rnd() % 16, i;
  for (i = 0; i < 4; i++) a.w[i] = rnd();
  switch (kind) {
  case 0: a.w[0] = a.w[1] = a.w[2] = 0; a.w[3] &= 0x80000000u; break;                 /* ±0 */
  case 1: a.w[0] = a.w[1] = a.w[2] = 0; a.w[3] = (a.w[3] & 0x80000000u) | 0x7fff0000u; break; /* ±inf */
  case 2: a.w[3] |= 0x7fff0000u; break;                                                /* NaN (q or s) or inf */
  case 3: a.w[3] &= 0x8000ffffu; break;                                                /* subnormal */
  case 4: a.w[3] = (a.w[3] & 0x8000ffffu) | 0x7ffe0000u; break;                        /* huge */
  case 5: a.w[3] = (a.w[3] & 0x8000ffffu) | ((0x3fff + rnd() % 8 - 4) << 16); break;   /* near 1 */
  case 6: a.w[3] = (a.w[3] & 0x8000ffffu) | ((rnd() % 130) << 16); break;              /* near the subnormals */
  case 7: a.w[0] &= 0xffff0000u; a.w[1] = 0; a.w[2] = 0; a.w[3] = (a.w[3] & 0x8000ffffu) | ((0x3fff + rnd() % 70) << 16); break; /* short */
  case 8: a.w[0] = a.w[1] = a.w[2] = 0xffffffffu; a.w[3] |= 0xffff; break;             /* all ones */
  default: a.w[3] = (a.w[3] & 0x8000ffffu) | ((0x3fff + (int)(rnd() % 400) - 200) << 16); break;
  }
  return a;
}

/* A second operand near the first (close exponents make cancellation and ties). */
static tf near(tf a) {
  tf b = operand();
  if (rnd() % 2) {
    int e = (a.w[3] >> 16) & 0x7fff;
    e += (int)(rnd() % 120) - 60;
    if (e < 0) e = 0;
    if (e > 0x7ffe) e = 0x7ffe;
    b.w[3] = (b.w[3] & 0x8000ffffu) | ((uint32_t)e << 16);
    if (rnd() % 4 == 0) { b.w[2] = a.w[2]; b.w[3] = (b.w[3] & 0xffff0000u) | (a.w[3] & 0xffff); }
  }
  return b;
}

static int mismatches, shown;
static void report(const char *op, unsigned mode, tf a, tf b, const uint32_t *want, const uint32_t *got,
                   int words, unsigned wf, unsigned gf) {
  int i, same = wf == gf;
  for (i = 0; i < words; i++) same &= want[i] == got[i];
  if (same) return;
  mismatches++;
  if (shown++ >= 40) return;
  printf("MISMATCH %s rm=%u a=%08x%08x%08x%08x b=%08x%08x%08x%08x want=", op, mode, a.w[3], a.w[2], a.w[1],
         a.w[0], b.w[3], b.w[2], b.w[1], b.w[0]);
  for (i = words - 1; i >= 0; i--) printf("%08x", want[i]);
  printf("/%02x got=", wf);
  for (i = words - 1; i >= 0; i--) printf("%08x", got[i]);
  printf("/%02x\n", gf);
}

#define BINARY(name)                                                          \
  do {                                                                        \
    tf w, g;                                                                  \
    unsigned wf, gf;                                                          \
    clear_flags(); w = tf_of(__##name(ld_of(a), ld_of(b))); wf = read_flags(); \
    clear_flags(); g = our_##name(a, b); gf = read_flags();                   \
    report(#name, mode, a, b, w.w, g.w, 4, wf, gf);                           \
  } while (0)

#define COMPARE(name)                                                         \
  do {                                                                        \
    uint32_t w, g;                                                            \
    unsigned wf, gf;                                                          \
    clear_flags(); w = (uint32_t)__##name(ld_of(a), ld_of(b)); wf = read_flags(); \
    clear_flags(); g = (uint32_t)our_##name(a, b); gf = read_flags();        \
    report(#name, mode, a, b, &w, &g, 1, wf, gf);                             \
  } while (0)

#define UNARY_TO(name, T, words)                                              \
  do {                                                                        \
    T w, g;                                                                   \
    unsigned wf, gf;                                                          \
    clear_flags(); w = __##name(ld_of(a)); wf = read_flags();                 \
    clear_flags(); g = our_##name(a); gf = read_flags();                      \
    report(#name, mode, a, a, (uint32_t *)&w, (uint32_t *)&g, words, wf, gf); \
  } while (0)

#define FROM(name, T, expr)                                                   \
  do {                                                                        \
    T x = (T)(expr);                                                          \
    tf w, g;                                                                  \
    unsigned wf, gf;                                                          \
    clear_flags(); w = tf_of(__##name(x)); wf = read_flags();                 \
    clear_flags(); g = our_##name(x); gf = read_flags();                      \
    report(#name, mode, a, a, w.w, g.w, 4, wf, gf);                           \
  } while (0)

int main(int argc, char **argv) {
  long count = argc > 1 ? atol(argv[1]) : 1000, i;
  state = argc > 2 ? strtoull(argv[2], 0, 10) : 88172645463325252ull;
  for (i = 0; i < count; i++) {
    unsigned mode = i % 4;
    tf a = operand(), b = near(a);
    double d;
    float f;
    uint64_t bits64 = ((uint64_t)rnd() << 32) | rnd();
    uint32_t bits32 = rnd();
    set_mode(mode);
    BINARY(addtf3);
    BINARY(subtf3);
    BINARY(multf3);
    BINARY(divtf3);
    {
      tf w, g;
      unsigned wf, gf;
      clear_flags(); w = tf_of(__negtf2(ld_of(a))); wf = read_flags();
      clear_flags(); g = our_negtf2(a); gf = read_flags();
      report("negtf2", mode, a, a, w.w, g.w, 4, wf, gf);
    }
    COMPARE(eqtf2); COMPARE(netf2); COMPARE(lttf2); COMPARE(letf2);
    COMPARE(gttf2); COMPARE(getf2); COMPARE(unordtf2);
    UNARY_TO(trunctfdf2, double, 2);
    UNARY_TO(trunctfsf2, float, 1);
    UNARY_TO(fixtfsi, int, 1);
    UNARY_TO(fixunstfsi, unsigned, 1);
    UNARY_TO(fixtfdi, long long, 2);
    UNARY_TO(fixunstfdi, unsigned long long, 2);
    if (i % 3 == 0) bits64 = (bits64 & 0x800fffffffffffffull) | ((uint64_t)(1023 + rnd() % 64) << 52);
    if (i % 7 == 0) bits64 &= 0x800fffffffffffffull; /* subnormal */
    memcpy(&d, &bits64, 8);
    memcpy(&f, &bits32, 4);
    FROM(extenddftf2, double, d);
    FROM(extendsftf2, float, f);
    FROM(floatsitf, int, (int)rnd());
    FROM(floatunsitf, unsigned, rnd());
    FROM(floatditf, long long, bits64);
    FROM(floatunditf, unsigned long long, bits64);
  }
  set_mode(0);
  printf("tf-vs-libgcc: %ld cases x 25 helpers, %d mismatches\n", count, mismatches);
  return mismatches != 0;
}
