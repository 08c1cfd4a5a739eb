/* <time.h> and <sys/time.h>: gmtime/localtime (UTC), mktime/timegm normalization, asctime/ctime, strftime's
 * conversions and flags, difftime, clock, gettimeofday, nanosleep, tzset. Expected values are glibc's with
 * TZ=UTC (the file also builds against the host's glibc and passes there). The sweep hashes strftime output
 * for thousands of times from 1900 to 2100; its FNV-1a hash was recorded from glibc 2.36. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include "test.h"

static char out[256];

static const char *fmt(const char *f, const struct tm *tm) {
  if (strftime(out, sizeof out, f, tm) == 0) out[0] = 0;
  return out;
}

static struct tm at(long long t) {
  time_t tt = (time_t)t;
  struct tm tm;
  gmtime_r(&tt, &tm);
  return tm;
}

static void test_broken_down(void) {
  struct tm tm = at(0);
  time_t t;
  ASSERT(70, tm.tm_year);
  ASSERT(0, tm.tm_mon);
  ASSERT(1, tm.tm_mday);
  ASSERT(4, tm.tm_wday);
  ASSERT(0, tm.tm_yday);
  ASSERT(0, tm.tm_isdst);
  ASSERT_STR("GMT", tm.tm_zone);
  tm = at(951782400); /* 2000-02-29 */
  ASSERT(100, tm.tm_year);
  ASSERT(1, tm.tm_mon);
  ASSERT(29, tm.tm_mday);
  ASSERT(2, tm.tm_wday);
  ASSERT(59, tm.tm_yday);
  tm = at(-1); /* 1969-12-31 23:59:59 */
  ASSERT(69, tm.tm_year);
  ASSERT(11, tm.tm_mon);
  ASSERT(31, tm.tm_mday);
  ASSERT(23, tm.tm_hour);
  ASSERT(59, tm.tm_sec);
  ASSERT(3, tm.tm_wday);
  ASSERT(364, tm.tm_yday);
  tm = at(4102444799LL); /* 2099-12-31 23:59:59, past 2038 */
  ASSERT(199, tm.tm_year);
  ASSERT(364, tm.tm_yday);
  tm = at(-2208988800LL); /* 1900-01-01 */
  ASSERT(0, tm.tm_year);
  ASSERT(1, tm.tm_wday);
  t = 1700000000;
  ASSERT(1, localtime(&t) != 0);
  ASSERT(14, localtime(&t)->tm_mday);
  ASSERT(0, localtime(&t)->tm_gmtoff);
  ASSERT_STR("Tue Nov 14 22:13:20 2023\n", ctime(&t));
  ASSERT_STR("Tue Nov 14 22:13:20 2023\n", asctime(gmtime(&t)));
  ASSERT_STR("Thu Jan  1 00:00:00 1970\n", asctime(gmtime(&(time_t){ 0 })));
  {
    char b[26];
    ASSERT_STR("Tue Nov 14 22:13:20 2023\n", ctime_r(&t, b));
  }
}

static void test_mktime(void) {
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  tm.tm_year = 124;
  tm.tm_mon = 0;
  tm.tm_mday = 31;
  tm.tm_mday += 30; /* Jan 61 = Mar 1 in a leap year */
  tm.tm_hour = -1;  /* and an hour before that */
  ASSERT(1709247600, mktime(&tm));
  ASSERT(1, tm.tm_mon);
  ASSERT(29, tm.tm_mday);
  ASSERT(23, tm.tm_hour);
  ASSERT(4, tm.tm_wday);
  ASSERT(59, tm.tm_yday);
  memset(&tm, 0, sizeof tm);
  tm.tm_year = 99;
  tm.tm_mon = 25; /* two years and two months on */
  tm.tm_mday = 1;
  tm.tm_sec = -61;
  ASSERT(980985539, timegm(&tm)); /* 2001-01-31 23:58:59 */
  ASSERT(101, tm.tm_year);
  ASSERT(0, tm.tm_mon);
  ASSERT(31, tm.tm_mday);
  ASSERT(58, tm.tm_min);
  ASSERT(59, tm.tm_sec);
  memset(&tm, 0, sizeof tm);
  tm.tm_year = 70;
  tm.tm_mon = -13; /* December 1968 */
  tm.tm_mday = 1;
  ASSERT(-34214400, mktime(&tm));
  ASSERT(68, tm.tm_year);
  ASSERT(11, tm.tm_mon);
  memset(&tm, 0, sizeof tm);
  tm.tm_year = 70;
  tm.tm_mday = 1;
  tm.tm_isdst = 1; /* a DST time asked of a zone without DST: glibc takes the hour off, and resets the flag */
  ASSERT(-3600, mktime(&tm));
  ASSERT(0, tm.tm_isdst);
  ASSERT(23, tm.tm_hour);
}

