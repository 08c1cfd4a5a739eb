/* gettimeofday over clock_gettime(CLOCK_REALTIME) (rv32 Linux has no gettimeofday call with 64-bit time). */
#include <sys/time.h>

int gettimeofday(struct timeval *tv, void *tz) {
  struct timespec ts;
  if (clock_gettime(CLOCK_REALTIME, &ts) < 0) return -1;
  if (tv) {
    tv->tv_sec = ts.tv_sec;
    tv->tv_usec = ts.tv_nsec / 1000;
  }
  if (tz) {
    struct timezone *z = tz;
    z->tz_minuteswest = 0;
    z->tz_dsttime = 0;
  }
  return 0;
}
