/* Calls, recursion, struct copies and loops; main lives in .text.startup at -O2. */
int mix(int a, int b);
int sum_table(void);
int classify(int x);
int length(void);
unsigned int mulhi(unsigned int a, unsigned int b);

struct point { int x, y, z; };
static struct point origin = {1, 2, 3};
int big_buffer[4096];

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

__attribute__((noinline)) struct point shift(struct point p, int d) {
  p.x += d;
  p.y -= d;
  p.z *= d;
  return p;
}

int fill(int n) {
  for (int i = 0; i < n && i < 4096; i++) big_buffer[i] = i * i;
  return big_buffer[n / 2];
}

int main(int argc, char **argv) {
  struct point p = shift(origin, argc);
  int total = fib(10) + mix(argc * 100, 7) + sum_table() + classify(argc) + length() + fill(100);
  total += (int)mulhi(0x12345678u, (unsigned)total);
  return (total + p.x + p.y + p.z + (argv[0] != 0)) & 0x7f;
}
