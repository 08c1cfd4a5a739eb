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
  struct huge *ph = &gh;
  int *pt = &ph->tail;
  ASSERT(77, *pt);
  ASSERT(40000, (char *)pt - (char *)ph);
  return t_done("large_offsets");
}
