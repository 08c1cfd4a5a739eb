/* sleep SECONDS: sleeps (fractions such as 0.5 allowed) without using the CPU. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
  struct timespec ts;
  const char *p;
  long ms = 0, frac = 0, scale = 100;
  if (argc < 2) { fprintf(stderr, "sleep: missing operand\n"); return 1; }
  for (p = argv[1]; *p >= '0' && *p <= '9'; p++) ms = ms * 10 + (*p - '0');
  if (*p == '.') for (p++; *p >= '0' && *p <= '9' && scale > 0; p++, scale /= 10) frac += (*p - '0') * scale;
  if (*p) { fprintf(stderr, "sleep: invalid time interval '%s'\n", argv[1]); return 1; }
  ts.tv_sec = ms;
  ts.tv_nsec = frac * 1000000L;
  nanosleep(&ts, 0);
  return 0;
}
