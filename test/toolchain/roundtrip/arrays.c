/* Arrays: sorting, a matrix product, a sieve in .bss, an initialized table in .data. */
#include "rt.h"

#define N 40
static int values[N];
static unsigned char sieve[1000];
int table[8] = { 9, -3, 27, 14, -100, 5, 0, 61 };

static void insertion_sort(int *a, int n) {
  for (int i = 1; i < n; i++) {
    int v = a[i], j = i - 1;
    while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
    a[j + 1] = v;
  }
}

static void matmul(int n, const int *a, const int *b, int *c) {
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      int s = 0;
      for (int k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
      c[i * n + j] = s;
    }
}

int main(void) {
  unsigned x = 12345;
  for (int i = 0; i < N; i++) { x = x * 1103515245u + 12345u; values[i] = (int)(x >> 16) % 1000 - 500; }
  insertion_sort(values, N);
  for (int i = 0; i < N; i += 5) { put_int(values[i]); put_char(' '); }
  put_char('\n');
  insertion_sort(table, 8);
  for (int i = 0; i < 8; i++) { put_int(table[i]); put_char(i == 7 ? '\n' : ','); }
  int a[16], b[16], c[16];
  for (int i = 0; i < 16; i++) { a[i] = i - 7; b[i] = (i * 3) % 5 - 2; }
  matmul(4, a, b, c);
  for (int i = 0; i < 16; i++) { put_int(c[i]); put_char((i & 3) == 3 ? '\n' : ' '); }
  int primes = 0;
  for (int i = 2; i < 1000; i++) {
    if (sieve[i]) continue;
    primes++;
    for (int j = i * i; j < 1000; j += i) sieve[j] = 1;
  }
  put_line("primes below 1000", primes);
  return 0;
}
