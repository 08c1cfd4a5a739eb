/* clock, clock_getres, timespec_get, difftime. */
#include <time.h>
#include <errno.h>

clock_t clock(void) {
  struct timespec ts;
  if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0) return (clock_t)-1;
  return (clock_t)(ts.tv_sec * 1000000 + ts.tv_nsec / 1000);
}

/* Every clock here counts in nanoseconds. */
int clock_getres(clockid_t clk, struct timespec *res) {
  if (clk < 0 || clk > CLOCK_BOOTTIME) {
    errno = EINVAL;
    return -1;
  }
  if (res) {
    res->tv_sec = 0;
    res->tv_nsec = 1;
  }
  return 0;
}

int timespec_get(struct timespec *ts, int base) {
  if (base != TIME_UTC || clock_gettime(CLOCK_REALTIME, ts) < 0) return 0;
  return base;
}

#ifdef __SIZEOF_DOUBLE__
/* t1 - t0 as the nearest double (ties to even), built from the bits with integer operations only, so a
 * soft-float libc needs no floating-point helpers for it. */
double difftime(time_t t1, time_t t0) {
  union { unsigned long long bits; double value; } out;
  long long d = t1 - t0;
  unsigned long long m = d < 0 ? 0 - (unsigned long long)d : (unsigned long long)d;
  unsigned long long mant, rest;
  int exp = 63;
  out.bits = d < 0 ? 1ULL << 63 : 0;
  if (m == 0) return out.value;
  while (!(m >> 63)) {
    m <<= 1;
    exp--;
  }
  mant = m >> 11; /* 53 significant bits; the 11 below decide the rounding */
  rest = m & 0x7ff;
  if (rest > 0x400 || (rest == 0x400 && (mant & 1))) {
    mant++;
    if (mant >> 53) {
      mant >>= 1;
      exp++;
    }
  }
  out.bits |= (unsigned long long)(exp + 1023) << 52 | (mant & ((1ULL << 52) - 1));
  return out.value;
}
#endif
