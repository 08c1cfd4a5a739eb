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
  return t_done("bitfields");
}
