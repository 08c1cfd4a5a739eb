#include "test.h"
/* Benchmark: integer matrix multiplication with 2-D arrays. */
#define N 24
static int A[N][N], B[N][N], C[N][N];
int main(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) { A[i][j] = i + j; B[i][j] = i - j; }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      int s = 0;
      for (int k = 0; k < N; k++) s += A[i][k] * B[k][j];
      C[i][j] = s;
    }
  long long t = 0;
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) t += C[i][j];
  ASSERT(t, t);
  ASSERT(C[1][2], C[1][2]);
  return t_done("matrix");
}
