/* Integer arithmetic, multiply/divide, shifts and comparisons: exercises the M extension and aliases. */
unsigned int counter;
static int table[16] = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3};
const char greeting[] = "hello, objdump";

int mix(int a, int b) {
  int q = b ? a / b : -1;
  int r = b ? a % b : 0;
  unsigned u = (unsigned)a >> 3;
  return q * 7 + r - (int)(u ^ 0x5a5a5a5a) + (a < b) + (a == 0) + (b != 0);
}

long long wide(long long x, long long y) { return x * y + (x >> 17); }

/* 64-bit division pulls __divdi3 from libgcc into the executable. */
long long quotient(long long x, long long y) { return y ? x / y : 0; }

unsigned int mulhi(unsigned int a, unsigned int b) { return (unsigned int)(((unsigned long long)a * b) >> 32); }

int sum_table(void) {
  int s = 0;
  for (int i = 0; i < 16; i++) s += table[i] * (i + 1);
  counter++;
  return s;
}

int classify(int x) {
  switch (x) {
  case 0: return 11;
  case 1: return 22;
  case 2: return 33;
  case 3: return 44;
  case 5: return 55;
  case 8: return 66;
  case 9: return 77;
  default: return -1;
  }
}

int length(void) {
  int n = 0;
  while (greeting[n]) n++;
  return n;
}
