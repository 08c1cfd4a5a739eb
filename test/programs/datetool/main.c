/* datetool: date arithmetic and formatting over <time.h> (gmtime, mktime, strftime), with its own checks.
 *
 *   datetool FILE     runs the commands in FILE, one per line:
 *     show DATE [FORMAT]        prints DATE (YYYY-MM-DD[THH:MM:SS] or @EPOCH) with strftime FORMAT
 *     add DATE N UNIT           adds N days, hours, minutes, months or years (mktime normalizes)
 *     diff DATE DATE            the difference in days, hours, minutes, seconds
 *     cal YEAR MONTH            a month calendar, weeks starting on Monday, ISO week numbers
 *     weekday DATE              the weekday by Zeller's congruence, checked against gmtime's tm_wday
 *     easter YEAR               Easter Sunday (anonymous Gregorian algorithm) as a date
 *     friday13 YEAR YEAR        every Friday the 13th in the range, counted per year
 *     isoweek YYYY-Www-D        an ISO 8601 week date back to a calendar date, checked with %G-W%V-%u
 * The calendars also go to "calendars.txt". Times are UTC (TZ=UTC). A bad date is reported with its line. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const MONTHS[12] = { "January", "February", "March", "April", "May", "June", "July",
                                        "August", "September", "October", "November", "December" };

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m /* 1-12 */) {
  static const unsigned char days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  return days[m - 1] + (m == 2 && is_leap(y));
}

/* Parses YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS] or @EPOCH into a UTC time; returns 0 or -1. */
static int parse_date(const char *s, time_t *out) {
  if (s[0] == '@') {
    char *end;
    long long v = strtoll(s + 1, &end, 10);
    if (*end) return -1;
    *out = (time_t)v;
    return 0;
  }
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  int n = 0, y, mo, d, h = 0, mi = 0, sec = 0;
  if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3) return -1;
  if (s[n] == 'T') {
    int m2 = 0;
    if (sscanf(s + n, "T%2d:%2d%n", &h, &mi, &m2) != 2) return -1;
    n += m2;
    if (s[n] == ':') { if (sscanf(s + n, ":%2d%n", &sec, &m2) != 1) return -1; n += m2; }
  }
  if (s[n] != 0) return -1;
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || sec > 60) return -1;
  tm.tm_year = y - 1900; tm.tm_mon = mo - 1; tm.tm_mday = d;
  tm.tm_hour = h; tm.tm_min = mi; tm.tm_sec = sec;
  tm.tm_isdst = 0;
  *out = mktime(&tm);
  return 0;
}

static void show(time_t t, const char *fmt) {
  char buf[256];
  struct tm tm = *gmtime(&t);   /* struct copy: gmtime's buffer is shared */
  if (strftime(buf, sizeof buf, fmt, &tm) == 0) strcpy(buf, "(empty)");
  printf("%s\n", buf);
}

