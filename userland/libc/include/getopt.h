/* getopt.h: command-line option parsing as glibc does it: getopt permutes the arguments so that options
 * may follow operands (a leading '+' in optstring stops at the first operand instead, a leading '-' returns
 * operands as option 1 with optarg; POSIXLY_CORRECT is not consulted), "--" ends the options, and errors
 * are reported on stderr in glibc's words unless opterr is 0 or optstring starts with ':' (then a missing
 * argument returns ':'). getopt_long adds "--name", "--name=value" and unambiguous abbreviations;
 * getopt_long_only also accepts long options after a single '-'. Setting optind to 0 restarts the scan. */
#ifndef _GETOPT_H
#define _GETOPT_H

extern char *optarg;
extern int optind, opterr, optopt;

#define no_argument 0
#define required_argument 1
#define optional_argument 2

struct option {
  const char *name;
  int has_arg;   /* no_argument, required_argument, optional_argument */
  int *flag;     /* when not NULL, *flag = val and getopt_long returns 0 */
  int val;
};

int getopt(int argc, char *const argv[], const char *optstring);
int getopt_long(int argc, char *const argv[], const char *optstring, const struct option *longopts, int *longindex);
int getopt_long_only(int argc, char *const argv[], const char *optstring, const struct option *longopts,
                     int *longindex);
#endif
