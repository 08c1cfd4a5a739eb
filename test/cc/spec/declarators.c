/* Array parameter declarators (C11 6.7.6.2, 6.7.6.3p7): qualifiers and static inside the brackets, [*] in
 * prototypes, abstract declarators with parenthesized arrays; each adjusts to a pointer. */
#include "test.h"

int sum_static(int n, int x[static 3]) { return x[0] + x[1] + x[2] + n; }
int first_const(int x[const]) { return x[0]; }
int first_restrict(int x[restrict 4]) { return x[0]; }
int first_volatile(int x[volatile static 2]) { return x[1]; }
int first_both(int x[static const 1]) { return x[0]; }
int star(int n, int x[*]);
int star(int n, int x[]) { return x[n]; }
int star2(int, int [*]);
int star2(int n, int *x) { return x[n] * 2; }
int matrix(int rows, int m[][3]);
int matrix_star(int rows, int m[*][3]);
int matrix(int rows, int m[][3]) { return m[rows - 1][2]; }
int abstract1(int ([4]));
int abstract1(int *p) { return p[3]; }
int abstract2(int (*)[4]);
int abstract2(int (*p)[4]) { return (*p)[1]; }
int abstract3(int [const 2], int [static 2]);
int abstract3(int *a, int *b) { return a[0] - b[1]; }
int fnparam(int (int));
int fnparam(int (*f)(int)) { return f(20); }
int twice(int v) { return 2 * v; }
typedef int row[3];
int rows(const row r[static 1]) { return r[0][1]; }

int main(void) {
  int a[4] = { 1, 2, 3, 4 };
  int m[2][3] = { { 1, 2, 3 }, { 4, 5, 6 } };
  ASSERT(16, sum_static(10, a));
  ASSERT(1, first_const(a));
  ASSERT(1, first_restrict(a));
  ASSERT(2, first_volatile(a));
  ASSERT(1, first_both(a));
  ASSERT(3, star(2, a));
  ASSERT(8, star2(3, a));
  ASSERT(6, matrix(2, m));
  ASSERT(4, abstract1(a));
  ASSERT(2, abstract2(&a));
  ASSERT(1 - 2, abstract3(a, a));
  ASSERT(40, fnparam(twice));
  ASSERT(2, rows(m));
  ASSERT(4, sizeof(int (*)[4]));
  ASSERT(16, sizeof(int ([4])));
  ASSERT(32, sizeof(int ([2][4])));
  ASSERT(8, sizeof(int *([2])));
  return t_done("declarators");
}
