#include "test.h"
/* Statements: if/else, loops, switch with fall-through, goto, break/continue, comma, ?: */
int sw(int x) {
  int r = 0;
  switch (x) {
  case 0: r += 1;
  case 1: r += 10; break;
  case 2: { r = 2; break; }
  case 3 ... 5: r = 35; break;
  case -1: return -100;
  default: r = 99;
  }
  return r;
}
int sw2(char c) {
  switch (c) {
  case 'a': return 1;
  case 'z': return 26;
  }
  return 0;
}
int sw_nodefault(int x) {
  int r = 7;
  switch (x) { case 1: r = 1; }
  return r;
}
int duff(int count) {
  int n = (count + 3) / 4, s = 0;
  switch (count % 4) {
  case 0: do { s++;
  case 3: s++;
  case 2: s++;
  case 1: s++;
          } while (--n > 0);
  }
  return s;
}
int gotos(int n) {
  int i = 0;
loop:
  if (i >= n) goto out;
  i++;
  goto loop;
out:
  return i;
}
int main(void) {
  int x;
  if (0) x = 2; else x = 3;
  ASSERT(3, x);
  if (1 - 1) x = 2; else x = 3;
  ASSERT(3, x);
  if (1) x = 2; else x = 3;
  ASSERT(2, x);
  if (2 - 1) { x = 5; }
  ASSERT(5, x);
  int i = 0, j = 0;
  for (i = 0; i <= 10; i = i + 1) j = i + j;
  ASSERT(55, j);
  i = 0;
  while (i < 10) i = i + 1;
  ASSERT(10, i);
  i = 0; j = 0;
  for (;;) { if (i++ == 5) break; j += 2; }
  ASSERT(10, j);
  i = 0; j = 0;
  for (; i < 10; i++) { if (i % 2) continue; j += i; }
  ASSERT(20, j);
  i = 0; j = 0;
  while (i < 10) { i++; if (i > 5) continue; j++; }
  ASSERT(5, j);
  i = 0;
  do { i++; } while (i < 7);
  ASSERT(7, i);
  i = 10;
  do i--; while (0);
  ASSERT(9, i);
  i = 0; j = 0;
  do { if (++i == 3) continue; j += i; } while (i < 5);
  ASSERT(12, j);
  ASSERT(11, sw(0));
  ASSERT(10, sw(1));
  ASSERT(2, sw(2));
  ASSERT(35, sw(4));
  ASSERT(35, sw(5));
  ASSERT(-100, sw(-1));
  ASSERT(99, sw(6));
  ASSERT(26, sw2('z'));
  ASSERT(0, sw2('q'));
  ASSERT(7, sw_nodefault(2));
  ASSERT(1, sw_nodefault(1));
  ASSERT(7, duff(7));
  ASSERT(8, duff(8));
  ASSERT(1, duff(1));
  ASSERT(6, gotos(6));
  int k = 0;
  for (int a = 0; a < 3; a++)
    for (int b = 0; b < 3; b++) {
      if (b == 2) break;
      k += 10 * a + b;
    }
  ASSERT(63, k);
  ASSERT(3, (1, 2, 3));
  i = 2; j = 3;
  ASSERT(5, (i = 5, j = i));
  ASSERT(5, j);
  ASSERT(1, i > 3 ? 1 : 0);
  ASSERT(7, 0 ? 1 : 0 ? 2 : 7);
  int m = 3;
  ASSERT(3, m ?: 9);
  ASSERT(9, (m - 3) ?: 9);
  { int shadow = 1; { int shadow = 2; ASSERT(2, shadow); } ASSERT(1, shadow); }
  int total = 0;
  for (int q = 0; q < 100; q++) { if (q == 50) goto done; total++; }
done:
  ASSERT(50, total);
  int n = 0;
  switch (3) { case 1: n = 1; break; default: n = 2; break; case 3: n = 3; }
  ASSERT(3, n);
  long long ll = 5;
  switch (ll) { case 5LL: n = 55; break; default: n = 0; }
  ASSERT(55, n);
  return t_done("control");
}
