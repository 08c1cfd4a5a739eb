/* asctime, asctime_r, ctime, ctime_r: the C standard's "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n" form. */
#include <time.h>
#include <stdio.h>
#include <errno.h>

static const char wdays[] = "SunMonTueWedThuFriSat";
static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

char *asctime_r(const struct tm *tm, char *buf) {
  const char *wd = tm->tm_wday >= 0 && tm->tm_wday < 7 ? wdays + 3 * tm->tm_wday : "???";
  const char *mo = tm->tm_mon >= 0 && tm->tm_mon < 12 ? months + 3 * tm->tm_mon : "???";
  int n = snprintf(buf, 26, "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n", wd, mo, tm->tm_mday, tm->tm_hour, tm->tm_min,
                   tm->tm_sec, 1900 + tm->tm_year);
  if (n >= 26) {
    errno = EOVERFLOW;
    return 0;
  }
  return buf;
}

char *asctime(const struct tm *tm) {
  static char buf[26];
  return asctime_r(tm, buf);
}

char *ctime_r(const time_t *t, char *buf) {
  struct tm tm;
  return localtime_r(t, &tm) ? asctime_r(&tm, buf) : 0;
}

char *ctime(const time_t *t) {
  static char buf[26];
  return ctime_r(t, buf);
}
