/* chmod MODE FILE...: sets permission bits. MODE is octal (755) or symbolic: [ugoa]*[+-=][rwxXst]*, several
 * separated by commas (u+x, go-w, a=r,u+w); without u/g/o/a the umask limits what + and = add, as POSIX says. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* The new mode for `old` under symbolic `spec`, or -1 when it is malformed. */
static long apply_symbolic(const char *spec, unsigned old, int is_dir, unsigned mask) {
  unsigned mode = old & 07777;
  const char *p = spec;
  for (;;) {
    unsigned who = 0, perm = 0, masked;
    char op;
    for (; *p == 'u' || *p == 'g' || *p == 'o' || *p == 'a'; p++) {
      who |= *p == 'u' ? 04700 : *p == 'g' ? 02070 : *p == 'o' ? 01007 : 07777;
    }
    masked = who == 0;
    if (who == 0) who = 07777;
    if (*p != '+' && *p != '-' && *p != '=') return -1;
    while (*p == '+' || *p == '-' || *p == '=') {
      op = *p++;
      perm = 0;
      for (; *p && *p != ',' && *p != '+' && *p != '-' && *p != '='; p++) {
        switch (*p) {
        case 'r': perm |= 0444; break;
        case 'w': perm |= 0222; break;
        case 'x': perm |= 0111; break;
        case 'X': if (is_dir || (mode & 0111)) perm |= 0111; break;
        case 's': perm |= 06000; break;
        case 't': perm |= 01000; break;
        default: return -1;
        }
      }
      perm &= who;
      if (masked) perm &= ~mask;
      if (op == '+') mode |= perm;
      else if (op == '-') mode &= ~perm;
      else mode = (mode & ~who) | perm;
    }
    if (*p == 0) return mode;
    if (*p != ',') return -1;
    p++;
  }
}

int main(int argc, char **argv) {
  int i, status = 0;
  const char *spec;
  unsigned mask;
  int octal = 1;
  if (argc < 3) {
    fprintf(stderr, "usage: chmod MODE FILE...\n");
    return 1;
  }
  spec = argv[1];
  for (i = 0; spec[i]; i++) if (spec[i] < '0' || spec[i] > '7') octal = 0;
  if (spec[0] == 0) octal = 0;
  mask = umask(0);
  umask(mask);
  for (i = 2; i < argc; i++) {
    struct stat st;
    long mode;
    if (stat(argv[i], &st) < 0) {
      fprintf(stderr, "chmod: cannot access '%s': %s\n", argv[i], strerror(errno));
      status = 1;
      continue;
    }
    if (octal) {
      unsigned long v = 0;
      const char *q;
      for (q = spec; *q; q++) v = v * 8 + (unsigned)(*q - '0');
      if (v > 07777) { fprintf(stderr, "chmod: invalid mode: '%s'\n", spec); return 1; }
      mode = (long)v;
    } else {
      mode = apply_symbolic(spec, st.st_mode, S_ISDIR(st.st_mode), mask);
      if (mode < 0) { fprintf(stderr, "chmod: invalid mode: '%s'\n", spec); return 1; }
    }
    if (chmod(argv[i], (mode_t)mode) < 0) {
      fprintf(stderr, "chmod: changing permissions of '%s': %s\n", argv[i], strerror(errno));
      status = 1;
    }
  }
  return status;
}
