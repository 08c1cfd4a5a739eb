/* sh: echo (as dash's: -n, and backslash escapes always on) and printf (POSIX: the format is reused until
 * the arguments are used up; %b takes echo's escapes). */
#include "sh.h"

/* Octal digits after a backslash: up to max of them. */
static int octal(const char **pp, int max) {
  int v = 0, n = 0;
  while (n < max && **pp >= '0' && **pp <= '7') {
    v = v * 8 + (**pp - '0');
    (*pp)++;
    n++;
  }
  return v;
}

static int simple_escape(char c) {
  switch (c) {
  case 'a': return '\a';
  case 'b': return '\b';
  case 'f': return '\f';
  case 'n': return '\n';
  case 'r': return '\r';
  case 't': return '\t';
  case 'v': return '\v';
  case '\\': return '\\';
  default: return -1;
  }
}

/* echo and %b escapes: \0NNN octal; returns 1 when \c ends the output. */
static int add_escaped(struct str *b, const char *s) {
  while (*s) {
    if (*s == '\\' && s[1]) {
      int e = simple_escape(s[1]);
      if (s[1] == 'c') return 1;
      if (e >= 0) {
        str_addc(b, (char)e);
        s += 2;
        continue;
      }
      if (s[1] == '0') {
        s += 2;
        str_addc(b, (char)octal(&s, 3));
        continue;
      }
    }
    str_addc(b, *s++);
  }
  return 0;
}

static void put(struct str *b) {
  if (b->len) fwrite(b->s, 1, b->len, stdout);
  free(b->s);
  b->s = 0;
  b->len = b->cap = 0;
}

int bi_echo(int argc, char **argv) {
  struct str b = {0, 0, 0};
  int i = 1, newline = 1;
  if (argc > 1 && !strcmp(argv[1], "-n")) {
    newline = 0;
    i++;
  }
  for (; i < argc; i++) {
    if (add_escaped(&b, argv[i])) {
      put(&b);
      return 0;
    }
    if (i + 1 < argc) str_addc(&b, ' ');
  }
  if (newline) str_addc(&b, '\n');
  put(&b);
  return 0;
}

static int printf_status;

/* A numeric argument: 'c or "c gives the character's code. */
static long long num_arg(const char *s) {
  char *end;
  long long v;
  if (!s) return 0;
  if (*s == '\'' || *s == '"') return (unsigned char)s[1];
  errno = 0;
  v = strtoll(s, &end, 0);
  if (end == s || *end) {
    if (end == s || (*end && end != s)) {
      sh_error("printf: %s: %s", s, end == s ? "expected numeric value" : "not completely converted");
      printf_status = 1;
    }
  }
  return v;
}

/* One pass over the format; *ai advances through the arguments. Returns 1 when \c or %b's \c stops. */
static int format_once(const char *f, char **args, int nargs, int *ai, struct str *out) {
  while (*f) {
    if (*f == '\\') {
      int e;
      f++;
      if (*f == 'c') return 1;
      e = simple_escape(*f);
      if (e >= 0) { str_addc(out, (char)e); f++; }
      else if (*f >= '0' && *f <= '7') str_addc(out, (char)octal(&f, 3));
      else if (*f == '"') { str_addc(out, '"'); f++; }
      else { str_addc(out, '\\'); if (*f) str_addc(out, *f++); }
      continue;
    }
    if (*f != '%') {
      str_addc(out, *f++);
      continue;
    }
    if (f[1] == '%') {
      str_addc(out, '%');
      f += 2;
      continue;
    }
    {
      char spec[64];
      int n = 0;
      char conv;
      const char *arg;
      char buf[512];
      spec[n++] = *f++;
      while (*f && strchr("-+ #0", *f) && n < 40) spec[n++] = *f++;
      if (*f == '*') {
        n += snprintf(spec + n, sizeof spec - n, "%d", (int)num_arg(*ai < nargs ? args[(*ai)++] : 0));
        f++;
      } else
        while (*f >= '0' && *f <= '9' && n < 50) spec[n++] = *f++;
      if (*f == '.') {
        spec[n++] = *f++;
        if (*f == '*') {
          n += snprintf(spec + n, sizeof spec - n, "%d", (int)num_arg(*ai < nargs ? args[(*ai)++] : 0));
          f++;
        } else
          while (*f >= '0' && *f <= '9' && n < 58) spec[n++] = *f++;
      }
      conv = *f;
      if (!conv) break;
      f++;
      arg = *ai < nargs ? args[(*ai)++] : 0;
      switch (conv) {
      case 's':
      case 'b': {
        struct str tmp = {0, 0, 0};
        int stop = 0;
        char *text;
        if (conv == 'b') stop = add_escaped(&tmp, arg ? arg : "");
        else str_adds(&tmp, arg ? arg : "");
        text = str_take(&tmp);
        spec[n++] = 's';
        spec[n] = 0;
        {
          int len = snprintf(0, 0, spec, text);
          char *o = xmalloc(len + 1);
          snprintf(o, len + 1, spec, text);
          str_adds(out, o);
          free(o);
        }
        free(text);
        if (stop) return 1;
        break;
      }
      case 'c':
        spec[n++] = 'c';
        spec[n] = 0;
        snprintf(buf, sizeof buf, spec, arg && *arg ? *arg : 0);
        if (arg && *arg) str_adds(out, buf);
        else if (strchr(spec, '-') || n > 2) str_adds(out, buf);
        break;
      case 'd':
      case 'i':
        spec[n++] = 'l';
        spec[n++] = 'l';
        spec[n++] = 'd';
        spec[n] = 0;
        snprintf(buf, sizeof buf, spec, num_arg(arg));
        str_adds(out, buf);
        break;
      case 'o':
      case 'u':
      case 'x':
      case 'X':
        spec[n++] = 'l';
        spec[n++] = 'l';
        spec[n++] = conv;
        spec[n] = 0;
        snprintf(buf, sizeof buf, spec, (unsigned long long)num_arg(arg));
        str_adds(out, buf);
        break;
      default:
        sh_error("printf: %%%c: invalid directive", conv);
        printf_status = 1;
        return 1;
      }
    }
  }
  return 0;
}

int bi_printf(int argc, char **argv) {
  struct str out = {0, 0, 0};
  int ai = 0, nargs = argc - 2;
  char **args = argv + 2;
  if (argc < 2) {
    sh_error("printf: usage: printf format [arg ...]");
    return 2;
  }
  printf_status = 0;
  for (;;) {
    int before = ai;
    if (format_once(argv[1], args, nargs, &ai, &out)) break;
    if (ai >= nargs || ai == before) break;
  }
  put(&out);
  return printf_status;
}
