#include "test.h"
/* Leaf functions (no calls): at -O1 their variables live in caller-saved registers and there is no frame.
 * Covers parameters that arrive in the registers other variables get, more variables than those
 * registers, values live across loops and branches, 64-bit arithmetic (scratch a0/a1), runtime helpers
 * (64-bit division, so not a leaf after all), struct copies, and stack parameters. */
struct node { struct node *next; unsigned size; };
static struct node *bins[16];
void *fast_alloc(unsigned n) {
  unsigned i = (n + 7) >> 3;
  if (i < 16) { struct node *p = bins[i]; if (p) { bins[i] = p->next; return p; } }
  return 0;
}
int rotate8(int a, int b, int c, int d, int e, int f, int g, int h) {
  for (int k = 0; k < 3; k++) { int t = h; h = g; g = f; f = e; e = d; d = c; c = b; b = a; a = t; }
  return a * 1 + b * 10 + c * 100 + d * 1000 + e * 10000 + f * 100000 + g * 1000000 + h * 10000000;
}
int stack_params(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j) {
  int s = 0;
  for (int k = 0; k < i; k++) s += a + b + c + d + e + f + g + h + j;
  return s;
}
int many_locals(int n) {
  int v1 = n, v2 = n + 1, v3 = n + 2, v4 = n + 3, v5 = n + 4, v6 = n + 5, v7 = n + 6, v8 = n + 7, v9 = n + 8;
  for (int k = 0; k < n; k++) { v1 += v2; v2 ^= v3; v3 -= v4; v4 += v5 * 3; v5 = v6 - v1; v6 += v7; v7 = v8 + k; v8 ^= v9; v9 += 2; }
  return v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9;
}
long long mix64(long long a, unsigned x, int y) {
  long long s = a;
  for (int k = 0; k < y; k++) s = s * 3 + x - (s >> 7);
  return s ^ (s << 3);
}
long long div64(long long a, long long b, int c) { long long q = a / b; return q + c; }
struct big { int v[6]; };
int copy_big(struct big *d, const struct big *s, int k) { *d = *s; d->v[0] += k; return d->v[5]; }
int sw(int x, int y) {
  int r = y;
  switch (x) { case 0: r += 5; break; case 1: r *= 7; break; case 2: r -= 9; /* fall through */ default: r ^= 3; }
  return r + x;
}
static int rec_host(int n) { return n; }
/* Not leaves: variables used only between calls may sit in caller-saved registers, the others may not. */
static int sink;
static void touch(int v) { sink += v; int a0 = v * 3, a1 = v ^ 5, a2 = v - 9; sink += a0 + a1 + a2; }
int between_calls(int n) {
  touch(1);
  int t = n * 7, u = n + 3;
  for (int k = 0; k < 4; k++) { t += u; u ^= k; }
  touch(t);
  int w = n - 1;
  touch(2);
  return w + t;
}
long long helper_cross(int n, long long a, long long b) {
  int x = n * 3, y = n + 1;
  long long q = a / b;
  return q + x + y;
}
/* Tail calls: the result returned as it is, through a function pointer, from a void function. */
static int (*twice_fp)(int);
static int twice(int v) { return 2 * v; }
int tail_direct(int v) { if (v < 0) return 0; return twice(v + 1); }
int tail_pointer(int v) { return twice_fp(v); }
void tail_void(int v) { touch(v); }
int tail_held(int (*f)(int), int v) { int r = f(v); return f(r); }
long long tail_helper(long long a, long long b) { return a / b; }
/* A variable passed to the lone call of a statement that also calls a runtime helper first. */
static long long pass(int v) { return v; }
long long helper_then_call(int n, long long a, long long b) { int m = n * 3; return a / b + pass(m); }
struct big copy_cross(struct big *s, int n) {
  int x = n * 5;
  struct big r = *s;
  r.v[1] += x;
  return r;
}
int calls_after_all(int a, int b) { int t = a * b; return rec_host(t) + a - b; }
int main(void) {
  static struct node n1 = {0, 16}, n2 = {&n1, 24};
  bins[3] = &n2;
  ASSERT(1, fast_alloc(20) == &n2);
  ASSERT(1, bins[3] == &n1);
  ASSERT(1, fast_alloc(17) == &n1);
  ASSERT(1, fast_alloc(17) == 0);
  ASSERT(1, fast_alloc(500) == 0);
  ASSERT(54321876, rotate8(1, 2, 3, 4, 5, 6, 7, 8));
  ASSERT(6 * (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 10), stack_params(1, 2, 3, 4, 5, 6, 7, 8, 6, 10));
  int ml = many_locals(9);
  int ref = 0;
  { int v1 = 9, v2 = 10, v3 = 11, v4 = 12, v5 = 13, v6 = 14, v7 = 15, v8 = 16, v9 = 17;
    for (int k = 0; k < 9; k++) { v1 += v2; v2 ^= v3; v3 -= v4; v4 += v5 * 3; v5 = v6 - v1; v6 += v7; v7 = v8 + k; v8 ^= v9; v9 += 2; }
    ref = v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9; }
  ASSERT(ref, ml);
  long long m = 5;
  for (int k = 0; k < 4; k++) m = m * 3 + 0x9999u - (m >> 7);
  ASSERT(1, mix64(5, 0x9999u, 4) == (m ^ (m << 3)));
  ASSERT(1, div64(1000000000000LL, 7, 3) == 142857142857LL + 3);
  struct big a = {{1, 2, 3, 4, 5, 6}}, b;
  ASSERT(6, copy_big(&b, &a, 10));
  ASSERT(11, b.v[0]);
  ASSERT(15, sw(0, 10));
  ASSERT(71, sw(1, 10));
  ASSERT(4, sw(2, 10));
  ASSERT(22, sw(7, 12));
  ASSERT(11, calls_after_all(3, 4));
  ASSERT(83, between_calls(6));
  ASSERT(1, helper_cross(4, 1000000000000LL, 1000) == 1000000000LL + 12 + 5);
  twice_fp = twice;
  ASSERT(8, tail_direct(3));
  ASSERT(0, tail_direct(-3));
  ASSERT(14, tail_pointer(7));
  sink = 0;
  tail_void(1);
  ASSERT(1 + 3 + 4 - 8, sink);
  ASSERT(20, tail_held(twice, 5));
  ASSERT(1, tail_helper(-1000000000000LL, 1000) == -1000000000LL);
  ASSERT(1, helper_then_call(5, 1000000000000LL, 1000) == 1000000000LL + 15);
  struct big c = copy_cross(&a, 3);
  ASSERT(17, c.v[1]);
  ASSERT(6, c.v[5]);
  return t_done("leaf");
}
