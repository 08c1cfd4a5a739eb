/* gmtime, gmtime_r, localtime, localtime_r, timegm, mktime, tzset: all in UTC, the only zone. */
#include "civil.h"
#include <errno.h>
#include <stdlib.h>

char *tzname[2] = { (char *)__utc_name, (char *)__utc_name };
long timezone;
int daylight;

static struct tm *broken_down(const time_t *t, struct tm *out, const char *zone) {
  if (__secs_to_tm(*t, out) < 0) {
    errno = EOVERFLOW;
    return 0;
  }
  out->tm_isdst = 0;
  out->tm_gmtoff = 0;
  out->tm_zone = zone;
  return out;
}

struct tm *gmtime_r(const time_t *t, struct tm *out) { return broken_down(t, out, "GMT"); }
struct tm *localtime_r(const time_t *t, struct tm *out) { return broken_down(t, out, __utc_name); }

struct tm *gmtime(const time_t *t) {
  static struct tm tm;
  return gmtime_r(t, &tm);
}

struct tm *localtime(const time_t *t) {
  static struct tm tm;
  return localtime_r(t, &tm);
}

/* The seconds *tm's fields denote, each field taken at any value (months and years carry over). */
static long long fields_to_secs(const struct tm *tm) {
  long long mon = tm->tm_mon;
  long long year = (long long)tm->tm_year + 1900 + mon / 12;
  mon %= 12;
  if (mon < 0) {
    mon += 12;
    year--;
  }
  return (__days_from_civil(year, (int)mon + 1, 1) + tm->tm_mday - 1) * 86400 + (long long)tm->tm_hour * 3600
         + (long long)tm->tm_min * 60 + tm->tm_sec;
}

static time_t normalize(struct tm *tm, const char *zone) {
  time_t t = fields_to_secs(tm);
  struct tm out;
  if (!broken_down(&t, &out, zone)) return -1;
  *tm = out;
  return t;
}

time_t timegm(struct tm *tm) { return normalize(tm, "GMT"); }

/* A positive tm_isdst asks for daylight time, which UTC never has: glibc then takes the customary hour off
 * (and reports tm_isdst 0), and so does this. */
time_t mktime(struct tm *tm) {
  if (tm->tm_isdst > 0) tm->tm_hour--;
  return normalize(tm, __utc_name);
}

/* TZ names a zone this system does not have unless it is unset, empty, "UTC"/"GMT" (or ":UTC"...): every
 * zone is UTC here, so tzset only keeps the variables in their UTC state. */
void tzset(void) {
  tzname[0] = tzname[1] = (char *)__utc_name;
  timezone = 0;
  daylight = 0;
}
