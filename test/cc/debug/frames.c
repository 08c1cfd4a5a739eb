/* A program for the debugger tests: every kind of type the DWARF writer knows, a call three frames deep,
   and locals in stack slots (built -O0) or registers (-O1). */
#include <stdio.h>

typedef unsigned long word;
struct point { int x; int y; };
typedef struct point point_t;
enum color { RED, GREEN = 5, BLUE };
union bits { int i; float f; unsigned char b[4]; };
struct flags { unsigned ready : 1; unsigned mode : 3; int level; };

int counter = 7;
static double ratio = 2.5;
const char *greeting = "hello";
struct point corner = { 3, 4 };
int table[3][2] = { { 1, 2 }, { 3, 4 }, { 5, 6 } };

static int leaf(int depth, const point_t *p) {
  int sum = p->x + p->y + depth;
  counter += sum;
  return sum;
}

static int middle(int n, point_t p) {
  union bits u;
  u.i = n;
  int r = leaf(n + 1, &p);
  return r + u.b[0];
}

int top(word w, enum color c) {
  struct flags f = { 1, 5, -2 };
  point_t p = { (int)w, c };
  int v = middle((int)w * 2, p);
  return v + f.mode + f.level;
}

int main(void) {
  double d = ratio * 2;
  int result = top(10, GREEN);
  printf("%s %d %d %d\n", greeting, result, counter, (int)d + table[2][1] + corner.y);
  return 0;
}
