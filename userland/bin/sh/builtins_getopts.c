/* sh: getopts OPTSTRING NAME [ARG...]: the next option of the positional parameters (or ARGs), with OPTIND
 * the index of the next argument and OPTARG an option's argument; a leading ':' in OPTSTRING makes errors
 * silent (NAME is then '?' with OPTARG the option, or ':' for a missing argument). Status 1 at the end. */
#include "sh.h"

static int next_char = 1;  /* position inside a grouped argument such as -abc */
static int seen_optind = 1; /* OPTIND as getopts last left it: a script that resets OPTIND restarts */

static void set_index(int ind) {
  char buf[16];
  snprintf(buf, sizeof buf, "%d", ind);
  var_set("OPTIND", buf, 0);
  seen_optind = ind;
}

int bi_getopts(int argc, char **argv) {
  const char *optstring, *name, *arg, *spec;
  char **args;
  int nargs, ind, silent;
  char opt[2] = {0, 0};
  if (argc < 3) {
    sh_error("Usage: getopts optstring var [arg]");
    return 2;
  }
  optstring = argv[1];
  name = argv[2];
  args = argc > 3 ? argv + 3 : pos_args;
  nargs = argc > 3 ? argc - 3 : pos_count;
  silent = optstring[0] == ':';
  ind = var_get("OPTIND") ? atoi(var_get("OPTIND")) : 1;
  if (ind != seen_optind || ind < 1) next_char = 1;
  if (ind < 1) ind = 1;
  if (ind > nargs || args[ind - 1][0] != '-' || !args[ind - 1][1] ) goto end;
  arg = args[ind - 1];
  if (!strcmp(arg, "--")) {
    ind++;
    goto end;
  }
  opt[0] = arg[next_char++];
  spec = strchr(optstring + silent, opt[0]);
  if (!arg[next_char]) {
    ind++;
    next_char = 1;
  }
  if (!spec || opt[0] == ':') {
    if (silent) var_set("OPTARG", opt, 0);
    else {
      fprintf(stderr, "Illegal option -%c\n", opt[0]); /* as dash: no prefix */
      var_unset("OPTARG");
    }
    var_set(name, "?", 0);
    set_index(ind);
    return 0;
  }
  if (spec[1] == ':') {
    if (next_char > 1) { /* the rest of this argument */
      var_set("OPTARG", arg + next_char, 0);
      ind++;
      next_char = 1;
    } else if (ind <= nargs) {
      var_set("OPTARG", args[ind - 1], 0);
      ind++;
    } else {
      if (silent) {
        var_set("OPTARG", opt, 0);
        var_set(name, ":", 0);
      } else {
        fprintf(stderr, "No arg for -%c option\n", opt[0]);
        var_unset("OPTARG");
        var_set(name, "?", 0);
      }
      set_index(ind);
      return 0;
    }
  } else {
    var_unset("OPTARG");
  }
  var_set(name, opt, 0);
  set_index(ind);
  return 0;
end:
  next_char = 1;
  var_set(name, "?", 0);
  set_index(ind);
  return 1;
}
