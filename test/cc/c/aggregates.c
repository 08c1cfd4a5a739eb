#include "test.h"
/* Aggregates: designators into anonymous members and nested arrays, bit-fields through pointers and
 * by value, unions passed by value. */
struct D { int a; union { int u; char uc[4]; }; struct { short p, q; }; };
struct BF { unsigned a : 3; _Bool f : 1; signed s : 5; unsigned long long ll; };
struct BF mkbf(int a) { struct BF b = {a, 1, -3, 5}; return b; }
int takebf(struct BF b) { return b.a + b.f * 10 + b.s * 100; }
union U8 { long long l; int i[2]; };
int takeu(union U8 u) { return u.i[1]; }
int main(void) {
  struct D d = {.u = 5, .q = 7};
  ASSERT(5, d.u);
  ASSERT(7, d.q);
  ASSERT(0, d.a);
  struct D d2 = {1, {2}, {3, 4}};
  ASSERT(4, d2.q);
  ASSERT(2, d2.u);
  struct BF b = mkbf(6);
  ASSERT(6, b.a);
  ASSERT(1, b.f);
  ASSERT(-3, b.s);
  ASSERT(16 - 300, takebf(b));
  struct BF *pb = &b;
  pb->s -= 2;
  ASSERT(-5, pb->s);
  pb->a += 3;
  ASSERT(1, pb->a);
  pb->f = 5;
  ASSERT(1, pb->f);
  union U8 u = {.i = {1, 2}};
  ASSERT(2, takeu(u));
  ASSERT(0x200000001LL, u.l);
  int arr[3][2] = {[2][1] = 9, [0] = {1, 2}};
  ASSERT(9, arr[2][1]);
  ASSERT(2, arr[0][1]);
  struct { int x[3]; } s = {.x[1] = 4};
  ASSERT(4, s.x[1]);
  char *strs[] = {[2] = "c", [0] = "a"};
  ASSERT(3, sizeof strs / sizeof *strs);
  return t_done("aggregates");
}
