/* getopt, getopt_long, getopt_long_only with glibc's behaviour (see <getopt.h>).
 *
 * Permutation: operands met before an option are skipped and remembered as the range
 * [first_operand, last_operand); when the scan moves on past more options, that range is rotated behind
 * them, so that at the end argv holds the options first and optind names the first operand. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

char *optarg;
int optind = 1, opterr = 1, optopt = '?';

enum ordering { PERMUTE, REQUIRE_ORDER, RETURN_IN_ORDER };

static struct {
  int initialized;
  char *next;          /* the rest of a cluster of short options ("-abc"), or NULL */
  int first_operand;   /* the operands skipped so far: argv[first_operand .. last_operand) */
  int last_operand;
  enum ordering ordering;
  int colon;           /* optstring asked for ':' on a missing argument (and silence) */
} st;

/* Moves argv[first_operand .. last_operand) behind argv[last_operand .. optind) (the options found since),
 * keeping both groups in order. */
static void rotate(char **argv) {
  int a = st.first_operand, b = st.last_operand, c = optind;
  while (a < b && b < c) {
    /* move the first option after the operands in front of them */
    char *moved = argv[b];
    int i;
    for (i = b; i > a; i--) argv[i] = argv[i - 1];
    argv[a] = moved;
    a++;
    b++;
  }
  st.first_operand += c - st.last_operand;
  st.last_operand = c;
}

static const char *start(const char *optstring) {
  st.initialized = 1;
  st.next = 0;
  st.first_operand = st.last_operand = optind;
  st.ordering = PERMUTE;
  if (*optstring == '-') st.ordering = RETURN_IN_ORDER, optstring++;
  else if (*optstring == '+') st.ordering = REQUIRE_ORDER, optstring++;
  st.colon = *optstring == ':';
  return optstring;
}

static int is_operand(char *const argv[], int i) { return argv[i][0] != '-' || argv[i][1] == 0; }

/* A long option in `text` (after the dashes): its index in longopts, -1 if none matches, -2 if ambiguous
 * (the message names the candidates). An exact name wins; otherwise a unique prefix, or several prefixes
 * that all mean the same thing. */
static int find_long(const char *text, size_t len, const struct option *longopts, char *const argv[],
                     const char *prefix, int print) {
  int found = -1, ambiguous = 0, i;
  for (i = 0; longopts[i].name; i++) {
    const struct option *o = &longopts[i];
    if (strncmp(o->name, text, len) != 0) continue;
    if (strlen(o->name) == len) return i;
    if (found < 0) found = i;
    else if (o->has_arg != longopts[found].has_arg || o->flag != longopts[found].flag || o->val != longopts[found].val)
      ambiguous = 1;
  }
  if (!ambiguous) return found;
  if (print) {
    fprintf(stderr, "%s: option '%s%s' is ambiguous; possibilities:", argv[0], prefix, text);
    for (i = 0; longopts[i].name; i++)
      if (strncmp(longopts[i].name, text, len) == 0) fprintf(stderr, " '%s%s'", prefix, longopts[i].name);
    fputc('\n', stderr);
  }
  return -2;
}

/* Handles argv[optind] as a long option (text after `prefix`); returns getopt_long's result. */
static int long_option(int argc, char *const argv[], const char *text, const char *prefix,
                       const struct option *longopts, int *longindex, int index) {
  const char *eq = strchr(text, '=');
  const struct option *o = &longopts[index];
  optind++;
  st.next = 0;
  if (eq) {
    if (o->has_arg == no_argument) {
      if (opterr && !st.colon) fprintf(stderr, "%s: option '%s%s' doesn't allow an argument\n", argv[0], prefix, o->name);
      optopt = o->val;
      return '?';
    }
    optarg = (char *)eq + 1;
  } else if (o->has_arg == required_argument) {
    if (optind >= argc) {
      if (opterr && !st.colon) fprintf(stderr, "%s: option '%s%s' requires an argument\n", argv[0], prefix, o->name);
      optopt = o->val;
      return st.colon ? ':' : '?';
    }
    optarg = argv[optind++];
  } else {
    optarg = 0;
  }
  if (longindex) *longindex = index;
  if (o->flag) {
    *o->flag = o->val;
    return 0;
  }
  return o->val;
}

