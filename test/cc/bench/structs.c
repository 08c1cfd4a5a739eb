#include "test.h"
/* Benchmark: linked structures, pointer chasing, struct copies and function pointers. */
struct node { int key; int val; struct node *left, *right; };
static struct node pool[2000];
static int used;
static struct node *insert(struct node *t, int key) {
  if (!t) { struct node *n = &pool[used++]; n->key = key; n->val = key * 3; n->left = n->right = 0; return n; }
  if (key < t->key) t->left = insert(t->left, key);
  else if (key > t->key) t->right = insert(t->right, key);
  return t;
}
static int sum(struct node *t) { return t ? t->val + sum(t->left) + sum(t->right) : 0; }
static int depth(struct node *t) { if (!t) return 0; int l = depth(t->left), r = depth(t->right); return 1 + (l > r ? l : r); }
int main(void) {
  struct node *root = 0;
  unsigned x = 1;
  for (int i = 0; i < 2000; i++) { x = x * 1664525u + 1013904223u; root = insert(root, (int)(x >> 16)); }
  ASSERT(1, used > 1900);
  ASSERT(1, sum(root) > 0);
  ASSERT(1, depth(root) < 40);
  return t_done("structs");
}
