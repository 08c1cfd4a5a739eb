/* GNU C extensions real code relies on, checked against gcc by test/cc/gnu-extensions.test.ts: statement
 * expressions, typeof/__typeof__/__typeof, __auto_type, the spellings __attribute, __extension__,
 * __alignof__, __inline, __signed__, and the conditional with an omitted middle operand. */
#include "test.h"

#define MAX(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define SWAP(x, y) do { typeof(x) _t = (x); (x) = (y); (y) = _t; } while (0)
#define SQUARE_ONCE(e) ({ __auto_type _v = (e); _v * _v; })

static int calls;
static int bump(void) { return ++calls; }

static int stmt_exprs(void) {
  int r = 0;
  calls = 0;
  r += MAX(bump(), 0);           /* each argument evaluated once */
  r += MAX(3, MAX(1, 2)) * 10;   /* nested, shadowing the macro's own locals */
  r += ({ int x = 5; x += 2; x; }) * 100;
  r += ({ 7; }) * 1000;
  ({ r += 10000; });             /* no value */
  int total = 0;
  for (int i = 0; i < 10; i++) {
    total += ({ if (i == 3) continue; if (i == 8) break; i; });
  }
  r += total * 100000;           /* 0+1+2+4+5+6+7 = 25 */
  return r + calls * 100000000;
}

static int ret_inside(int x) {
  int y = ({ if (x < 0) return -1; x * 2; });
  return y + 1;
}

static int goto_inside(int x) {
  int y = ({ if (x) goto out; 5; });
  return y;
out:
  return 99;
}

struct pt { int x, y; };
static struct pt mkpt(int a) { return (struct pt){a, a + 1}; }

static int struct_value(void) {
  struct pt p = ({ struct pt q = mkpt(4); q.y += 10; q; });
  int y = ({ mkpt(7); }).y;
  return p.x + p.y * 10 + y * 1000;
}

static int typeofs(void) {
  long long big = 1;
  typeof(big) b2 = 1LL << 40;
  __typeof__(int *) ip = 0;
  __typeof(char) c = -1;
  typeof(typeof(short)[3]) arr;
  typeof(b2 + 1) sum = b2 + 1;
  int n = 4;
  int vla[n];
  typeof(vla) v2;
  typeof(*ip) deref = 3;
  static const typeof(1 + 1u) u = 7;
  SWAP(n, deref);
  return (int)sizeof b2 + (int)sizeof ip * 10 + (c == 255) * 100 + (int)sizeof arr * 1000 + (int)(sum >> 40) * 100000 +
         (int)sizeof v2 * 1000000 + (n == 3 && deref == 4) * 100000000 + (u > 0 && (typeof(u))-1 > 0);
}

static int auto_type(void) {
  __auto_type a = 5;
  __auto_type b = 5LL << 33;
  __auto_type s = "str";
  int arr[3] = {1, 2, 3};
  __auto_type p = arr;   /* arrays decay */
  __auto_type q = mkpt(2);
  calls = 0;
  int sq = SQUARE_ONCE(bump() + 2);
  return (int)sizeof a + (int)sizeof b * 10 + (int)sizeof s * 100 + p[2] * 1000 + q.y * 10000 + sq * 100000 + calls * 10000000;
}

__extension__ typedef long long ext_ll;
__inline static int inl(int x) { return x + 1; }

static int spellings(void) {
  ext_ll x = __extension__ 1LL;
  int __attribute((unused)) z = 3;
  __signed__ char sc = -2;
  int y = 0 ?: 7;
  int w = 5 ?: 9;
  return (int)x + (int)__alignof__(long long) * 10 + inl(1) * 100 + sc * 1000 + y * 10000 + w * 100000 + z * 1000000;
}

int main(void) {
  ASSERT(1 + 30 + 700 + 7000 + 10000 + 2500000 + 100000000, stmt_exprs());
  ASSERT(-1, ret_inside(-5));
  ASSERT(9, ret_inside(4));
  ASSERT(99, goto_inside(1));
  ASSERT(5, goto_inside(0));
  ASSERT(4 + 150 + 8000, struct_value());
  ASSERT(8 + 40 + 100 + 6000 + 100000 + 16000000 + 100000000 + 1, typeofs());
  ASSERT(4 + 80 + 400 + 3000 + 30000 + 900000 + 10000000, auto_type());
  ASSERT(1 + 80 + 200 - 2000 + 70000 + 500000 + 3000000, spellings());
  return t_done("gnu_extensions");
}
