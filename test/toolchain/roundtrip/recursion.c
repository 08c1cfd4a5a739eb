/* Recursion: Fibonacci, Ackermann, Towers of Hanoi, mutual recursion, N-queens. */
#include "rt.h"

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int ack(int m, int n) { return m == 0 ? n + 1 : n == 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
static int moves;
static void hanoi(int n, int from, int to, int via) {
  if (n == 0) return;
  hanoi(n - 1, from, via, to);
  moves++;
  if (n == 7) { put_str("move 7: "); put_int(from); put_str("->"); put_int(to); put_char('\n'); }
  hanoi(n - 1, via, to, from);
}
static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static int cols[10];
static int queens(int row, int n) {
  if (row == n) return 1;
  int total = 0;
  for (int c = 0; c < n; c++) {
    int ok = 1;
    for (int r = 0; r < row; r++) {
      int d = cols[r] - c;
      if (d == 0 || d == row - r || d == r - row) { ok = 0; break; }
    }
    if (ok) { cols[row] = c; total += queens(row + 1, n); }
  }
  return total;
}

int main(void) {
  put_line("fib(20)", fib(20));
  put_line("ack(2,3)", ack(2, 3));
  hanoi(8, 1, 3, 2);
  put_line("hanoi moves", moves);
  put_line("even(77)", is_even(77));
  put_line("odd(77)", is_odd(77));
  for (int n = 4; n <= 7; n++) { put_str("queens "); put_int(n); put_str(": "); put_int(queens(0, n)); put_char('\n'); }
  return 0;
}