/* The next short option from the cluster st.next. */
static int short_option(int argc, char *const argv[], const char *optstring) {
  char c = *st.next++;
  const char *spec = c == ':' || c == ';' ? 0 : strchr(optstring, c);
  if (*st.next == 0) {
    optind++;
    st.next = 0;
  }
  if (!spec || c == 0) {
    if (opterr && !st.colon) fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
    optopt = (unsigned char)c;
    return '?';
  }
  if (spec[1] != ':') return (unsigned char)c;
  if (spec[2] == ':') {
    /* optional argument: only when attached */
    optarg = st.next;
    if (st.next) {
      optind++;
      st.next = 0;
    }
    return (unsigned char)c;
  }
  if (st.next) {
    optarg = st.next;
    optind++;
    st.next = 0;
  } else if (optind >= argc) {
    if (opterr && !st.colon) fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0], c);
    optopt = (unsigned char)c;
    return st.colon ? ':' : '?';
  } else {
    optarg = argv[optind++];
  }
  return (unsigned char)c;
}

static int scan(int argc, char *const argv[], const char *optstring, const struct option *longopts, int *longindex,
                int long_only) {
  char **args = (char **)argv;
  optarg = 0;
  if (optind == 0 || !st.initialized) {
    if (optind == 0) optind = 1;
    optstring = start(optstring);
  } else {
    if (*optstring == '-' || *optstring == '+') optstring++;
  }
  if (st.next && *st.next) return short_option(argc, argv, optstring);
  st.next = 0;
  /* the operands range may have been left behind by a caller moving optind */
  if (st.last_operand > optind) st.last_operand = optind;
  if (st.first_operand > optind) st.first_operand = optind;
  if (st.ordering == PERMUTE) {
    if (st.first_operand != st.last_operand && st.last_operand != optind) rotate(args);
    else if (st.last_operand != optind) st.first_operand = optind;
    while (optind < argc && is_operand(argv, optind)) optind++;
    st.last_operand = optind;
  }
  if (optind < argc && strcmp(argv[optind], "--") == 0) {
    optind++;
    if (st.first_operand != st.last_operand && st.last_operand != optind) rotate(args);
    else if (st.first_operand == st.last_operand) st.first_operand = optind;
    st.last_operand = argc;
    optind = argc;
  }
  if (optind >= argc) {
    if (st.first_operand != st.last_operand) optind = st.first_operand;
    return -1;
  }
  if (is_operand(argv, optind)) {
    if (st.ordering == REQUIRE_ORDER) return -1;
    optarg = argv[optind++];
    return 1;
  }
  if (longopts) {
    char *arg = argv[optind];
    int dashes = arg[1] == '-' ? 2 : 1;
    if (dashes == 2 || (long_only && (arg[2] || !strchr(optstring, arg[1])))) {
      const char *text = arg + dashes;
      const char *prefix = dashes == 2 ? "--" : "-";
      const char *eq = strchr(text, '=');
      size_t len = eq ? (size_t)(eq - text) : strlen(text);
      int index = find_long(text, len, longopts, argv, prefix, opterr && !st.colon);
      if (index >= 0) return long_option(argc, argv, text, prefix, longopts, longindex, index);
      if (index == -2) {
        optind++;
        optopt = 0;
        return '?';
      }
      /* not a long option: with long_only, a single-dash word may still be short options */
      if (dashes == 2 || !strchr(optstring, arg[1])) {
        if (opterr && !st.colon) fprintf(stderr, "%s: unrecognized option '%s%s'\n", argv[0], prefix, text);
        optind++;
        optopt = 0;
        return '?';
      }
    }
  }
  st.next = argv[optind] + 1;
  return short_option(argc, argv, optstring);
}

int getopt(int argc, char *const argv[], const char *optstring) {
  return scan(argc, argv, optstring, 0, 0, 0);
}

int getopt_long(int argc, char *const argv[], const char *optstring, const struct option *longopts, int *longindex) {
  return scan(argc, argv, optstring, longopts, longindex, 0);
}

int getopt_long_only(int argc, char *const argv[], const char *optstring, const struct option *longopts,
                     int *longindex) {
  return scan(argc, argv, optstring, longopts, longindex, 1);
}