/* Zeller's congruence: 0 = Sunday. */
static int zeller(int y, int m, int d) {
  if (m < 3) { m += 12; y--; }
  int k = y % 100, j = y / 100;
  int h = (d + 13 * (m + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7;  /* 0 = Saturday */
  return (h + 6) % 7;
}

static void easter(int y, int *month, int *day) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  *month = (h + l - 7 * m + 114) / 31;
  *day = (h + l - 7 * m + 114) % 31 + 1;
}

static void calendar(FILE *out, int y, int m) {
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  tm.tm_year = y - 1900; tm.tm_mon = m - 1; tm.tm_mday = 1; tm.tm_hour = 12;
  time_t t = mktime(&tm);               /* fills tm_wday and tm_yday */
  char title[40], week[8];
  int len = snprintf(title, sizeof title, "%s %d", MONTHS[m - 1], y);
  fprintf(out, "%*s%s\n", (28 - len) / 2 + 4, "", title);
  fprintf(out, "Wk  Mo Tu We Th Fr Sa Su\n");
  int col = (tm.tm_wday + 6) % 7;       /* Monday first */
  int n = days_in_month(y, m);
  for (int d = 1; d <= n; d++) {
    if (d == 1 || col == 0) {
      time_t day = t + (time_t)(d - 1) * 86400;
      struct tm dt = *gmtime(&day);
      strftime(week, sizeof week, "%V", &dt);
      fprintf(out, "%s  ", week);
      if (d == 1) fprintf(out, "%*s", 3 * col, "");
    }
    fprintf(out, "%2d%s", d, col == 6 || d == n ? "\n" : " ");
    col = (col + 1) % 7;
  }
}

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "commands.txt";
  FILE *in = fopen(path, "r");
  if (!in) { perror(path); return 1; }
  FILE *cals = fopen("calendars.txt", "w");
  if (!cals) { perror("calendars.txt"); return 1; }
  char line[300];
  int lineno = 0, errors = 0;
  while (fgets(line, sizeof line, in)) {
    lineno++;
    line[strcspn(line, "\n")] = 0;
    char cmd[16], a[64], b[64];
    int rest = 0;
    if (line[0] == '#' || sscanf(line, "%15s%n", cmd, &rest) != 1) continue;
    const char *args = line + rest;
    time_t t1, t2;
    printf("> %s\n", line);
    if (!strcmp(cmd, "show")) {
      int n = 0;
      if (sscanf(args, "%63s%n", a, &n) != 1 || parse_date(a, &t1)) goto bad;
      while (args[n] == ' ') n++;
      show(t1, args[n] ? args + n : "%Y-%m-%d %H:%M:%S %A, day %j, week %V/%G, epoch %s");
    } else if (!strcmp(cmd, "add")) {
      long long amount;
      char unit[16];
      if (sscanf(args, "%63s %lld %15s", a, &amount, unit) != 3 || parse_date(a, &t1)) goto bad;
      struct tm tm = *gmtime(&t1);
      if (!strcmp(unit, "days")) tm.tm_mday += (int)amount;
      else if (!strcmp(unit, "hours")) tm.tm_hour += (int)amount;
      else if (!strcmp(unit, "minutes")) tm.tm_min += (int)amount;
      else if (!strcmp(unit, "months")) tm.tm_mon += (int)amount;
      else if (!strcmp(unit, "years")) tm.tm_year += (int)amount;
      else goto bad;
      t2 = mktime(&tm);
      show(t2, "%Y-%m-%dT%H:%M:%S (%a %d %b %Y)");
    } else if (!strcmp(cmd, "diff")) {
      if (sscanf(args, "%63s %63s", a, b) != 2 || parse_date(a, &t1) || parse_date(b, &t2)) goto bad;
      int64_t s = (int64_t)t2 - (int64_t)t1;
      int64_t mag = s < 0 ? -s : s;
      printf("%s%" PRId64 " seconds = %" PRId64 " days %02d:%02d:%02d\n", s < 0 ? "-" : "", mag, mag / 86400,
             (int)(mag % 86400 / 3600), (int)(mag % 3600 / 60), (int)(mag % 60));
    } else if (!strcmp(cmd, "cal")) {
      int y, m;
      if (sscanf(args, "%d %d", &y, &m) != 2 || m < 1 || m > 12) goto bad;
      calendar(stdout, y, m);
      calendar(cals, y, m);
      fputc('\n', cals);
    } else if (!strcmp(cmd, "weekday")) {
      if (sscanf(args, "%63s", a) != 1 || parse_date(a, &t1)) goto bad;
      struct tm tm = *gmtime(&t1);
      int z = zeller(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
      char name[16];
      strftime(name, sizeof name, "%A", &tm);
      printf("%s (zeller %d, tm_wday %d)%s\n", name, z, tm.tm_wday, z == tm.tm_wday ? "" : " MISMATCH");
    } else if (!strcmp(cmd, "easter")) {
      int y, m, d;
      if (sscanf(args, "%d", &y) != 1) goto bad;
      easter(y, &m, &d);
      char date[16];
      snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
      if (parse_date(date, &t1)) goto bad;
      show(t1, "Easter: %A %e %B %Y (%x)");
    } else if (!strcmp(cmd, "friday13")) {
      int y0, y1, total = 0;
      if (sscanf(args, "%d %d", &y0, &y1) != 2 || y1 < y0 || y1 - y0 > 400) goto bad;
      for (int y = y0; y <= y1; y++) {
        int count = 0;
        char months[64] = "";
        for (int m = 0; m < 12; m++) {
          struct tm tm;
          memset(&tm, 0, sizeof tm);
          tm.tm_year = y - 1900; tm.tm_mon = m; tm.tm_mday = 13; tm.tm_hour = 12;
          mktime(&tm);
          if (tm.tm_wday == 5) { count++; strncat(months, MONTHS[m], 3); strcat(months, " "); }
        }
        total += count;
        if (y - y0 < 6) printf("%d: %d (%s)\n", y, count, months);
      }
      printf("%d Friday 13ths in %d years\n", total, y1 - y0 + 1);
    } else if (!strcmp(cmd, "isoweek")) {
      int y, w, d;
      if (sscanf(args, "%d-W%d-%d", &y, &w, &d) != 3 || w < 1 || w > 53 || d < 1 || d > 7) goto bad;
      /* the Monday of week 1 is in the week holding January 4th */
      struct tm tm;
      memset(&tm, 0, sizeof tm);
      tm.tm_year = y - 1900; tm.tm_mday = 4;
      mktime(&tm);
      tm.tm_mday += -((tm.tm_wday + 6) % 7) + (w - 1) * 7 + (d - 1);
      t1 = mktime(&tm);
      char back[32];
      strftime(back, sizeof back, "%G-W%V-%u", gmtime(&t1));
      show(t1, "%A %d %B %Y");
      printf("  back: %s\n", back);
    } else {
      goto bad;
    }
    continue;
  bad:
    fprintf(stderr, "%s:%d: cannot do '%s'\n", path, lineno, line);
    printf("error\n");
    errors++;
  }
  fclose(in);
  fclose(cals);
  /* sweep: every day from 1969 to 2101 round-trips through gmtime and mktime, weekdays agree */
  int bad_days = 0;
  long days = 0;
  for (time_t t = -366 * 86400LL; t < 4133980800LL; t += 86400 * 7 + 3607) {
    struct tm tm = *gmtime(&t);
    struct tm copy = tm;
    if (mktime(&copy) != t || zeller(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) != tm.tm_wday) bad_days++;
    days++;
  }
  printf("sweep: %ld dates, %d disagreements\n", days, bad_days);
  return errors ? 4 : 0;
}
