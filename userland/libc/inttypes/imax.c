/* <inttypes.h>'s functions: intmax_t is long long here, so they are the long long ones. */
#include <inttypes.h>
#include <stdlib.h>

intmax_t imaxabs(intmax_t x) { return x < 0 ? -x : x; }

imaxdiv_t imaxdiv(intmax_t num, intmax_t den) {
  imaxdiv_t r;
  r.quot = num / den;
  r.rem = num % den;
  return r;
}

intmax_t strtoimax(const char *s, char **end, int base) { return strtoll(s, end, base); }
uintmax_t strtoumax(const char *s, char **end, int base) { return strtoull(s, end, base); }
