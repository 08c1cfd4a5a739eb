/* strftime in the C locale: every C99 conversion (%a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %m %M %n %p
 * %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%), glibc's %k %l %s %P, the E and O modifiers where C99
 * allows them (they change nothing in this locale), and glibc's flags: '-' no padding, '_' pad with spaces, '0' pad with
 * zeros, '^' upper case, '#' swap case of names, then a field width. */
#include <time.h>
#include <string.h>
#include <ctype.h>
#include <stdio.h>

static const char *const wday_names[7] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };
static const char *const mon_names[12] = { "January", "February", "March", "April", "May", "June", "July",
                                           "August", "September", "October", "November", "December" };

struct out {
  char *s;
  size_t max, len;
  int full; /* a byte did not fit */
};

static void put(struct out *o, char c) {
  if (o->len + 1 < o->max) o->s[o->len] = c;
  else o->full = 1;
  o->len++;
}

/* A conversion's text with the flags applied: pad ('0', ' ' or 0 for none) up to width, case changes. */
static void emit(struct out *o, const char *text, int width, char pad, int upper, int lower) {
  size_t n = strlen(text), i;
  int sign = (text[0] == '-' || text[0] == '+') && pad == '0';
  if (sign) put(o, *text++), n--, width--;
  for (; pad && width > (int)n; width--) put(o, pad);
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)text[i];
    if (upper) c = (unsigned char)toupper(c);
    else if (lower) c = (unsigned char)tolower(c);
    put(o, (char)c);
  }
}

