/* time.h: 64-bit time (clock_gettime64 / clock_nanosleep_time64), broken-down time and strftime. The only
 * time zone is UTC: localtime is gmtime with tm_zone "UTC", whatever TZ says (tzset reads TZ only to note
 * it; tzname is {"UTC", "UTC"}, timezone 0, daylight 0). */
#ifndef _TIME_H
#define _TIME_H
#include <stddef.h>
#include <sys/types.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define TIMER_ABSTIME 1

struct timespec {
  time_t tv_sec;
  long tv_nsec;
  long __pad;
};

#define CLOCKS_PER_SEC 1000000L
#define TIME_UTC 1
typedef long clock_t;

/* Broken-down time, with glibc's two extensions (seconds east of UTC and the zone's abbreviation). */
struct tm {
  int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
  long tm_gmtoff;
  const char *tm_zone;
};

extern char *tzname[2];
extern long timezone;
extern int daylight;

int clock_gettime(clockid_t clk, struct timespec *ts);
int clock_getres(clockid_t clk, struct timespec *res);
int timespec_get(struct timespec *ts, int base);
/* Processor time used, in CLOCKS_PER_SEC units (the process CPU-time clock). */
clock_t clock(void);
/* gmtime/gmtime_r: UTC broken-down time (tm_zone "GMT", as glibc); NULL with EOVERFLOW when the year does
 * not fit an int. localtime/localtime_r: the same in the only zone, UTC (tm_zone "UTC"). */
struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *t, struct tm *out);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *out);
/* mktime/timegm: the time of *tm's fields, after normalizing them (months past 11, days past the month's end,
 * negative seconds...) in place with tm_wday/tm_yday filled in; -1 with EOVERFLOW when out of range. */
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);
/* asctime/ctime: "Thu Jan  1 00:00:00 1970\n" in a static buffer; the _r forms write buf (26 bytes). */
char *asctime(const struct tm *tm);
char *asctime_r(const struct tm *tm, char *buf);
char *ctime(const time_t *t);
char *ctime_r(const time_t *t, char *buf);
/* strftime: every C99 conversion (with E and O ignored) plus glibc's %k %l %s %P and its - _ 0 ^ # flags and
 * widths; returns the length, or 0 when the result and its NUL do not fit in max bytes. */
size_t strftime(char *s, size_t max, const char *fmt, const struct tm *tm);
void tzset(void);
#ifdef __SIZEOF_DOUBLE__
double difftime(time_t t1, time_t t0);
#endif
int nanosleep(const struct timespec *req, struct timespec *rem);
time_t time(time_t *t);

#endif
