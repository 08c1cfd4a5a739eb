/* bignum: arbitrary-precision unsigned arithmetic on base-10^9 limbs, with a tiny command language.
 *
 * Reads commands from the file named on the command line (default "script.txt"), one per line:
 *   fact N          N!
 *   pow B E         B^E (square and multiply)
 *   fib N           the N-th Fibonacci number
 *   div A B         A / B and A % B, where A and B are decimal numbers or expressions "B^E" / "N!"
 *   digits X        number of decimal digits and digit sum of X
 *   gcd A B         greatest common divisor (Euclid with bignum remainder)
 * Every result is printed; long numbers are wrapped at 60 columns.  The results are also written to
 * "results.txt" as "name = value" lines, so the test can compare a written file too. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define BASE 1000000000u
#define BASE_DIGITS 9

typedef struct {
  uint32_t *limb; /* little-endian limbs, each < BASE */
  int len;        /* limbs in use; 0 means the value 0 */
  int cap;
} Big;

static void big_init(Big *b) { b->limb = NULL; b->len = 0; b->cap = 0; }
static void big_free(Big *b) { free(b->limb); big_init(b); }

static void big_reserve(Big *b, int cap) {
  if (cap <= b->cap) return;
  int n = b->cap ? b->cap : 4;
  while (n < cap) n *= 2;
  uint32_t *p = realloc(b->limb, (size_t)n * sizeof *p);
  if (!p) { fprintf(stderr, "out of memory\n"); exit(2); }
  b->limb = p;
  b->cap = n;
}

static void big_trim(Big *b) { while (b->len > 0 && b->limb[b->len - 1] == 0) b->len--; }

static void big_set_u64(Big *b, uint64_t v) {
  b->len = 0;
  while (v) { big_reserve(b, b->len + 1); b->limb[b->len++] = (uint32_t)(v % BASE); v /= BASE; }
}

static void big_copy(Big *dst, const Big *src) {
  big_reserve(dst, src->len);
  if (src->len) memcpy(dst->limb, src->limb, (size_t)src->len * sizeof(uint32_t));
  dst->len = src->len;
}

static int big_cmp(const Big *a, const Big *b) {
  if (a->len != b->len) return a->len < b->len ? -1 : 1;
  for (int i = a->len - 1; i >= 0; i--)
    if (a->limb[i] != b->limb[i]) return a->limb[i] < b->limb[i] ? -1 : 1;
  return 0;
}

/* r = a + b (r may alias a or b) */
static void big_add(Big *r, const Big *a, const Big *b) {
  int n = a->len > b->len ? a->len : b->len;
  big_reserve(r, n + 1);
  uint32_t carry = 0;
  for (int i = 0; i < n; i++) {
    uint32_t s = carry + (i < a->len ? a->limb[i] : 0) + (i < b->len ? b->limb[i] : 0);
    carry = s >= BASE;
    r->limb[i] = carry ? s - BASE : s;
  }
  r->limb[n] = carry;
  r->len = n + 1;
  big_trim(r);
}

/* r = a - b, requires a >= b (r may alias a) */
static void big_sub(Big *r, const Big *a, const Big *b) {
  big_reserve(r, a->len);
  int32_t borrow = 0;
  for (int i = 0; i < a->len; i++) {
    int64_t d = (int64_t)a->limb[i] - borrow - (i < b->len ? b->limb[i] : 0);
    borrow = d < 0;
    r->limb[i] = (uint32_t)(borrow ? d + BASE : d);
  }
  r->len = a->len;
  big_trim(r);
}

/* a = a * m + add for a small m */
static void big_mul_small(Big *a, uint32_t m, uint32_t add) {
  uint64_t carry = add;
  for (int i = 0; i < a->len; i++) {
    uint64_t t = (uint64_t)a->limb[i] * m + carry;
    a->limb[i] = (uint32_t)(t % BASE);
    carry = t / BASE;
  }
  while (carry) { big_reserve(a, a->len + 1); a->limb[a->len++] = (uint32_t)(carry % BASE); carry /= BASE; }
  big_trim(a);
}