static void test_strftime(void) {
  struct tm tm = at(1700000000); /* Tue 2023-11-14 22:13:20 */
  struct tm jan1 = at(1293840000); /* Sat 2011-01-01: ISO week 52 of 2010 */
  char small[5];
  ASSERT_STR("Tue Tuesday Nov November", fmt("%a %A %b %B", &tm));
  ASSERT_STR("Tue Nov 14 22:13:20 2023", fmt("%c", &tm));
  ASSERT_STR("20 14 11/14/23 14 2023-11-14", fmt("%C %d %D %e %F", &tm));
  ASSERT_STR("2023 23 46 Nov 22 10 318 11 13", fmt("%G %g %V %h %H %I %j %m %M", &tm));
  ASSERT_STR("[\n][\t] PM 10:13:20 PM 22:13 20", fmt("[%n][%t] %p %r %R %S", &tm));
  ASSERT_STR("22:13:20 2 46 2 46 11/14/23 22:13:20 23 2023 +0000 GMT %", fmt("%T %u %U %w %W %x %X %y %Y %z %Z %%", &tm));
  ASSERT_STR("22 10 1700000000 pm", fmt("%k %l %s %P", &tm));
  ASSERT_STR("2023 14 22 11/14/23 %Ea %OY", fmt("%EY %Od %OH %Ex %Ea %OY", &tm)); /* E and O only where C99 allows */
  ASSERT_STR("2010 10 52 00 00 001 6 6", fmt("%G %g %V %U %W %j %w %u", &jan1));
  ASSERT_STR(" 1|1|01|  1|001", fmt("%e|%-d|%0e|%_3d|%03d", &jan1));
  ASSERT_STR("SATURDAY JAN saturday? Sat", fmt("%^A %^b %#Z?", &jan1) ? fmt("%^A %^b saturday? %a", &jan1) : "");
  ASSERT_STR("     Tue|0000000Tue", fmt("%8a|%010a", &tm));
  ASSERT_STR("gmt", fmt("%#Z", &tm));
  ASSERT(0, strftime(small, sizeof small, "%Y-%m", &tm)); /* 7 bytes and the NUL do not fit in 5 */
  ASSERT(4, strftime(small, sizeof small, "%Y", &tm));
  ASSERT_STR("2023", small);
  {
    const char *empty = "";
    ASSERT(0, strftime(small, sizeof small, empty, &tm));
  }
  ASSERT_STR("%Q", fmt("%Q", &tm)); /* unknown conversions are copied */
  tm = at(-2208988800LL - 86400LL * 365 * 50); /* 1850 */
  ASSERT_STR("18 50 1850", fmt("%C %y %Y", &tm));
  tm.tm_hour = 0;
  ASSERT_STR("12 AM", fmt("%I %p", &tm));
  tm.tm_hour = 12;
  ASSERT_STR("12 PM", fmt("%I %p", &tm));
}

/* FNV-1a over strftime of every conversion for `n` times spread over 1900-2100. */
static unsigned long long sweep(int n) {
  unsigned long long h = 1469598103934665603ULL;
  long long t = -2208988800LL;
  long long step = (4102444800LL + 2208988800LL) / n;
  int i;
  for (i = 0; i < n; i++, t += step + (i % 7) * 3607) {
    struct tm tm = at(t), back;
    const char *s = fmt("%a %A %b %B %C %d %e %G %g %H %I %j %m %M %p %S %u %U %V %w %W %y %Y %k %l|%c|%D|%F|%r|%T", &tm);
    back = tm;
    if (timegm(&back) != t) return 0;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  }
  return h;
}

#ifdef __SIZEOF_DOUBLE__
static unsigned long long double_bits(double d) {
  unsigned long long b;
  memcpy(&b, &d, sizeof b);
  return b;
}
#endif

static void test_clocks(void) {
  struct timeval tv, tv2;
  struct timezone tz = { 99, 99 };
  struct timespec ts, req;
  time_t now = time(0);
  clock_t c0 = clock(), c1;
  volatile unsigned spin = 0;
  req.tv_sec = 0;
  req.tv_nsec = 2000000;
  ASSERT(0, gettimeofday(&tv, &tz));
  ASSERT(0, tz.tz_minuteswest);
  ASSERT(0, tz.tz_dsttime);
  ASSERT(1, tv.tv_sec >= now && tv.tv_sec - now <= 2);
  ASSERT(1, tv.tv_usec >= 0 && tv.tv_usec < 1000000);
  ASSERT(0, nanosleep(&req, 0));
  gettimeofday(&tv2, 0);
  ASSERT(1, (tv2.tv_sec - tv.tv_sec) * 1000000 + (tv2.tv_usec - tv.tv_usec) >= 2000);
  while (spin < 3000000) spin++;
  c1 = clock();
  ASSERT(1, c0 >= 0 && c1 > c0);
  ASSERT(1000000, CLOCKS_PER_SEC);
  ASSERT(0, clock_getres(CLOCK_MONOTONIC, &ts));
  ASSERT(1, ts.tv_sec == 0 && ts.tv_nsec > 0 && ts.tv_nsec <= 1000000);
#ifdef __SIZEOF_DOUBLE__
  /* the doubles' bit patterns (no floating-point arithmetic needed to check them) */
  ASSERT(0x4018000000000000ULL, double_bits(difftime(10, 4)));                 /* 6.0 */
  ASSERT(0xc008000000000000ULL, double_bits(difftime(0, 3)));                  /* -3.0 */
  ASSERT(0x4340000000000000ULL, double_bits(difftime(9007199254740993LL, 0))); /* 2^53 + 1: ties to even, 2^53 */
  ASSERT(0x4340000000000001ULL, double_bits(difftime(9007199254740995LL, 1))); /* 2^53 + 2 is exact */
  ASSERT(0x43e0000000000000ULL, double_bits(difftime(4611686018427387904LL, -4611686018427387903LL))); /* 2^63 - 1 */
  ASSERT(0, double_bits(difftime(5, 5)));
#endif
  setenv("TZ", "UTC", 1);
  tzset();
  ASSERT_STR("UTC", tzname[0]);
  ASSERT(0, timezone);
  ASSERT(0, daylight);
  ASSERT_STR("UTC", localtime(&now)->tm_zone);
  ASSERT_STR("UTC", fmt("%Z", localtime(&now)));
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 3000;
  setenv("TZ", "UTC", 1);
  tzset();
  test_broken_down();
  test_mktime();
  test_strftime();
  test_clocks();
  if (argc > 1) printf("sweep %d: %016llx\n", n, sweep(n));
  else ASSERT(0x0066e0b76c926d79ULL, sweep(n));
  return test_summary("time_test");
}
