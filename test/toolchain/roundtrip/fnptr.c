/* Function pointers: a dispatch table, callbacks, a generic sort with a comparator. */
#include "rt.h"

typedef int (*binop)(int, int);
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int max(int a, int b) { return a > b ? a : b; }

static const struct { const char *name; binop fn; } ops[] = { { "add", add }, { "sub", sub }, { "mul", mul }, { "max", max } };

static int fold(const int *xs, int n, binop fn, int init) {
  for (int i = 0; i < n; i++) init = fn(init, xs[i]);
  return init;
}

static void sort(void *base, int n, int size, int (*cmp)(const void *, const void *)) {
  char *a = base;
  char tmp[16];
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && cmp(a + (j - 1) * size, a + j * size) > 0; j--) {
      memcpy(tmp, a + j * size, size);
      memcpy(a + j * size, a + (j - 1) * size, size);
      memcpy(a + (j - 1) * size, tmp, size);
    }
}

static int by_value(const void *p, const void *q) { return *(const int *)p - *(const int *)q; }
static int by_value_desc(const void *p, const void *q) { return *(const int *)q - *(const int *)p; }

void (*volatile printer)(int) = put_int;

int main(void) {
  int xs[] = { 5, -2, 9, 14, -7, 3, 8 };
  for (int i = 0; i < 4; i++) { put_str(ops[i].name); put_str(": "); printer(fold(xs, 7, ops[i].fn, i == 2 ? 1 : 0)); put_char('\n'); }
  int (*cmps[2])(const void *, const void *) = { by_value, by_value_desc };
  for (int k = 0; k < 2; k++) {
    sort(xs, 7, sizeof xs[0], cmps[k]);
    for (int i = 0; i < 7; i++) { printer(xs[i]); put_char(' '); }
    put_char('\n');
  }
  return 0;
}
