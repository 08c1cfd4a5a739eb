/* Variable length arrays (C11 6.7.6.2): checked against gcc by test/cc/vla.test.ts. */
#include "test.h"

static int calls;
static int next(int n) { calls++; return n; }

static int sum1(int n, int a[n]) {
  int s = 0;
  for (int i = 0; i < n; i++) s += a[i];
  return s;
}

/* a VLA parameter: the row length comes from an earlier parameter */
static int trace(int n, int m[n][n]) {
  int s = 0;
  for (int i = 0; i < n; i++) s += m[i][i];
  return s;
}

static int rowsize(int r, int c, int m[r][c]) { return sizeof m[0]; }

static long long proto(int n, int a[*]);
static long long proto(int n, int a[n]) { return sizeof(a) + n; }

struct pt { int x, y; char tag; };

static int structs(int n) {
  struct pt ps[n];
  for (int i = 0; i < n; i++) { ps[i].x = i; ps[i].y = i * i; ps[i].tag = 'a' + i; }
  int s = 0;
  for (int i = 0; i < n; i++) s += ps[i].x + ps[i].y + ps[i].tag;
  return s + (int)sizeof ps;
}

static int multi(int r, int c) {
  int m[r][c];
  for (int i = 0; i < r; i++)
    for (int j = 0; j < c; j++) m[i][j] = i * 100 + j;
  int (*row)[c] = m;  /* pointer to a VLA row */
  row += 2;
  int (*p)[c] = &m[1];
  p++;
  return m[r - 1][c - 1] + row[0][1] * 1000 + (int)(p - m) * 1000000 + (int)(&m[r - 1] - m) * 10000000;
}

static int mixed(int n) {
  int a[3][n];  /* constant outer bound over a VLA */
  char b[n][4];  /* VLA over a constant */
  return sizeof a * 1000 + sizeof b + sizeof a[0] * 100000;
}

static int sizeof_once(int n) {
  calls = 0;
  int a[next(n) + 1];
  int s1 = sizeof a;
  int s2 = sizeof a;
  return s1 + s2 + calls * 1000;
}

static int typedef_fixed(int n) {
  typedef int row[n];  /* the size is fixed where the typedef is reached */
  n += 10;
  row r;
  row *pr = &r;
  return sizeof(row) * 100 + sizeof r + sizeof *pr + (int)sizeof(int[n]);
}

static int typeof_vla(int n) {
  int a[n];
  typeof(a) b;
  __typeof__(a[0]) c = 7;
  b[n - 1] = c;
  return sizeof b + b[n - 1];
}

static unsigned stack_depth(void) {
  int x;
  return (unsigned)&x;
}

/* a VLA per iteration, and break/continue/goto out of VLA scopes, must not grow the stack */
static int loops(int n) {
  unsigned before = stack_depth();
  int total = 0;
  for (int i = 0; i < 1000; i++) {
    int a[n + (i & 7)];
    a[0] = i;
    total += a[0] & 1;
    if (i & 1) continue;
    int b[n];
    b[n - 1] = 1;
    total += b[n - 1];
  }
  for (int i = 0; i < 1000; i++) {
    int a[n];
    a[0] = 1;
    if (i == 999) break;
    total += a[0];
  }
  int k = 0;
again:
  {
    char big[200 + k];
    big[k] = 1;
    k++;
    if (k < 1000) goto again;
    total += big[k - 1];
  }
  while (k-- > 0) {
    int a[n];
    a[0] = 5;
    {
      int c[n];
      c[0] = a[0];
      if (k & 1) continue;
      total += c[0] - 5;
    }
  }
  unsigned after = stack_depth();
  return total + (before == after ? 0 : 1000000);
}

static int in_stmt_expr(int n) {
  int v = ({ int t[n]; for (int i = 0; i < n; i++) t[i] = i; t[n - 1] * 2; });
  return v;
}

static int zero_init_loop(int n) {
  int s = 0;
  for (int i = 0, a[n]; i < n; i++) {
    a[i] = i;
    s += a[i];
  }
  return s;
}

static int deep(int n) {
  if (n == 0) return 0;
  char buf[n * 16];
  buf[n * 16 - 1] = (char)n;
  return buf[n * 16 - 1] + deep(n - 1);
}

static int with_calls(int n) {
  /* a call with stack arguments after a VLA: the outgoing area must not overlap the array */
  int a[n];
  for (int i = 0; i < n; i++) a[i] = i + 1;
  long long r = proto(n, a);
  return a[0] + a[n - 1] + (int)r;
}

static long long many(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k) {
  return a + b + c + d + e + f + g + h + i + j + k;
}

static int outgoing(int n) {
  int v[n];
  for (int i = 0; i < n; i++) v[i] = 1000 + i;
  long long s = many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
  int t = 0;
  for (int i = 0; i < n; i++) t += v[i];
  return t + (int)s;
}

int main(void) {
  int a[5] = {1, 2, 3, 4, 5};
  ASSERT(15, sum1(5, a));
  int m[3][3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  ASSERT(15, trace(3, m));
  ASSERT(28, rowsize(4, 7, 0));
  ASSERT(4 + 6, proto(6, a));
  ASSERT(0 + 1 + 2 + 0 + 1 + 4 + 'a' + 'b' + 'c' + 36, structs(3));
  ASSERT(304 + 201 * 1000 + 2 * 1000000 + 3 * 10000000, multi(4, 5));
  ASSERT(60 * 1000 + 20 + 20 * 100000, mixed(5));
  ASSERT(24 + 24 + 1000, sizeof_once(5));
  ASSERT(1200 + 12 + 12 + 52, typedef_fixed(3));
  ASSERT(16 + 7, typeof_vla(4));
  ASSERT(1000 + 999 + 1, loops(3));
  ASSERT(8, in_stmt_expr(5));
  ASSERT(45, zero_init_loop(10));
  ASSERT(55, deep(10));
  ASSERT(1 + 4 + 4 + 4, with_calls(4));
  ASSERT(1000 * 5 + 10 + 66, outgoing(5));
  return t_done("vla");
}
