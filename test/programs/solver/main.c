/* solver: a sudoku solver and an N-queens counter, both by backtracking.
 *
 *   solver PUZZLES [N...]
 * Each line of PUZZLES is a sudoku of 81 characters ('1'-'9', '.' or '0' for blanks). The solver keeps
 * candidate bitmasks per row, column and box, always fills the cell with the fewest candidates, and when the
 * grid is full leaves the whole recursion at once with longjmp. It then checks the solution, prints it and
 * counts the backtracking steps. Before searching, naked and hidden singles are filled in by propagation
 * (the count is reported). A puzzle with two solutions is reported as such (a second search counts
 * solutions up to two). Solutions are appended to "solutions.txt".
 * For each N, it counts the N-queens placements with a VLA board (int board[n][n]) and prints the first. */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  uint8_t cell[81];
  uint16_t row[9], col[9], box[9];   /* bit d set: digit d is used */
} Grid;

typedef struct {
  jmp_buf done;           /* where the first complete grid is delivered */
  Grid solution;
  unsigned long steps;
  int solutions, limit;   /* counting mode when limit > 0 */
} Search;

static int box_of(int i) { return i / 27 * 3 + i % 9 / 3; }

static int place(Grid *g, int i, int d) {
  uint16_t bit = (uint16_t)(1u << d);
  int r = i / 9, c = i % 9, b = box_of(i);
  if ((g->row[r] | g->col[c] | g->box[b]) & bit) return 0;
  g->cell[i] = (uint8_t)d;
  g->row[r] |= bit; g->col[c] |= bit; g->box[b] |= bit;
  return 1;
}

static void unplace(Grid *g, int i) {
  uint16_t bit = (uint16_t)~(1u << g->cell[i]);
  int r = i / 9, c = i % 9, b = box_of(i);
  g->row[r] &= bit; g->col[c] &= bit; g->box[b] &= bit;
  g->cell[i] = 0;
}

static int popcount16(unsigned v) {
  int n = 0;
  while (v) { v &= v - 1; n++; }
  return n;
}

static void solve(Search *s, Grid *g) {
  int best = -1, best_count = 10;
  unsigned best_free = 0;
  for (int i = 0; i < 81; i++) {
    if (g->cell[i]) continue;
    unsigned free_digits = ~(unsigned)(g->row[i / 9] | g->col[i % 9] | g->box[box_of(i)]) & 0x3fe;
    int n = popcount16(free_digits);
    if (n < best_count) { best = i; best_count = n; best_free = free_digits; if (n <= 1) break; }
  }
  if (best < 0) {                       /* full grid */
    s->solutions++;
    if (s->solutions == 1) s->solution = *g;   /* struct copy */
    if (s->limit == 0 || s->solutions >= s->limit) longjmp(s->done, 1);
    return;
  }
  for (int d = 1; d <= 9; d++) {
    if (!(best_free & (1u << d))) continue;
    s->steps++;
    place(g, best, d);
    solve(s, g);
    unplace(g, best);
  }
}

static int load(Grid *g, const char *text) {
  memset(g, 0, sizeof *g);
  int i = 0;
  for (const char *p = text; *p && i < 81; p++) {
    if (*p >= '1' && *p <= '9') { if (!place(g, i, *p - '0')) return -1; i++; }
    else if (*p == '.' || *p == '0') i++;
    else if (*p != ' ') return -1;
  }
  return i == 81 ? 0 : -1;
}

static int valid(const Grid *g) {
  for (int k = 0; k < 9; k++)
    if (g->row[k] != 0x3fe || g->col[k] != 0x3fe || g->box[k] != 0x3fe) return 0;
  return 1;
}

static void print_grid(FILE *f, const Grid *g) {
  for (int r = 0; r < 9; r++) {
    if (r && r % 3 == 0) fputs("------+-------+------\n", f);
    for (int c = 0; c < 9; c++) fprintf(f, "%d%s", g->cell[r * 9 + c], c == 8 ? "\n" : c % 3 == 2 ? " | " : " ");
  }
}

/* Fills naked singles (a cell with one candidate) and hidden singles (a digit with one place in a row) until
 * nothing changes; returns the cells filled, or -1 when a cell has no candidate left. */
