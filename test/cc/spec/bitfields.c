/* Bit-fields as gcc lays them out and reads them for RISC-V ilp32: enum bit-fields are unsigned when no
 * enumerator is negative (the enum's underlying type is then unsigned int), long long and unsigned long long
 * bit-fields (read, write, compound assignment, ++/--, in initializers, static and automatic). */
#include "test.h"

enum color { RED = 1, GREEN = 148, BLUE = 255 };
enum sign { NEG = -1, POS = 1 };
enum big_enum { BE = 0x80000000u };

struct ebits { enum color c : 8; enum sign s : 8; enum color d : 2; unsigned rest : 14; };
struct llbits { unsigned char tag; long long a : 40; unsigned long long b : 60; long long c : 5; unsigned long long d : 33; };
struct straddle { unsigned x : 20; unsigned long long y : 40; long long z : 4; };
struct small_ll { long long lo : 3; unsigned long long hi : 31; int after; };
struct full { unsigned long long all : 64; long long sall : 64; };

static struct llbits gl = { 9, -5, 0x0fedcba987654321ULL, -16, 0x1ffffffffULL };
static struct straddle gs = { 0xfffff, 0xffffffffffULL, 7 };

union u { unsigned a : 3; int b : 5; unsigned long long c : 40; char d; };
struct pk { char x; int y : 20; unsigned z : 12; } __attribute__((packed));
struct bools { _Bool a : 1; _Bool b : 1; unsigned char c : 3; signed char d : 4; short e : 9; unsigned short f : 7; };
struct w32 { int a : 32; unsigned b : 32; };
struct anon { int a : 4; int : 0; int b : 4; unsigned : 3; unsigned c : 5; };
struct vol { volatile unsigned v : 6; };

enum big_enum2 { BE2 = 0x80000000u, BF2 };
enum neg_enum { NA = -5, NB = 0x7fffffff };
enum e8 { E8A = 1, E8B = 255 };

/* the types of enums and of their constants: int when the value fits, else unsigned int (gcc) */
static void enum_types(void) {
  volatile int zero = 0;
  ASSERT(1, BE2 + zero > 0);
  ASSERT(2147483648LL, (long long)BE2 + zero);
  ASSERT(2147483649LL, (long long)BF2);
  ASSERT(4, sizeof(BE2));
  ASSERT(1, _Generic(BE2, unsigned int: 1, int: 2, default: 0));
  ASSERT(2, _Generic(NA, unsigned int: 1, int: 2, default: 0));
  ASSERT(2, _Generic(E8A, unsigned int: 1, int: 2, default: 0));
  enum e8 v = E8B;
  ASSERT(1, v + zero - 256 > 0 || 1);
  ASSERT(1, (v - 256) > 0); /* unsigned underlying type: wraps */
  enum neg_enum w = NA;
  ASSERT(1, w < 0);
  ASSERT(0, (enum e8)0 - 1 < 0);
}

/* unions, packed structs, _Bool/char/short fields, full-width fields, :0 and unnamed padding, volatile */
static void other_shapes(void) {
  union u x; x.c = 0xabcdef1234ULL;
  ASSERT(4, x.a); ASSERT(0x14, x.b & 0x1f); ASSERT(1, x.c == 0xabcdef1234ULL);
  ASSERT(8, sizeof(union u));
  struct pk p = { 1, -5, 4095 };
  ASSERT(-5, p.y); ASSERT(4095, p.z); ASSERT(5, sizeof p);
  p.y += 10; ASSERT(5, p.y);
  struct bools b = { 1, 0, 7, -8, -256, 127 };
  ASSERT(1, b.a); ASSERT(0, b.b); ASSERT(7, b.c); ASSERT(-8, b.d); ASSERT(-256, b.e); ASSERT(127, b.f);
  b.a = 2; ASSERT(1, b.a);
  b.d = 8; ASSERT(-8, b.d);
  b.e++; ASSERT(-255, b.e);
  ASSERT(4, sizeof b);
  struct w32 w = { -1, 0xffffffff };
  ASSERT(-1, w.a); ASSERT(1, w.b == 0xffffffffu);
  w.a += 2; ASSERT(1, w.a);
  struct anon an = { 3, 5, 17 };
  ASSERT(3, an.a); ASSERT(5, an.b); ASSERT(17, an.c); ASSERT(8, sizeof an);
  struct anon an2 = { .c = 9, .a = -1 };
  ASSERT(-1, an2.a); ASSERT(0, an2.b); ASSERT(9, an2.c);
  struct vol v = { 5 };
  v.v |= 0x30; ASSERT(0x35, v.v);
  int r = (b.c = 9); ASSERT(1, r);
  ASSERT(1, (x.a = 9) == 1);
}

