/* sh: $((...)) arithmetic (POSIX 2.6.4): C's integer operators on intmax_t, variables by name (an unset or
 * empty one is 0), assignment operators; && || ?: evaluate only the side they take. Recursive descent,
 * one function per precedence level. */
#include "sh.h"

static const char *p;
static const char *expr_text;
static int failed;
static int noeval; /* > 0 inside the side of && || ?: that is not taken */

static arith_t fail(const char *msg) {
  if (!failed) sh_error("arithmetic expression: %s: \"%s\"", msg, expr_text);
  failed = 1;
  return 0;
}

static void skip(void) {
  while (*p == ' ' || *p == '\t' || *p == '\n') p++;
}

static int accept(const char *op) {
  size_t n = strlen(op);
  skip();
  if (strncmp(p, op, n) != 0) return 0;
  /* do not take '<' from '<<', '&' from '&&', '=' from '==' and the like */
  if (n == 1 && (p[1] == op[0] && strchr("<>&|=", op[0]))) return 0;
  if (n == 1 && p[1] == '=' && strchr("+-*/%<>&|^!=", op[0])) return 0;
  if (n == 2 && p[2] == '=' && (!strcmp(op, "<<") || !strcmp(op, ">>"))) return 0;
  p += n;
  return 1;
}

static arith_t assignment(void);

static arith_t var_value(const char *name) {
  const char *v = var_get(name);
  char *end;
  arith_t r;
  if (!v || !*v) {
    if (opt_nounset && !v && !noeval) {
      sh_error("%s: parameter not set", name);
      failed = 1;
    }
    return 0;
  }
  r = strtoll(v, &end, 0);
  while (*end == ' ' || *end == '\t') end++;
  if (*end) return fail("Illegal number");
  return r;
}

static arith_t primary(void) {
  skip();
  if (*p == '(') {
    arith_t v;
    p++;
    v = assignment();
    skip();
    if (*p != ')') return fail("expecting ')'");
    p++;
    return v;
  }
  if (*p >= '0' && *p <= '9') {
    char *end;
    arith_t v = (arith_t)strtoull(p, &end, 0);
    if ((*end >= 'a' && *end <= 'z') || (*end >= 'A' && *end <= 'Z') || (*end >= '0' && *end <= '9') || *end == '_')
      return fail("Illegal number");
    p = end;
    return v;
  }
  if (*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
    char name[256];
    int n = 0;
    arith_t v;
    while ((*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) && n < 255)
      name[n++] = *p++;
    name[n] = 0;
    skip();
    {
      static const char *const ops[] = {"=", "*=", "/=", "%=", "+=", "-=", "<<=", ">>=", "&=", "^=", "|=", 0};
      int i;
      for (i = 0; ops[i]; i++) {
        size_t len = strlen(ops[i]);
        if (strncmp(p, ops[i], len) == 0 && !(len == 1 && p[1] == '=')) {
          arith_t rhs, old = 0;
          p += len;
          rhs = assignment();
          if (failed) return 0;
          if (i > 0) old = var_value(name);
          switch (i) {
          case 0: v = rhs; break;
          case 1: v = old * rhs; break;
          case 2: case 3:
            if (rhs == 0) return noeval ? 0 : fail("division by zero");
            v = i == 2 ? old / rhs : old % rhs;
            break;
          case 4: v = old + rhs; break;
          case 5: v = old - rhs; break;
          case 6: v = old << rhs; break;
          case 7: v = old >> rhs; break;
          case 8: v = old & rhs; break;
          case 9: v = old ^ rhs; break;
          default: v = old | rhs; break;
          }
          if (!noeval) {
            char buf[32];
            snprintf(buf, sizeof buf, "%lld", v);
            if (var_set(name, buf, 0) < 0) failed = 1;
          }
          return v;
        }
      }
    }
    return noeval ? 0 : var_value(name);
  }
  if (!*p) return fail("expecting primary");
  return fail("expecting primary");
}

static arith_t unary(void) {
  skip();
  if (*p == '-' && p[1] != '=' && p[1] != '-') { p++; return -unary(); }
  if (*p == '+' && p[1] != '=' && p[1] != '+') { p++; return unary(); }
  if (*p == '!' && p[1] != '=') { p++; return !unary(); }
  if (*p == '~') { p++; return ~unary(); }
  return primary();
}

static arith_t mul(void) {
  arith_t v = unary();
  for (;;) {
    if (accept("*")) v *= unary();
    else if (accept("/") || accept("%")) {
      char op = p[-1];
      arith_t r = unary();
      if (r == 0) {
        if (noeval) v = 0;
        else return fail("division by zero");
      } else v = op == '/' ? v / r : v % r;
    } else return v;
  }
}

static arith_t add(void) {
  arith_t v = mul();
  for (;;) {
    if (accept("+")) v += mul();
    else if (accept("-")) v -= mul();
    else return v;
  }
}

static arith_t shift(void) {
  arith_t v = add();
  for (;;) {
    if (accept("<<")) v <<= add();
    else if (accept(">>")) v >>= add();
    else return v;
  }
}

static arith_t relational(void) {
  arith_t v = shift();
  for (;;) {
    if (accept("<=")) v = v <= shift();
    else if (accept(">=")) v = v >= shift();
    else if (accept("<")) v = v < shift();
    else if (accept(">")) v = v > shift();
    else return v;
  }
}

static arith_t equality(void) {
  arith_t v = relational();
  for (;;) {
    if (accept("==")) v = v == relational();
    else if (accept("!=")) v = v != relational();
    else return v;
  }
}

static arith_t bitand(void) {
  arith_t v = equality();
  while (accept("&")) v &= equality();
  return v;
}

static arith_t bitxor(void) {
  arith_t v = bitand();
  while (accept("^")) v ^= bitand();
  return v;
}

static arith_t bitor(void) {
  arith_t v = bitxor();
  while (accept("|")) v |= bitxor();
  return v;
}

static arith_t logand(void) {
  arith_t v = bitor();
  while (accept("&&")) {
    arith_t r;
    if (!v) noeval++;
    r = bitor();
    if (!v) noeval--;
    v = v && r;
  }
  return v;
}

static arith_t logor(void) {
  arith_t v = logand();
  while (accept("||")) {
    arith_t r;
    if (v) noeval++;
    r = logand();
    if (v) noeval--;
    v = v || r;
  }
  return v;
}

static arith_t conditional(void) {
  arith_t c = logor();
  if (accept("?")) {
    arith_t a, b;
    if (!c) noeval++;
    a = assignment();
    if (!c) noeval--;
    skip();
    if (*p != ':') return fail("expecting ':'");
    p++;
    if (c) noeval++;
    b = conditional();
    if (c) noeval--;
    return c ? a : b;
  }
  return c;
}

static arith_t assignment(void) { return conditional(); }

arith_t arith_eval(const char *expr, int *ok) {
  arith_t v;
  p = expr;
  expr_text = expr;
  failed = 0;
  noeval = 0;
  skip();
  if (!*p) {
    *ok = 1;
    return 0;
  }
  v = assignment();
  skip();
  if (!failed && *p) fail("expecting EOF");
  *ok = !failed;
  return failed ? 0 : v;
}