/* r = a * b (schoolbook); r must not alias a or b */
static void big_mul(Big *r, const Big *a, const Big *b) {
  int n = a->len + b->len;
  big_reserve(r, n + 1);
  memset(r->limb, 0, (size_t)(n + 1) * sizeof(uint32_t));
  for (int i = 0; i < a->len; i++) {
    uint64_t carry = 0;
    for (int j = 0; j < b->len; j++) {
      uint64_t t = (uint64_t)a->limb[i] * b->limb[j] + r->limb[i + j] + carry;
      r->limb[i + j] = (uint32_t)(t % BASE);
      carry = t / BASE;
    }
    int k = i + b->len;
    while (carry) {
      uint64_t t = r->limb[k] + carry;
      r->limb[k++] = (uint32_t)(t % BASE);
      carry = t / BASE;
    }
  }
  r->len = n;
  big_trim(r);
}

/* Divides a by a small d in place; returns the remainder. */
static uint32_t big_div_small(Big *a, uint32_t d) {
  uint64_t rem = 0;
  for (int i = a->len - 1; i >= 0; i--) {
    uint64_t cur = a->limb[i] + rem * BASE;
    a->limb[i] = (uint32_t)(cur / d);
    rem = cur % d;
  }
  big_trim(a);
  return (uint32_t)rem;
}

/* q = a / b, r = a % b by long division one limb at a time, each quotient limb found by binary search. */
static void big_divmod(Big *q, Big *r, const Big *a, const Big *b) {
  Big cur, t;
  big_init(&cur);
  big_init(&t);
  big_reserve(q, a->len + 1);
  q->len = a->len;
  for (int i = a->len - 1; i >= 0; i--) {
    big_mul_small(&cur, BASE, a->limb[i]);  /* cur = cur * BASE + limb */
    if (cur.len == 0 && a->limb[i]) { big_set_u64(&cur, a->limb[i]); }
    uint32_t lo = 0, hi = BASE - 1;
    while (lo < hi) {
      uint32_t mid = lo + (hi - lo + 1) / 2;
      big_copy(&t, b);
      big_mul_small(&t, mid, 0);
      if (big_cmp(&t, &cur) <= 0) lo = mid; else hi = mid - 1;
    }
    q->limb[i] = lo;
    big_copy(&t, b);
    big_mul_small(&t, lo, 0);
    big_sub(&cur, &cur, &t);
  }
  big_trim(q);
  big_copy(r, &cur);
  big_free(&cur);
  big_free(&t);
}

/* Decimal text of b into a malloc'd string. */
static char *big_str(const Big *b) {
  char *s = malloc((size_t)b->len * BASE_DIGITS + 2);
  if (b->len == 0) { strcpy(s, "0"); return s; }
  int n = sprintf(s, "%u", b->limb[b->len - 1]);
  for (int i = b->len - 2; i >= 0; i--) n += sprintf(s + n, "%09u", b->limb[i]);
  return s;
}

static int big_parse(Big *b, const char *s) {
  big_set_u64(b, 0);
  if (!isdigit((unsigned char)*s)) return -1;
  for (; *s; s++) {
    if (!isdigit((unsigned char)*s)) return -1;
    big_mul_small(b, 10, (uint32_t)(*s - '0'));
    if (b->len == 0 && *s != '0') big_set_u64(b, (uint64_t)(*s - '0'));
  }
  return 0;
}

static void big_fact(Big *r, unsigned n) {
  big_set_u64(r, 1);
  for (unsigned i = 2; i <= n; i++) big_mul_small(r, i, 0);
}

static void big_pow(Big *r, const Big *base, unsigned e) {
  Big acc, sq, tmp;
  big_init(&acc); big_init(&sq); big_init(&tmp);
  big_set_u64(&acc, 1);
  big_copy(&sq, base);
  while (e) {
    if (e & 1) { big_mul(&tmp, &acc, &sq); big_copy(&acc, &tmp); }
    e >>= 1;
    if (e) { big_mul(&tmp, &sq, &sq); big_copy(&sq, &tmp); }
  }
  big_copy(r, &acc);
  big_free(&acc); big_free(&sq); big_free(&tmp);
}

static void big_fib(Big *r, unsigned n) {
  Big a, b;
  big_init(&a); big_init(&b);
  big_set_u64(&a, 0);
  big_set_u64(&b, 1);
  for (unsigned i = 0; i < n; i++) {
    big_add(&a, &a, &b);
    Big t = a; a = b; b = t;   /* struct copy swaps the descriptors */
  }
  big_copy(r, &a);
  big_free(&a); big_free(&b);
}

