/* <getopt.h>: getopt, getopt_long and getopt_long_only over argument vectors that exercise permutation,
 * "--", clusters, missing and optional arguments, '+', '-' and ':' in optstring, abbreviations, ambiguity,
 * flag pointers and the error messages. Prints a transcript (stderr joined to stdout) that must equal
 * getopt_test.expected, recorded from glibc 2.36 running this same file. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int flag;

static const struct option longopts[] = {
  { "verbose", no_argument, 0, 'v' },
  { "version", no_argument, 0, 'V' },
  { "file", required_argument, 0, 'f' },
  { "color", optional_argument, 0, 'C' },
  { "flag", no_argument, &flag, 42 },
  { "same1", no_argument, 0, 's' },
  { "same2", no_argument, 0, 's' },
  { 0, 0, 0, 0 },
};

enum kind { SHORT, LONG, LONG_ONLY };

/* Runs one scan over `args` (NULL-terminated, argv[0] "prog") and prints each result, then the final argv. */
static void run(const char *title, enum kind kind, const char *optstring, const char **args) {
  char *argv[32];
  int argc = 0, c, i;
  for (; args[argc]; argc++) argv[argc] = (char *)args[argc];
  argv[argc] = 0;
  printf("== %s\n", title);
  optind = 0;
  flag = 0;
  for (;;) {
    int index = -1;
    if (kind == SHORT) c = getopt(argc, argv, optstring);
    else if (kind == LONG) c = getopt_long(argc, argv, optstring, longopts, &index);
    else c = getopt_long_only(argc, argv, optstring, longopts, &index);
    if (c == -1) break;
    printf("  %d", c);
    if (c > 32 && c < 127) printf(" '%c'", c);
    printf(" optind=%d optarg=%s", optind, optarg ? optarg : "(null)");
    if (c == '?' || c == ':') printf(" optopt=%d", optopt);
    if (index >= 0) printf(" index=%d", index);
    if (c == 0) printf(" flag=%d", flag);
    printf("\n");
  }
  printf("  end optind=%d argv:", optind);
  for (i = 1; i < argc; i++) printf(" %s", argv[i]);
  printf("\n");
}

#define ARGS(...) ((const char *[]){ "prog", __VA_ARGS__, 0 })

int main(void) {
  setvbuf(stdout, 0, _IONBF, 0);
  dup2(1, 2);
  run("permute", SHORT, "ab:c", ARGS("file1", "-a", "-b", "val", "file2", "-c", "--", "-d", "file3"));
  run("clusters", SHORT, "ab:c", ARGS("-acbval", "-ab", "x", "-", "-ca"));
  run("missing argument", SHORT, "ab:", ARGS("x", "-a", "-b"));
  run("missing argument with ':'", SHORT, ":ab:", ARGS("-b"));
  run("invalid option", SHORT, "ab", ARGS("-x", "-a:", "y"));
  run("invalid option with ':'", SHORT, ":ab", ARGS("-q", "-a"));
  run("'+' stops at the first operand", SHORT, "+ab", ARGS("-a", "op", "-b"));
  run("'-' returns operands in order", SHORT, "-ab", ARGS("one", "-a", "two", "-b", "--", "-a"));
  run("optional argument", SHORT, "c::d", ARGS("-cfoo", "-c", "bar", "-dc"));
  run("only operands", SHORT, "a", ARGS("x", "y"));
  run("empty", SHORT, "a", ARGS("--"));
  opterr = 0;
  run("opterr 0", SHORT, "a:", ARGS("-z", "-a"));
  opterr = 1;
  run("long forms", LONG, "vf:", ARGS("in", "--verbose", "--file=a.txt", "--file", "b.txt", "-f", "c", "--fi", "d", "out"));
  run("long abbreviations", LONG, "", ARGS("--verb", "--vers", "--co", "--color=auto", "--col"));
  run("ambiguous", LONG, "", ARGS("--ver", "--v", "--sa", "--same1"));
  run("long errors", LONG, "", ARGS("--verbose=1", "--nope", "--nope=3", "--file"));
  run("long errors with ':'", LONG, ":", ARGS("--file", "--nope"));
  run("flag pointer", LONG, "", ARGS("--flag", "x", "--fl"));
  run("long after --", LONG, "v", ARGS("-v", "--", "--verbose"));
  run("long_only", LONG_ONLY, "vf:x", ARGS("-verbose", "-v", "-fi", "z", "-file=y", "-x", "-xv", "-nope", "--file", "q"));
  run("long_only ambiguous", LONG_ONLY, "", ARGS("-ver", "-c"));
  return 0;
}
