/* scanf on a stream, built twice (host glibc and Pagoda's libc under qemu-riscv32) and fed the same
 * stdin: a fixed cycle of conversions is applied until the input ends, printing each call's return value
 * and what it stored, so the one character of pushback a failed or finished conversion leaves behind must
 * be the same as glibc's. */
#include <stdio.h>
#include <string.h>

int main(void) {
  static const char *const cycle[] = {"%d%n", "%lf%n", "%5s%n", "%[a-z]%n", "%c%n", " %x%n", "%3d%n", "%le%n",
                                      "%[^0-9\n]%n", "%i%n", "%*s%n", "%g%n", "%2c%n", "%% %d%n", "x%n", "%u%n"};
  int k, eofs = 0;
  for (k = 0; eofs < 3 && k < 2000; k++) {
    const char *fmt = cycle[k % (sizeof cycle / sizeof cycle[0])];
    union { int i; double d; float f; char s[64]; } v;
    int n = -1, r;
    memset(&v, 0, sizeof v);
    if (strchr(fmt, 'x') == fmt) r = scanf(fmt, &n);
    else r = scanf(fmt, &v, &n);
    printf("%-8s r=%d n=%d i=%d d=%a s=%.8s\n", fmt, r, n, v.i, v.d, v.s);
    if (r == EOF) eofs++;
  }
  return 0;
}
