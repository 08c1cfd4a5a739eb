/* sys/times.h: times(), the CPU time of a process and of its reaped children, in clock ticks. */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <time.h>

/* Clock ticks per second (what sysconf(_SC_CLK_TCK) answers on Linux). */
#define CLK_TCK 100

struct tms {
  clock_t tms_utime;  /* user CPU time of the process */
  clock_t tms_stime;  /* system CPU time of the process (0 in Pagoda) */
  clock_t tms_cutime; /* user CPU time of the children it waited for */
  clock_t tms_cstime; /* system CPU time of those children */
};

/* Fills *buf (may be NULL) and returns the ticks since boot, or (clock_t)-1 with errno set. */
clock_t times(struct tms *buf);

#endif
