#include "test.h"
/* Parameters arriving in a0/a1: at -O1 they stay in their incoming register when no other use of it can
 * see the difference. Covers swapped arguments of a tail call, argument set-up that reads a parameter
 * after a0 is written, calls through parameters, a0/a1 as scratch (&&, ?:, 64-bit), values live across a
 * loop, results of calls, early returns, and jumps to a bare `ret`. */
int pr_sub(int x, int y) { return x * 100 - y; }
int pr_swapped(int a, int b) { return pr_sub(b, a); }
int pr_reads_after(int a, int b) { return pr_sub(b + 1, a); }
int pr_same_twice(int a) { return pr_sub(a, a + 1); }
int pr_first_arg_second(int a, int b) { return pr_sub(a, a + b); }
int pr_double(int x) { return 2 * x; }
int pr_apply(int (*f)(int), int x) { return f(x); }
int pr_apply_swapped(int x, int (*f)(int)) { return f(x) + x; }
int (*pr_fp)(int) = pr_double;
int pr_wrap(int n) { return pr_fp(n); }
int pr_loop_sum(int n, int m) {
  int s = 0;
  while (n > 0) {
    s += n * m;
    n--;
  }
  return s;
}
int pr_logical(int a, int b) {
  int t = a && b;
  return t + a;
}
int pr_cond(int a, int b) {
  int t = b ? a : 7;
  return t + a;
}
long long pr_wide(int a, long long b) { return b * 3 + a; }
long long pr_wide_first(long long b, int a) { return b - a; }
int pr_early(int a) {
  if (a > 3) return a - 3;
  return pr_sub(a, a);
}
int pr_after_call(int a, int b) {
  int r = pr_sub(b, 1);
  return r + 1;
}
int pr_result_then_param(int a) {
  int r = pr_double(3);
  a = r + 2;
  return a * 2;
}
int pr_written(int a, int b) {
  a = a + b;
  if (a > 10) a = pr_sub(a, b);
  return a;
}
unsigned pr_bits(unsigned a, unsigned b) {
  unsigned r = 0;
  for (int k = 0; k < 4; k++) {
    if (a & 1) r += b;
    a >>= 1;
    b <<= 1;
  }
  return r;
}
struct pr_pair { int lo, hi; };
int pr_pair_sum(struct pr_pair *p, int k) { return p->lo * k + p->hi; }
int pr_div(int a, int b) { return b == 0 ? -1 : a / b; }

int main(void) {
  ASSERT(199, pr_swapped(1, 2));
  ASSERT(299, pr_reads_after(1, 2));
  ASSERT(494, pr_same_twice(5));
  ASSERT(492, pr_first_arg_second(5, 3));
  ASSERT(14, pr_apply(pr_double, 7));
  ASSERT(21, pr_apply_swapped(7, pr_double));
  ASSERT(18, pr_wrap(9));
  ASSERT(30, pr_loop_sum(4, 3));
  ASSERT(0, pr_loop_sum(-2, 3));
  ASSERT(6, pr_logical(5, 1));
  ASSERT(5, pr_logical(5, 0));
  ASSERT(10, pr_cond(5, 1));
  ASSERT(12, pr_cond(5, 0));
  ASSERT(3000000005LL, pr_wide(5, 1000000000LL));
  ASSERT(-2999999995LL, pr_wide(5, -1000000000LL));
  ASSERT(9999999990LL, pr_wide_first(10000000000LL, 10));
  ASSERT(2, pr_early(5));
  ASSERT(198, pr_early(2));
  ASSERT(200, pr_after_call(7, 2));
  ASSERT(16, pr_result_then_param(100));
  ASSERT(5, pr_written(2, 3));
  ASSERT(1493, pr_written(8, 7));
  ASSERT(0, pr_bits(0, 3));
  ASSERT(15 * 3, pr_bits(15, 3));
  ASSERT(5 * 3, pr_bits(5, 3) - 0);
  struct pr_pair p = {3, 4};
  ASSERT(19, pr_pair_sum(&p, 5));
  ASSERT(-1, pr_div(7, 0));
  ASSERT(3, pr_div(7, 2));
  return t_done("param_regs");
}