long long read_a(struct llbits *p) { return p->a; }
unsigned long long read_b(struct llbits *p) { return p->b; }
void write_b(struct llbits *p, unsigned long long v) { p->b = v; }

int main(void) {
  struct ebits e = { GREEN, NEG, 3, 5 };
  ASSERT(148, e.c);
  ASSERT(-1, e.s);
  ASSERT(3, e.d);
  ASSERT(1, e.c > 0);
  ASSERT(5, e.rest);
  e.c = BLUE;
  ASSERT(255, e.c);
  e.d += 2; /* wraps in 2 unsigned bits */
  ASSERT(1, e.d);
  ASSERT(1, (enum color)-1 > 0); /* unsigned underlying type */
  ASSERT(0, (enum sign)-1 > 0);
  ASSERT(4, sizeof(enum big_enum));
  ASSERT(1, BE == 0x80000000u);
  ASSERT(1, sizeof(struct ebits) == 4);

  ASSERT(24, sizeof(struct llbits));
  ASSERT(8, _Alignof(struct llbits));
  ASSERT(9, gl.tag);
  ASSERT(-5, gl.a);
  ASSERT(1, gl.b == 0x0fedcba987654321ULL);
  ASSERT(-16, gl.c);
  ASSERT(1, gl.d == 0x1ffffffffULL);
  ASSERT(-5, read_a(&gl));
  ASSERT(1, read_b(&gl) == 0x0fedcba987654321ULL);
  write_b(&gl, 0xffffffffffffffffULL); /* truncated to 60 bits */
  ASSERT(1, gl.b == 0x0fffffffffffffffULL);
  ASSERT(-5, gl.a);
  ASSERT(-16, gl.c);

  struct llbits l = { 1, 0x7fffffffffLL, 3, 15, 0 };
  ASSERT(0x7fffffffffLL, l.a);
  l.a += 1; /* overflows 40 signed bits */
  ASSERT(-0x8000000000LL, l.a);
  l.a = -1;
  ASSERT(-1, l.a);
  l.b <<= 58;
  ASSERT(1, l.b == 0x0c00000000000000ULL);
  l.b++;
  ASSERT(1, l.b == 0x0c00000000000001ULL);
  l.c++;
  ASSERT(-16, l.c); /* 15 + 1 wraps in 5 signed bits */
  l.c--;
  ASSERT(15, l.c);
  l.d = 0xffffffffULL;
  l.d++;
  ASSERT(1, l.d == 0x100000000ULL);
  l.d--;
  ASSERT(1, l.d == 0xffffffffULL);
  long long r = (l.a = 0x123456789aLL);
  ASSERT(0x123456789aLL, r);
  ASSERT(1, l.tag);

  ASSERT(0xfffff, gs.x);
  ASSERT(1, gs.y == 0xffffffffffULL);
  ASSERT(7, gs.z);
  struct straddle s = { 1, 2, -8 };
  s.y = 0xabcdef0123ULL;
  ASSERT(1, s.x);
  ASSERT(1, s.y == 0xabcdef0123ULL);
  ASSERT(-8, s.z);
  s.y *= 2; /* truncated to 40 bits */
  ASSERT(1, s.y == 0x579bde0246ULL);

  struct small_ll sm = { -4, 0x7fffffff, 6 };
  ASSERT(-4, sm.lo);
  ASSERT(0x7fffffff, sm.hi);
  ASSERT(6, sm.after);
  ASSERT(4, sizeof(sm.lo + 0)); /* no wider than int: an int in arithmetic, as gcc */
  ASSERT(4, sizeof(sm.hi + 0));
  ASSERT(8, sizeof(gl.a + 0)); /* wider: long long */
  ASSERT(-1, sm.lo - sm.lo - 1 < 0 ? -1 : 1);

  struct full f = { 0xffffffffffffffffULL, -2 };
  ASSERT(1, f.all == 0xffffffffffffffffULL);
  ASSERT(-2, f.sall);
  f.sall -= 3;
  ASSERT(-5, f.sall);
  other_shapes();
  enum_types();
  return t_done("bitfields");
}
