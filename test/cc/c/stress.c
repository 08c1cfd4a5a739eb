#include "test.h"
/* Register pressure and frames: deep expressions that spill, calls nested in arguments, big local
 * arrays (offsets beyond 12 bits), struct values through ?: and calls, function pointers in structs. */
struct ops { int (*apply)(int, int); const char *name; };
struct vec { int x, y, z; };
struct bits { unsigned lo : 4, mid : 12, hi : 16; };
struct bits gbits = {3, 0x123, 0xbeef};
extern int later[];
int later[3] = {7, 8, 9};
static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }
static int id(int x) { return x; }
static long long lid(long long x) { return x; }
static struct vec mkvec(int k) { struct vec v = {k, k * 2, k * 3}; return v; }
static int deep(int n) { return n == 0 ? 0 : 1 + deep(n - 1); }
static int big_frame(int k) {
  char buf[5000];
  int tail[10];
  for (int i = 0; i < 5000; i++) buf[i] = (char)(i + k);
  for (int i = 0; i < 10; i++) tail[i] = buf[4990 + i];
  return tail[9] + buf[2500];
}
int main(void) {
  int a = id(1), b = id(2), c = id(3), d = id(4), e = id(5), f = id(6), g = id(7), h = id(8);
  ASSERT(36863, a + b * (c + d * (e + f * (g + h * (a + b * (c + d * (e + f)))))));
  ASSERT(((1 + 2) * (3 + 4)) * ((5 + 6) * (7 + 8)) + ((1 * 2) + (3 * 4)) * ((5 * 6) + (7 * 8)),
         ((a + b) * (c + d)) * ((e + f) * (g + h)) + ((a * b) + (c * d)) * ((e * f) + (g * h)));
  ASSERT(36, id(1) + id(2) + id(3) + id(4) + id(5) + id(6) + id(7) + id(8));
  ASSERT(36, add(id(1), add(id(2), add(id(3), add(id(4), add(id(5), add(id(6), add(id(7), id(8)))))))));
  ASSERT(120, mul(mul(id(2), id(3)), mul(id(4), add(id(2), id(3)))));
  ASSERT(0x300000003LL, lid(1) + lid(0x100000000LL) * lid(3) + lid(2));
  long long x = lid(5), y = lid(-7);
  ASSERT(-35 + 5 - 7, x * y + (x + y) + (x > y ? 0 : 1));
  ASSERT(1000, deep(1000));
  ASSERT((char)(4999 + 3) + (char)(2500 + 3), big_frame(3));
  struct ops table[2] = {{add, "add"}, {mul, "mul"}};
  ASSERT(7, table[0].apply(3, 4));
  ASSERT(12, table[1].apply(3, 4));
  struct ops *po = &table[1];
  ASSERT(20, po->apply(4, 5));
  ASSERT(108, po->name[2]);
  struct vec v1 = mkvec(1), v2 = mkvec(2);
  struct vec pick = id(0) ? v1 : v2;
  ASSERT(6, pick.z);
  ASSERT(3, (id(1) ? v1 : v2).z);
  struct vec arr[2];
  arr[1] = mkvec(5);
  ASSERT(15, arr[1].z);
  struct vec *pv = &arr[0];
  *pv = mkvec(4);
  ASSERT(8, arr[0].y);
  pv->x = mkvec(9).y;
  ASSERT(18, arr[0].x);
  ASSERT(3, gbits.lo);
  ASSERT(0x123, gbits.mid);
  ASSERT(0xbeef, gbits.hi);
  ASSERT(9, later[2]);
  int n = 0;
  for (int i = 0, j = 10; i < j; i++, j--) n++;
  ASSERT(5, n);
  int s = 0;
  for (int i = 0; i < 100; i++) s += i % 3 == 0 ? i : i % 3 == 1 ? -i : 0;
  ASSERT(66, s);
  int k = 0;
  int r = (k++, k++, k++);
  ASSERT(2, r);
  ASSERT(3, k);
  unsigned u = 0x80000000u;
  ASSERT(1, (int)u < 0 && u > 0);
  ASSERT(0x40000000, u >> 1);
  ASSERT(-0x40000000, (int)u >> 1);
  int many[20];
  for (int i = 0; i < 20; i++) many[i] = i;
  ASSERT(190, many[0] + many[1] + many[2] + many[3] + many[4] + many[5] + many[6] + many[7] + many[8] + many[9] +
         many[10] + many[11] + many[12] + many[13] + many[14] + many[15] + many[16] + many[17] + many[18] + many[19]);
  ASSERT(2, (a < b) + (b < a) + (c == 3) - (d != 4));
  int v[16];
  for (int i = 0; i < 16; i++) v[i] = i + 1;
  ASSERT(136, v[0] + (v[1] + (v[2] + (v[3] + (v[4] + (v[5] + (v[6] + (v[7] + (v[8] + (v[9] + (v[10] + (v[11] +
         (v[12] + (v[13] + (v[14] + v[15])))))))))))))));
  long long w[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  ASSERT(36, w[0] + (w[1] + (w[2] + (w[3] + (w[4] + (w[5] + (w[6] + w[7])))))));
  ASSERT(1 - (2 - (3 - (4 - (5 - (6 - (7 - (8 - (9 - (10 - (11 - (12 - (13 - (14 - 15))))))))))))),
         v[0] - (v[1] - (v[2] - (v[3] - (v[4] - (v[5] - (v[6] - (v[7] - (v[8] - (v[9] - (v[10] - (v[11] - (v[12] - (v[13] - v[14]))))))))))))));
  return t_done("stress");
}
