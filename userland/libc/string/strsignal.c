/* strsignal: the description glibc gives each Linux signal; 34-64 are "Real-time signal N" (counted from
 * glibc's SIGRTMIN, 34), anything else "Unknown signal N". */
#include <string.h>
#include <stdio.h>

static const char *const names[32] = {
  0, "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap", "Aborted", "Bus error",
  "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault", "User defined signal 2",
  "Broken pipe", "Alarm clock", "Terminated", "Stack fault", "Child exited", "Continued", "Stopped (signal)",
  "Stopped", "Stopped (tty input)", "Stopped (tty output)", "Urgent I/O condition", "CPU time limit exceeded",
  "File size limit exceeded", "Virtual timer expired", "Profiling timer expired", "Window changed",
  "I/O possible", "Power failure", "Bad system call",
};

char *strsignal(int sig) {
  static char text[32];
  if (sig > 0 && sig < 32) return (char *)names[sig];
  if (sig >= 34 && sig <= 64) snprintf(text, sizeof text, "Real-time signal %d", sig - 34);
  else snprintf(text, sizeof text, "Unknown signal %d", sig);
  return text;
}
