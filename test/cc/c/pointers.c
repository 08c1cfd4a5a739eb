#include "test.h"
/* Pointers, arrays (multidimensional, incomplete), pointer arithmetic, function pointers. */
int garr[5] = {1, 2, 3, 4, 5};
int gmat[2][3] = {{1, 2, 3}, {4, 5, 6}};
int *gptr = &garr[2];
int sum(int *p, int n) { int s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }
int sum2d(int m[][3], int rows) { int s = 0; for (int i = 0; i < rows; i++) for (int j = 0; j < 3; j++) s += m[i][j]; return s; }
int twice(int x) { return 2 * x; }
int thrice(int x) { return 3 * x; }
int apply(int (*f)(int), int x) { return f(x); }
int (*pick(int which))(int) { return which ? thrice : twice; }
void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }
typedef int (*binop)(int, int);
int plus(int a, int b) { return a + b; }
int minus(int a, int b) { return a - b; }
binop ops[2] = {plus, minus};
int main(void) {
  int x = 3;
  int *p = &x;
  ASSERT(3, *p);
  *p = 7;
  ASSERT(7, x);
  int **pp = &p;
  **pp = 9;
  ASSERT(9, x);
  int a[3];
  *a = 10; *(a + 1) = 20; a[2] = 30;
  ASSERT(60, sum(a, 3));
  ASSERT(20, *(a + 1));
  ASSERT(30, 2[a]);
  int *q = a + 2;
  ASSERT(2, q - a);
  ASSERT(20, q[-1]);
  ASSERT(1, q > a);
  ASSERT(1, a + 2 == q);
  q--;
  ASSERT(20, *q);
  ASSERT(20, *q++);
  ASSERT(30, *q);
  int m[2][3];
  int *flat = &m[0][0];
  for (int i = 0; i < 6; i++) flat[i] = i;
  ASSERT(4, m[1][1]);
  ASSERT(5, *(*(m + 1) + 2));
  ASSERT(15, sum2d(m, 2));
  ASSERT(12, sizeof(m[0]));
  ASSERT(24, sizeof(m));
  ASSERT(21, sum2d(gmat, 2));
  ASSERT(15, sum(garr, 5));
  ASSERT(3, *gptr);
  ASSERT(4, gptr[1]);
  ASSERT(20, sizeof(garr));
  ASSERT(4, sizeof(gptr));
  ASSERT(10, apply(twice, 5));
  ASSERT(15, apply(thrice, 5));
  ASSERT(15, pick(1)(5));
  ASSERT(10, (*pick(0))(5));
  int (*fp)(int) = twice;
  ASSERT(8, fp(4));
  ASSERT(8, (*fp)(4));
  ASSERT(7, ops[0](3, 4));
  ASSERT(-1, ops[1](3, 4));
  int u = 1, v = 2;
  swap(&u, &v);
  ASSERT(2, u);
  ASSERT(1, v);
  char s[4] = "abc";
  char *c = s;
  ASSERT(98, c[1]);
  ASSERT(99, *(c + 2));
  void *vp = s;
  ASSERT(97, *(char *)vp);
  ASSERT(1, (char *)vp + 1 == c + 1);
  ASSERT(0, p == 0);
  int *np = 0;
  ASSERT(1, np == 0);
  ASSERT(1, !np);
  ASSERT(4, (char *)(a + 1) - (char *)a);
  long diff = &a[2] - &a[0];
  ASSERT(2, diff);
  int arr3[2][2][2] = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
  ASSERT(7, arr3[1][1][0]);
  ASSERT(32, sizeof arr3);
  int (*rowp)[3] = gmat;
  ASSERT(6, rowp[1][2]);
  rowp++;
  ASSERT(4, (*rowp)[0]);
  const char *names[] = {"zero", "one", "two"};
  ASSERT(3, sizeof(names) / sizeof(names[0]));
  ASSERT(116, names[2][0]);
  int *ptrs[2] = {&u, &v};
  ASSERT(2, *ptrs[0]);
  char buf[10];
  char *w = buf;
  for (int i = 0; i < 5; i++) *w++ = 'a' + i;
  *w = 0;
  ASSERT(5, w - buf);
  ASSERT(101, buf[4]);
  unsigned char bytes[4] = {0x78, 0x56, 0x34, 0x12};
  ASSERT(0x12345678, *(int *)bytes);
  int val = 0x11223344;
  ASSERT(0x44, *(unsigned char *)&val);
  ASSERT(0x3344, *(unsigned short *)&val);
  return t_done("pointers");
}
