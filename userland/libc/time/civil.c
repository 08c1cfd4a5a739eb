/* Day counts of the Gregorian calendar: a 400-year cycle has 146097 days, and counting years from March
 * puts the leap day last, so a month's first day is (153 * m + 2) / 5 days into the year (m = 0 for March).
 * Dates within a few million years of 1970 are computed in 32-bit arithmetic (64-bit division is a long
 * helper call on rv32); others take the same steps in 64 bits. */
#include "civil.h"
#include <limits.h>

const char __utc_name[] = "UTC";

/* Floor division for the negative years and days before 1970 (a 64-bit and a 32-bit form). */
static long long floor_div64(long long a, long long b) {
  long long q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static long floor_div32(long a, long b) {
  long q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

#define DAYS_0000_03_01_TO_1970 719468
#define NEAR_YEARS 4000000L /* |year| below this: every intermediate fits in 32 bits */

long long __days_from_civil(long long year, int month, int day) {
  int m = month > 2 ? month - 3 : month + 9; /* March 0 .. February 11 */
  long doy = (153L * m + 2) / 5 + day - 1;    /* 0..365 */
  long long y = year - (month <= 2);
  if (y > -NEAR_YEARS && y < NEAR_YEARS) {
    long era = floor_div32((long)y, 400);
    long yoe = (long)y - era * 400; /* 0..399 */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (long long)era * 146097 + doe - DAYS_0000_03_01_TO_1970;
  } else {
    long long era = floor_div64(y, 400);
    long yoe = (long)(y - era * 400);
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - DAYS_0000_03_01_TO_1970;
  }
}

/* Splits z (days since 0000-03-01) into its 400-year era and the day within it (0..146096). */
static void era_split(long long z, long long *era, long *doe) {
  if (z > -NEAR_YEARS * 365L && z < NEAR_YEARS * 365L) {
    long e = floor_div32((long)z, 146097);
    *era = e;
    *doe = (long)z - e * 146097;
  } else {
    *era = floor_div64(z, 146097);
    *doe = (long)(z - *era * 146097);
  }
}

int __secs_to_tm(long long secs, struct tm *tm) {
  long long days = floor_div64(secs, 86400);
  long rem = (long)(secs - days * 86400);
  long long era, year;
  long doe, yoe, doy;
  int mp, month;
  era_split(days + DAYS_0000_03_01_TO_1970, &era, &doe);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* 0..399 */
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);              /* 0..365, from March 1 */
  mp = (int)((5 * doy + 2) / 153);
  month = mp < 10 ? mp + 3 : mp - 9;
  year = yoe + era * 400 + (month <= 2);
  if (year - 1900 > INT_MAX || year - 1900 < INT_MIN) return -1;
  tm->tm_year = (int)(year - 1900);
  tm->tm_mon = month - 1;
  tm->tm_mday = (int)(doy - (153 * mp + 2) / 5 + 1);
  tm->tm_hour = (int)(rem / 3600);
  tm->tm_min = (int)(rem / 60 % 60);
  tm->tm_sec = (int)(rem % 60);
  /* 1970-01-01 was a Thursday (4); the weekday cycle repeats every 7 days, and 146097 is a multiple of 7 */
  tm->tm_wday = (int)((doe + 3) % 7);
  tm->tm_yday = (int)(days - __days_from_civil(year, 1, 1));
  return 0;
}