/* An operand: a decimal number, "B^E" or "N!". */
static int operand(Big *r, const char *text) {
  const char *caret = strchr(text, '^');
  size_t n = strlen(text);
  if (n > 1 && text[n - 1] == '!') { big_fact(r, (unsigned)atoi(text)); return 0; }
  if (caret) {
    Big base;
    big_init(&base);
    big_set_u64(&base, strtoull(text, NULL, 10));
    big_pow(r, &base, (unsigned)atoi(caret + 1));
    big_free(&base);
    return 0;
  }
  return big_parse(r, text);
}

static FILE *results;

static void show(const char *name, const Big *b) {
  char *s = big_str(b);
  size_t n = strlen(s);
  printf("%s (%zu digits) =\n", name, n);
  for (size_t i = 0; i < n; i += 60) printf("  %.60s\n", s + i);
  fprintf(results, "%s = %s\n", name, s);
  free(s);
}

static unsigned digit_sum(const Big *b) {
  Big t;
  big_init(&t);
  big_copy(&t, b);
  unsigned sum = 0;
  while (t.len) {                 /* nine digits per division */
    uint32_t chunk = big_div_small(&t, BASE);
    while (chunk) { sum += chunk % 10; chunk /= 10; }
  }
  big_free(&t);
  return sum;
}

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "script.txt";
  FILE *in = fopen(path, "r");
  if (!in) { perror(path); return 1; }
  results = fopen("results.txt", "w");
  if (!results) { perror("results.txt"); return 1; }
  char line[256], cmd[32], a1[100], a2[100], name[240];
  Big x, y, q, r;
  big_init(&x); big_init(&y); big_init(&q); big_init(&r);
  int lineno = 0, errors = 0;
  while (fgets(line, sizeof line, in)) {
    lineno++;
    line[strcspn(line, "\r\n")] = 0;
    if (line[0] == '#' || line[0] == 0) continue;
    a1[0] = a2[0] = 0;
    char *tok = strtok(line, " \t");
    strncpy(cmd, tok, sizeof cmd - 1); cmd[sizeof cmd - 1] = 0;
    tok = strtok(NULL, " \t"); if (tok) strcpy(a1, tok);
    tok = strtok(NULL, " \t"); if (tok) strcpy(a2, tok);
    if (!strcmp(cmd, "fact")) {
      big_fact(&x, (unsigned)atoi(a1));
      snprintf(name, sizeof name, "%s!", a1);
      show(name, &x);
    } else if (!strcmp(cmd, "pow")) {
      big_set_u64(&y, strtoull(a1, NULL, 10));
      big_pow(&x, &y, (unsigned)atoi(a2));
      snprintf(name, sizeof name, "%s^%s", a1, a2);
      show(name, &x);
    } else if (!strcmp(cmd, "fib")) {
      big_fib(&x, (unsigned)atoi(a1));
      snprintf(name, sizeof name, "fib(%s)", a1);
      show(name, &x);
    } else if (!strcmp(cmd, "div") || !strcmp(cmd, "gcd")) {
      if (operand(&x, a1) || operand(&y, a2) || y.len == 0) {
        fprintf(stderr, "%s:%d: bad operands\n", path, lineno);
        errors++;
        continue;
      }
      if (cmd[0] == 'd') {
        big_divmod(&q, &r, &x, &y);
        snprintf(name, sizeof name, "%s / %s", a1, a2); show(name, &q);
        snprintf(name, sizeof name, "%s %% %s", a1, a2); show(name, &r);
        /* check: q * y + r == x */
        Big back; big_init(&back);
        big_mul(&back, &q, &y);
        big_add(&back, &back, &r);
        printf("  check: %s\n", big_cmp(&back, &x) == 0 ? "ok" : "MISMATCH");
        big_free(&back);
      } else {
        while (y.len) { big_divmod(&q, &r, &x, &y); big_copy(&x, &y); big_copy(&y, &r); }
        snprintf(name, sizeof name, "gcd(%s, %s)", a1, a2);
        show(name, &x);
      }
    } else if (!strcmp(cmd, "digits")) {
      if (operand(&x, a1)) { errors++; continue; }
      char *s = big_str(&x);
      printf("%s has %zu digits, digit sum %u\n", a1, strlen(s), digit_sum(&x));
      free(s);
    } else {
      fprintf(stderr, "%s:%d: unknown command '%s'\n", path, lineno, cmd);
      errors++;
    }
  }
  big_free(&x); big_free(&y); big_free(&q); big_free(&r);
  fclose(in);
  fclose(results);
  printf("%d commands failed\n", errors);
  return errors ? 3 : 0;
}
