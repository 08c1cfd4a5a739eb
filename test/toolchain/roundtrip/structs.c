/* Structs: copies, returns by value, nested members, bit-fields, a linked list in a static pool. */
#include "rt.h"

struct point { int x, y; };
struct rect { struct point min, max; char name[12]; };
struct flags { unsigned a : 3, b : 5, c : 1, d : 7; };
struct node { int value; struct node *next; };

static struct node pool[16];

static struct point add(struct point p, struct point q) { struct point r = { p.x + q.x, p.y + q.y }; return r; }

static struct rect grow(struct rect r, int by) {
  r.min.x -= by; r.min.y -= by; r.max.x += by; r.max.y += by;
  r.name[0] = 'G';
  return r;
}

static int area(const struct rect *r) { return (r->max.x - r->min.x) * (r->max.y - r->min.y); }

int main(void) {
  struct rect r = { { 1, 2 }, { 11, 7 }, "rectangle" };
  struct rect g = grow(r, 3);
  put_str(r.name); put_char(' '); put_int(area(&r)); put_char('\n');
  put_str(g.name); put_char(' '); put_int(area(&g)); put_char('\n');
  struct point p = add(g.min, g.max);
  put_line("p.x", p.x); put_line("p.y", p.y);
  struct flags f = { 5, 17, 1, 100 };
  f.b += 20;
  f.d ^= 0x55;
  put_line("f.a", f.a); put_line("f.b", f.b); put_line("f.c", f.c); put_line("f.d", f.d);
  struct node *head = 0;
  for (int i = 0; i < 16; i++) { pool[i].value = i * i - 20; pool[i].next = head; head = &pool[i]; }
  int sum = 0, count = 0;
  for (struct node *n = head; n; n = n->next) if (n->value > 0) { sum += n->value; count++; }
  put_line("positive sum", sum); put_line("positive count", count);
  struct rect copies[3];
  for (int i = 0; i < 3; i++) { copies[i] = g; copies[i].max.x += i; }
  put_line("area of copy 2", area(&copies[2]));
  return 0;
}