static int is_leap(long long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* The ISO 8601 week-based year of tm, and its week number (1-53) in *week. */
static long long iso_year(const struct tm *tm, int *week) {
  long long year = tm->tm_year + 1900LL;
  int wday = (tm->tm_wday + 6) % 7;              /* Monday 0 .. Sunday 6 */
  int w = (tm->tm_yday - wday + 10) / 7;          /* the week holding this year's Thursday is week 1 */
  if (w < 1) {
    /* the last week of the previous year: 53 when that year's Dec 31 falls on Thursday, or Friday in a leap year */
    int prev_days = is_leap(year - 1) ? 366 : 365;
    int dec31_wday = (wday - tm->tm_yday - 1 + 7 * 60) % 7;
    w = (dec31_wday == 3 || (dec31_wday == 4 && prev_days == 366)) ? 53 : 52;
    year--;
  } else if (w == 53) {
    /* week 53 exists only when Dec 31 is a Thursday or later in the ISO week, otherwise it is next year's 1 */
    int days = is_leap(year) ? 366 : 365;
    int dec31_wday = (wday + (days - 1 - tm->tm_yday)) % 7;
    if (dec31_wday < 3) {
      w = 1;
      year++;
    }
  }
  *week = w;
  return year;
}

static size_t format(struct out *o, const char *fmt, const struct tm *tm);

/* One conversion: its text into buf, or a recursive format for the composite ones. Returns 0 for an unknown
 * conversion character. `numwidth` is the default width of numbers, `numpad` their default padding. */
static int convert(struct out *o, char conv, const struct tm *tm, char pad, int width, int upper, int swap) {
  char buf[48];
  long long num = 0;
  int numwidth = 2, week;
  char numpad = '0';
  const char *text = 0;
  switch (conv) {
  case 'a': text = tm->tm_wday >= 0 && tm->tm_wday < 7 ? wday_names[tm->tm_wday] : "?"; snprintf(buf, 4, "%s", text); text = buf; break;
  case 'A': text = tm->tm_wday >= 0 && tm->tm_wday < 7 ? wday_names[tm->tm_wday] : "?"; break;
  case 'b': case 'h': text = tm->tm_mon >= 0 && tm->tm_mon < 12 ? mon_names[tm->tm_mon] : "?"; snprintf(buf, 4, "%s", text); text = buf; break;
  case 'B': text = tm->tm_mon >= 0 && tm->tm_mon < 12 ? mon_names[tm->tm_mon] : "?"; break;
  case 'p': case 'P': text = tm->tm_hour >= 12 ? (conv == 'p' ? "PM" : "pm") : (conv == 'p' ? "AM" : "am"); break;
  case 'Z': text = tm->tm_zone ? tm->tm_zone : tzname[0]; break;
  case 'n': text = "\n"; break;
  case 't': text = "\t"; break;
  case '%': text = "%"; break;
  case 'c': return format(o, "%a %b %e %H:%M:%S %Y", tm), 1;
  case 'D': case 'x': return format(o, "%m/%d/%y", tm), 1;
  case 'F': {
    char sub[16];
    snprintf(sub, sizeof sub, "%%+%dY-%%m-%%d", width > 6 ? width - 6 : 4);
    if (width <= 6) strcpy(sub, "%Y-%m-%d");
    return format(o, sub, tm), 1;
  }
  case 'r': return format(o, "%I:%M:%S %p", tm), 1;
  case 'R': return format(o, "%H:%M", tm), 1;
  case 'T': case 'X': return format(o, "%H:%M:%S", tm), 1;
  case 'C': num = (tm->tm_year + 1900LL) / 100 - ((tm->tm_year + 1900LL) % 100 < 0); break;
  case 'd': num = tm->tm_mday; break;
  case 'e': num = tm->tm_mday; numpad = ' '; break;
  case 'H': num = tm->tm_hour; break;
  case 'k': num = tm->tm_hour; numpad = ' '; break;
  case 'I': num = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12; break;
  case 'l': num = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12; numpad = ' '; break;
  case 'j': num = tm->tm_yday + 1; numwidth = 3; break;
  case 'm': num = tm->tm_mon + 1; break;
  case 'M': num = tm->tm_min; break;
  case 'S': num = tm->tm_sec; break;
  case 'u': num = tm->tm_wday ? tm->tm_wday : 7; numwidth = 1; break;
  case 'w': num = tm->tm_wday; numwidth = 1; break;
  case 'U': num = (tm->tm_yday + 7 - tm->tm_wday) / 7; break;
  case 'W': num = (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7; break;
  case 'V': iso_year(tm, &week); num = week; break;
  case 'G': num = iso_year(tm, &week); numwidth = 1; break;
  case 'g': num = iso_year(tm, &week) % 100; if (num < 0) num += 100; break;
  case 'y': num = (tm->tm_year + 1900LL) % 100; if (num < 0) num += 100; break;
  case 'Y': num = tm->tm_year + 1900LL; numwidth = 1; break;
  case 's': {
    struct tm copy = *tm;
    num = mktime(&copy);
    numwidth = 1;
    break;
  }
  case 'z': {
    long off = tm->tm_gmtoff;
    long a = off < 0 ? -off : off;
    snprintf(buf, sizeof buf, "%c%02ld%02ld", off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
    text = buf;
    if (pad == 0 && width == 0) { emit(o, text, 0, 0, 0, 0); return 1; }
    emit(o, text, width, pad == ' ' ? ' ' : '0', 0, 0);
    return 1;
  }
  default: return 0;
  }
  if (text) {
    /* '#' makes names upper case, and %Z and %p lower case (glibc) */
    int lower = swap && (conv == 'Z' || conv == 'p');
    emit(o, text, width, pad == '0' ? '0' : ' ', upper || (swap && !lower), lower);
    return 1;
  }
  snprintf(buf, sizeof buf, "%lld", num);
  if (pad == '-') emit(o, buf, 0, 0, 0, 0);
  else emit(o, buf, width ? width : numwidth, pad ? pad : numpad, 0, 0);
  return 1;
}

static size_t format(struct out *o, const char *fmt, const struct tm *tm) {
  while (*fmt) {
    const char *start = fmt;
    char pad = 0;
    int width = 0, upper = 0, swap = 0;
    if (*fmt != '%') {
      put(o, *fmt++);
      continue;
    }
    fmt++;
    for (;; fmt++) {
      if (*fmt == '-' || *fmt == '_' || *fmt == '0') pad = *fmt == '_' ? ' ' : *fmt;
      else if (*fmt == '^') upper = 1;
      else if (*fmt == '#') swap = 1;
      else break;
    }
    while (isdigit((unsigned char)*fmt)) width = width * 10 + (*fmt++ - '0');
    if (*fmt == 'E' || *fmt == 'O') {
      /* C99 allows E before c C x X y Y and O before d e H I m M S u U V w W y; elsewhere the whole
       * sequence is copied, as glibc does */
      const char *allowed = *fmt == 'E' ? "cCxXyY" : "deHImMSuUVwWy";
      fmt++;
      if (!*fmt || !strchr(allowed, *fmt)) {
        while (start < fmt + (*fmt != 0)) put(o, *start++);
        if (*fmt) fmt++;
        continue;
      }
    }
    if (!*fmt || !convert(o, *fmt, tm, pad, width, upper, swap)) {
      /* an unknown conversion is copied as it stands, as glibc does */
      while (start < fmt + (*fmt != 0)) put(o, *start++);
      if (*fmt) fmt++;
      continue;
    }
    fmt++;
  }
  return o->len;
}

size_t strftime(char *s, size_t max, const char *fmt, const struct tm *tm) {
  struct out o;
  o.s = s;
  o.max = max;
  o.len = 0;
  o.full = 0;
  format(&o, fmt, tm);
  if (o.full || o.len >= max) {
    if (max) s[max - 1 < o.len ? max - 1 : o.len] = 0;
    return 0;
  }
  s[o.len] = 0;
  return o.len;
}