static int propagate(Grid *g) {
  int filled = 0, changed = 1;
  while (changed) {
    changed = 0;
    for (int i = 0; i < 81; i++) {
      if (g->cell[i]) continue;
      unsigned cand = ~(unsigned)(g->row[i / 9] | g->col[i % 9] | g->box[box_of(i)]) & 0x3fe;
      if (!cand) return -1;
      if (popcount16(cand) == 1) {
        int d = 1;
        while (!(cand & (1u << d))) d++;
        place(g, i, d);
        filled++;
        changed = 1;
      }
    }
    for (int r = 0; r < 9; r++)
      for (int d = 1; d <= 9; d++) {
        if (g->row[r] & (1u << d)) continue;
        int where = -1, count = 0;
        for (int c = 0; c < 9; c++) {
          int i = r * 9 + c;
          if (!g->cell[i] && !((g->col[c] | g->box[box_of(i)]) & (1u << d))) { where = i; count++; }
        }
        if (count == 0) return -1;
        if (count == 1) { place(g, where, d); filled++; changed = 1; }
      }
  }
  return filled;
}

/* 0: no solution, 1: unique, 2: several. */
static int run_sudoku(const char *text, Grid *out, unsigned long *steps) {
  Grid g;
  if (load(&g, text)) return -1;
  int forced = propagate(&g);
  if (forced < 0) { printf("  propagation found a contradiction\n"); *steps = 0; return 0; }
  printf("  propagation filled %d cells\n", forced);
  /* volatile: these survive the longjmp back into this frame */
  static Search s;
  volatile int pass = 0;
  memset(&s, 0, sizeof s);
  s.limit = 2;
  if (setjmp(s.done) == 0) {
    pass = 1;
    solve(&s, &g);
  }
  *steps = s.steps;
  if (s.solutions == 0) return 0;
  *out = s.solution;
  return pass && s.solutions >= 2 ? 2 : 1;
}

/* N-queens on a VLA board: counts all placements, keeps the first. */
static long queens_count;
static jmp_buf queens_abort;

static void queens(int n, int board[n][n], int row, int cols[n], int first[n], long limit) {
  if (row == n) {
    if (queens_count++ == 0) memcpy(first, cols, (size_t)n * sizeof(int));
    if (queens_count >= limit) longjmp(queens_abort, 1);
    return;
  }
  for (int c = 0; c < n; c++) {
    int ok = 1;
    for (int r = 0; r < row && ok; r++)
      if (board[r][c] || (c - (row - r) >= 0 && board[r][c - (row - r)]) || (c + (row - r) < n && board[r][c + (row - r)])) ok = 0;
    if (!ok) continue;
    board[row][c] = 1;
    cols[row] = c;
    queens(n, board, row + 1, cols, first, limit);
    board[row][c] = 0;
  }
}

static void run_queens(int n, long limit) {
  int board[n][n];
  int cols[n], first[n];
  memset(board, 0, sizeof board);
  printf("queens %d: board of %zu bytes, ", n, sizeof board);
  queens_count = 0;
  if (setjmp(queens_abort) == 0) {
    queens(n, board, 0, cols, first, limit);
    printf("%ld solutions\n", queens_count);
  } else {
    printf("stopped after %ld solutions\n", queens_count);
  }
  if (queens_count == 0) return;
  for (int r = 0; r < n; r++) {
    for (int c = 0; c < n; c++) fputs(first[r] == c ? " Q" : " .", stdout);
    putchar('\n');
  }
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: %s PUZZLES [N...]\n", argv[0]); return 2; }
  FILE *in = fopen(argv[1], "r");
  if (!in) { perror(argv[1]); return 2; }
  FILE *out = fopen("solutions.txt", "w");
  char line[256];
  int n = 0, solved = 0;
  while (fgets(line, sizeof line, in)) {
    line[strcspn(line, "\r\n")] = 0;
    if (!line[0] || line[0] == '#') continue;
    n++;
    Grid g;
    unsigned long steps = 0;
    int r = run_sudoku(line, &g, &steps);
    if (r < 0) { printf("puzzle %d: malformed\n", n); continue; }
    if (r == 0) { printf("puzzle %d: no solution (%lu steps)\n", n, steps); continue; }
    printf("puzzle %d: %s, %s, %lu steps\n", n, r == 2 ? "several solutions" : "unique", valid(&g) ? "valid" : "INVALID", steps);
    print_grid(stdout, &g);
    fprintf(out, "%d ", n);
    for (int i = 0; i < 81; i++) fputc('0' + g.cell[i], out);
    fputc('\n', out);
    solved++;
  }
  fclose(in);
  fclose(out);
  printf("%d of %d puzzles solved\n", solved, n);
  for (int i = 2; i < argc; i++) {
    int q = atoi(argv[i]);
    if (q < 1 || q > 14) { printf("queens %d: out of range\n", q); continue; }
    run_queens(q, q > 9 ? 500 : 1000000);
  }
  return 0;
}
