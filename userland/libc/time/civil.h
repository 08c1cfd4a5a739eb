/* civil.h: the proleptic Gregorian calendar as day counts, shared by libc/time. */
#ifndef _PAGODA_CIVIL_H
#define _PAGODA_CIVIL_H
#include <time.h>

/* Days from 1970-01-01 to year-month-day (month 1-12, day 1-31; any year). */
long long __days_from_civil(long long year, int month, int day);
/* Fills tm from seconds since the epoch (UTC): every field but tm_isdst/gmtoff/zone. 0, or -1 when the year
 * does not fit tm_year. */
int __secs_to_tm(long long secs, struct tm *tm);
/* The zone name localtime reports ("UTC"). */
extern const char __utc_name[];
#endif
