/* strtol, strtoul, strtoll, strtoull, atoi, atol, atoll.
 * One parser reads the magnitude (saturating, with an overflow flag); each wrapper applies its
 * type's range as C11 7.22.1.4 says: out of range gives the limit and errno ERANGE; unsigned
 * results of a "-" input are negated; no digits gives 0 with *end = s. */
#include <stdlib.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>

struct parsed {
  unsigned long long mag;
  int neg;
  int overflow;
};

static int digit_value(int c) {
  if (isdigit(c)) return c - '0';
  if (islower(c)) return c - 'a' + 10;
  if (isupper(c)) return c - 'A' + 10;
  return 99;
}

static void parse(const char *s, char **end, int base, struct parsed *out) {
  const char *p = s;
  const char *digits;
  unsigned long long cutoff, cutlim;
  out->mag = 0;
  out->neg = 0;
  out->overflow = 0;
  if (base < 0 || base == 1 || base > 36) {
    errno = EINVAL;
    if (end) *end = (char *)s;
    return;
  }
  while (isspace((unsigned char)*p)) p++;
  if (*p == '-' || *p == '+') out->neg = *p++ == '-';
  if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 32) == 'x' && digit_value((unsigned char)p[2]) < 16) {
    p += 2;
    base = 16;
  } else if (base == 0) {
    base = p[0] == '0' ? 8 : 10;
  }
  cutoff = ULLONG_MAX / (unsigned)base;
  cutlim = ULLONG_MAX % (unsigned)base;
  digits = p;
  for (;; p++) {
    int d = digit_value((unsigned char)*p);
    if (d >= base) break;
    if (out->mag > cutoff || (out->mag == cutoff && (unsigned)d > cutlim)) out->overflow = 1;
    else out->mag = out->mag * (unsigned)base + (unsigned)d;
  }
  if (p == digits) {
    out->neg = 0;
    p = s;
  }
  if (end) *end = (char *)p;
}

unsigned long long strtoull(const char *s, char **end, int base) {
  struct parsed r;
  parse(s, end, base, &r);
  if (r.overflow) {
    errno = ERANGE;
    return ULLONG_MAX;
  }
  return r.neg ? 0 - r.mag : r.mag;
}

long long strtoll(const char *s, char **end, int base) {
  struct parsed r;
  parse(s, end, base, &r);
  if (r.neg) {
    if (r.overflow || r.mag > (unsigned long long)LLONG_MAX + 1) {
      errno = ERANGE;
      return LLONG_MIN;
    }
    return (long long)(0 - r.mag);
  }
  if (r.overflow || r.mag > (unsigned long long)LLONG_MAX) {
    errno = ERANGE;
    return LLONG_MAX;
  }
  return (long long)r.mag;
}

unsigned long strtoul(const char *s, char **end, int base) {
  struct parsed r;
  parse(s, end, base, &r);
  if (r.overflow || r.mag > ULONG_MAX) {
    errno = ERANGE;
    return ULONG_MAX;
  }
  return r.neg ? 0 - (unsigned long)r.mag : (unsigned long)r.mag;
}

long strtol(const char *s, char **end, int base) {
  struct parsed r;
  parse(s, end, base, &r);
  if (r.neg) {
    if (r.overflow || r.mag > (unsigned long)LONG_MAX + 1) {
      errno = ERANGE;
      return LONG_MIN;
    }
    return (long)(0 - (unsigned long)r.mag);
  }
  if (r.overflow || r.mag > LONG_MAX) {
    errno = ERANGE;
    return LONG_MAX;
  }
  return (long)r.mag;
}

int atoi(const char *s) { return (int)strtol(s, 0, 10); }
long atol(const char *s) { return strtol(s, 0, 10); }
long long atoll(const char *s) { return strtoll(s, 0, 10); }
