// Clock ids of clock_gettime64/clock_nanosleep_time64 and the absolute-time flag: Linux's values
// (include/uapi/linux/time.h), as userland/libc/include/time.h carries them. This file imports nothing.

export const CLOCK_REALTIME = 0;
export const CLOCK_MONOTONIC = 1;
export const CLOCK_PROCESS_CPUTIME_ID = 2;
export const CLOCK_THREAD_CPUTIME_ID = 3;
export const CLOCK_MONOTONIC_RAW = 4;
export const CLOCK_REALTIME_COARSE = 5;
export const CLOCK_MONOTONIC_COARSE = 6;
export const CLOCK_BOOTTIME = 7;

/** clock_nanosleep: the time is an absolute point on the clock, not an interval. */
export const TIMER_ABSTIME = 1;
