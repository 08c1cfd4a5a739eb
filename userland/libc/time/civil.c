/* Day counts of the Gregorian calendar: a 400-year cycle has 146097 days, and counting years from March
 * puts the leap day last, so a month's first day is (153 * m + 2) / 5 days into the year (m = 0 for March). */
#include "civil.h"
#include <limits.h>

const char __utc_name[] = "UTC";

/* Floor division for the negative years and days before 1970. */
static long long floor_div(long long a, long long b) {
  long long q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

long long __days_from_civil(long long year, int month, int day) {
  long long y = year - (month <= 2);
  long long era = floor_div(y, 400);
  long long yoe = y - era * 400;                       /* 0..399 */
  int m = month > 2 ? month - 3 : month + 9;           /* March 0 .. February 11 */
  long long doy = (153 * m + 2) / 5 + day - 1;         /* 0..365 */
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;                  /* 719468: days from 0000-03-01 to 1970-01-01 */
}

int __secs_to_tm(long long secs, struct tm *tm) {
  long long days = floor_div(secs, 86400);
  long long rem = secs - days * 86400;
  long long z = days + 719468;
  long long era = floor_div(z, 146097);
  long long doe = z - era * 146097;                                  /* 0..146096 */
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* 0..399 */
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);           /* 0..365, from March 1 */
  int mp = (int)((5 * doy + 2) / 153);
  int month = mp < 10 ? mp + 3 : mp - 9;
  long long year = yoe + era * 400 + (month <= 2);
  if (year - 1900 > INT_MAX || year - 1900 < INT_MIN) return -1;
  tm->tm_year = (int)(year - 1900);
  tm->tm_mon = month - 1;
  tm->tm_mday = (int)(doy - (153 * mp + 2) / 5 + 1);
  tm->tm_hour = (int)(rem / 3600);
  tm->tm_min = (int)(rem / 60 % 60);
  tm->tm_sec = (int)(rem % 60);
  tm->tm_wday = (int)(days - floor_div(days + 4, 7) * 7 + 4);        /* 1970-01-01 was a Thursday */
  tm->tm_yday = (int)(days - __days_from_civil(year, 1, 1));
  return 0;
}
