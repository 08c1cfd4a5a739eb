/* Initializers: a string literal for a char array may be enclosed in braces (C11 6.7.9p14), in every place a
 * char array is initialized (static and automatic objects, struct members, arrays of arrays, compound
 * literals, designated elements); compound literals of constants inside static initializers (gcc). */
#include "test.h"

struct S { int a; char s[8]; int b; };
struct empty {};
struct H { int a; struct empty e; int b; };
struct P { int x, y; };
struct Q { struct P p; int *ptr; const char *name; };

static char g1[10] = { "braced" };
static char g2[] = { "unsized" };
static char g3[4] = { "abcd" };          /* exactly fills: no terminator */
static struct S gs = { 1, { "xyz" }, 2 };
static struct S gs2 = { .s = { "des" }, .b = 5 };
static char ga[2][4] = { { "ab" }, { "cd" } };
static char gb[][3] = { { "x" }, "yz", { "w" } };
static struct S garr[2] = { { 1, { "one" }, 11 }, { 2, "two", 22 } };
static char *gp = (char[8]){ "abc" };
static int gi = 7;
static struct H hh = { 1, (struct empty){}, 2 };
static struct P gpt = (struct P){ 3, 4 };
static struct Q gq = { (struct P){ 5, 6 }, &gi, "q" };
static struct P gpts[2] = { (struct P){ 1, 2 }, { 3, 4 } };
static int *gip = (int[]){ 10, 20, 30 };
static int gscalar = (int){ 42 };
static const char *names[] = { "a", (const char *)(char[3]){ "bc" } };
static char cpad[6] = { "a" "b" };

int sum(const char *s, int n) {
  int t = 0;
  for (int i = 0; i < n; i++) t = t * 3 + s[i];
  return t;
}

int main(void) {
  char s[10] = { "braced" };
  ASSERT('b', s[0]);
  ASSERT(0, s[6]);
  ASSERT(0, s[9]);
  char s2[] = { "auto" };
  ASSERT(5, sizeof s2);
  ASSERT('o', s2[3]);
  ASSERT(10, sizeof g1);
  ASSERT('r', g1[1]);
  ASSERT(8, sizeof g2);
  ASSERT('d', g3[3]);
  ASSERT(4, sizeof g3);
  char *p = (char[8]){ "abc" };
  ASSERT('c', p[2]);
  ASSERT(0, p[3]);
  ASSERT(0, p[7]);
  ASSERT(8, sizeof((char[8]){ "abc" }));
  ASSERT(4, sizeof((char[]){ "abc" }));
  ASSERT('z', gs.s[2]);
  ASSERT(0, gs.s[3]);
  ASSERT(2, gs.b);
  ASSERT('e', gs2.s[1]);
  ASSERT(5, gs2.b);
  ASSERT(0, gs2.a);
  ASSERT('d', ga[1][1]);
  ASSERT(0, ga[1][2]);
  ASSERT(3, sizeof gb / sizeof gb[0]);
  ASSERT('z', gb[1][1]);
  ASSERT('w', gb[2][0]);
  ASSERT('n', garr[0].s[1]);
  ASSERT('w', garr[1].s[1]);
  ASSERT(22, garr[1].b);
  ASSERT('c', gp[2]);
  ASSERT(0, gp[5]);
  struct S ls = { 9, { "loc" }, 10 };
  ASSERT('l', ls.s[0]);
  ASSERT(0, ls.s[3]);
  ASSERT(10, ls.b);
  struct S larr[2] = { [1] = { .s = { "hi" } }, [0].s = "yo" };
  ASSERT('i', larr[1].s[1]);
  ASSERT('o', larr[0].s[1]);
  char la[2][3] = { { "p" }, { "qr" } };
  ASSERT('r', la[1][1]);
  ASSERT(0, la[0][1]);
  ASSERT(1, hh.a);
  ASSERT(2, hh.b);
  ASSERT(4, gpt.y);
  ASSERT(6, gq.p.y);
  ASSERT(7, *gq.ptr);
  ASSERT('q', gq.name[0]);
  ASSERT(4, gpts[1].y);
  ASSERT(1, gpts[0].x);
  ASSERT(30, gip[2]);
  ASSERT(42, gscalar);
  ASSERT('c', names[1][1]);
  ASSERT('b', cpad[1]);
  ASSERT(0, cpad[5]);
  static struct P sp = (struct P){ 8, 9 };
  ASSERT(9, sp.y);
  static struct H sh = { 3, (struct empty){}, 4 };
  ASSERT(4, sh.b);
  struct P lp = (struct P){ 1, 2 };
  ASSERT(2, lp.y);
  ASSERT(sum("abc", 3), sum((char[4]){ "abc" }, 3));
  wchar_check: {
    int w[4] = { L"xy" };
    ASSERT('y', w[1]);
    ASSERT(0, w[2]);
  }
  return t_done("initializers");
}
