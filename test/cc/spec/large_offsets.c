/* Offsets and immediates beyond 12 bits (-2048..2047): member offsets, constant array indexes, address-of,
 * big stack frames (past 2 KiB and 32 KiB), big struct copies; through pointers held in registers (-O1
 * parameters), frame objects and globals. Each must reach the same bytes as gcc's code. */
#include "test.h"

struct big { int pad[600]; int len; char c; long long ll; short s; };
struct huge { char a[40000]; int tail; };
struct pair { struct big x, y; };

int bump(struct big *a) { a->len++; return a->len; }
int bump2(struct big *a, struct big *b) { a->len += b->len; b->c = 7; return a->len + b->c; }
long long addll(struct big *a, long long v) { a->ll += v; return a->ll; }
int post(struct big *a) { return a->s++ + a->s; }
int *addr_len(struct big *a) { return &a->len; }
char *addr_c(struct big *a) { return &a->c; }
int idx(int *p) { return p[700] + p[-700] + p[511] + p[512]; }
int tail_of(struct huge *h) { return h->tail; }
void set_tail(struct huge *h, int v) { h->tail = v; }
struct big copy_out(struct big *a) { return *a; }
void copy_in(struct pair *p) { p->y = p->x; }

struct big2 { int pad[700]; int len; };
struct big2 make(int v) { struct big2 b = { { 1, 2 }, v }; b.pad[699] = v * 2; return b; }
int take(struct big2 b, int k) { return b.len + b.pad[699] + b.pad[0] + k; }
int many(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j) { int big[800]; big[799] = j; big[0] = i; return big[799] + big[0] + a + h; }
long long ll_far(long long *p) { return p[600] + p[-300]; }

struct step { int pad[600]; int len; };
static struct step arr[4];
/* ++, --, += and - on pointers whose element is bigger than 2047 bytes: steps beyond 12 bits */
int step_post(struct step *p) { struct step *q = p++; return (int)((char *)p - (char *)q); }
int step_pre(struct step *p) { struct step *q = p; --p; return (int)((char *)q - (char *)p); }
int step_mid(struct step *p) { p += 2; return p->len; }
int step_diff(struct step *a, struct step *b) { return (int)(b - a); }
long long llpost(long long *p) { long long *q = p + 1000; q++; return q - p; }

static void pointer_steps(void) {
  arr[2].len = 9;
  ASSERT(2404, step_post(arr));
  ASSERT(2404, step_pre(arr + 1));
  ASSERT(9, step_mid(arr));
  ASSERT(3, step_diff(arr, arr + 3));
  struct step *p = arr;
  p++; p++;
  ASSERT(9, p->len);
  p--;
  ASSERT(1, p == arr + 1);
  struct step *r = arr + 3;
  ASSERT(9, (r - 1)->len);
  ASSERT(9, r[-1].len);
  ASSERT(1001, llpost(0));
  static char bytes[10000];
  char *c = bytes;
  c += 5000; *c = 4;
  ASSERT(4, bytes[5000]);
  int x = 100000; x += 3000; x -= 70000; ASSERT(33000, x);
  int y = 5; y *= 3000; ASSERT(15000, y);
  int z = 1 << 20; z &= 0x100fff; ASSERT(1 << 20, z); z |= 0x7ff0; ASSERT((1 << 20) | 0x7ff0, z);
  z ^= 0x3000; ASSERT((1 << 20) | 0x4ff0, z);
  ASSERT(1, 4096 < z);
  ASSERT(1, z > 2048);
  ASSERT(0, z <= -2049);
  unsigned u = 3000; ASSERT(1, u >= 2048u);
}

static struct big gb;
static struct huge gh;
static int garr[2000];

/* a frame just past 2 KiB: locals at negative offsets beyond -2048 from s0 */
int frame2k(int n) {
  int a[600];
  int x = n;
  for (int i = 0; i < 600; i++) a[i] = i * n;
  return a[599] + a[0] + x;
}

/* a frame past 32 KiB: offsets need lui/addi pairs, not just a 12-bit add */
int frame32k(int n) {
  char buf[40000];
  int last = n;
  for (int i = 0; i < 40000; i += 1000) buf[i] = (char)(i / 1000 + n);
  buf[39999] = 9;
  return buf[0] + buf[39000] + buf[39999] + last;
}

/* many live values in a big frame: spills land beyond 2 KiB too */
int frame_spill(int n) {
  volatile int pad[700];
  int a = n + 1, b = n + 2, c = n + 3, d = n + 4, e = n + 5, f = n + 6, g = n + 7, h = n + 8;
  pad[699] = a * b;
  pad[0] = c * d;
  return pad[699] + pad[0] + e + f + g + h + a + b + c + d;
}

int main(void) {
  static struct big b;
  b.len = 5;
  ASSERT(6, bump(&b));
  ASSERT(6, b.len);
  struct big *pb = &gb;
  gb.len = 10;
  ASSERT(11, bump(pb));
  ASSERT(17 + 7, bump2(&b, &gb));
  ASSERT(7, gb.c);
  b.ll = 0x100000000LL;
  ASSERT(0x100000005LL, addll(&b, 5));
  b.s = 3;
  ASSERT(7, post(&b));
  ASSERT(4, b.s);
  ASSERT(2400, (char *)addr_len(&b) - (char *)&b);
  ASSERT(2404, addr_c(&b) - (char *)&b);
  for (int i = 0; i < 2000; i++) garr[i] = i;
  ASSERT(1400 + 0 + 1211 + 1212, idx(garr + 700));
  garr[1999] = 42;
  ASSERT(42, garr[1999]);
  ASSERT(1999 + 42 - 1, garr[1998] + garr[1999]);
  set_tail(&gh, 77);
  ASSERT(77, tail_of(&gh));
  ASSERT(77, gh.tail);
  gh.a[39999] = 3;
  ASSERT(3, gh.a[39999]);
  struct big c = copy_out(&b);
  ASSERT(17, c.len);
  ASSERT(4, c.s);
  static struct pair pp;
  pp.x.len = 99;
  pp.x.pad[599] = 98;
  copy_in(&pp);
  ASSERT(99, pp.y.len);
  ASSERT(98, pp.y.pad[599]);
  ASSERT(599 * 3 + 0 + 3, frame2k(3));
  ASSERT(2 + 41 + 9 + 2, frame32k(2));
  ASSERT(2 * 3 + 4 * 5 + 6 + 7 + 8 + 9 + 2 + 3 + 4 + 5, frame_spill(1));
  struct big2 b2 = make(5);
  ASSERT(5, b2.len);
  ASSERT(10, b2.pad[699]);
  ASSERT(0, b2.pad[2]);
  ASSERT(5 + 10 + 1 + 3, take(b2, 3));   /* a 2.8 KiB struct by value */
  ASSERT(10 + 9 + 1 + 8, many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)); /* stack arguments above a 3 KiB frame */
  static long long lls[1000];
  lls[900] = 7;
  lls[0] = 3;
  ASSERT(10, ll_far(lls + 300));
  char buf[5000];
  buf[4999] = 1;
  buf[0] = 2;
  char *q = &buf[4000];
  ASSERT(1, q[999]);
  ASSERT(2, q[-4000]);
  struct huge *ph = &gh;
  int *pt = &ph->tail;
  ASSERT(77, *pt);
  ASSERT(40000, (char *)pt - (char *)ph);
  pointer_steps();
  return t_done("large_offsets");
}
