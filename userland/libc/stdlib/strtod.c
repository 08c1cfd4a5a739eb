/* strtod, strtof, strtold, atof: the thin typed entry points over __strtofp (softfp/strtofp.c), which
 * does the work on bit patterns. Only these need the compiler's floating types; a compiler without them
 * (pagoda cc before ILP32D) skips the file. */
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include "../softfp/fpformat.h"

#if !(defined(__pagoda_cc__) && defined(__riscv_float_abi_soft))
double strtod(const char *s, char **end) {
  uint32_t bits[2];
  double d;
  int r = __strtofp(s, end, &__fp_binary64, bits);
  if (r) errno = r;
  memcpy(&d, bits, sizeof d);
  return d;
}

float strtof(const char *s, char **end) {
  uint32_t bits[1];
  float v;
  int r = __strtofp(s, end, &__fp_binary32, bits);
  if (r) errno = r;
  memcpy(&v, bits, sizeof v);
  return v;
}

long double strtold(const char *s, char **end) {
  uint32_t bits[4];
  long double v;
  int r = __strtofp(s, end, &__fp_binary128, bits);
  if (r) errno = r;
  memcpy(&v, bits, sizeof v);
  return v;
}

double atof(const char *s) {
  return strtod(s, 0);
}
#endif
