/* avltree: an AVL tree of 64-bit keys whose nodes come from a fixed-size arena allocator, with a checker.
 *
 *   avltree OPS [SEED]
 * Reads OPS: lines "insert K", "delete K", "find K", "range LO HI", "random N" (N pseudo-random inserts and
 * deletes from SEED, an xorshift64 generator), "check", "dump FILE" (in-order keys with heights written to
 * FILE), "stats". After every "random" and on "check" the checker verifies the BST order, every stored height,
 * every balance factor in [-1, 1], the node count, and that the arena's free list plus the live nodes
 * account for every slot. The arena hands out slots from pages of 42 and keeps freed ones on a free list;
 * the pages are released at the end. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Node {
  int64_t key;
  uint32_t value;
  struct Node *left, *right;
  signed height : 8;
  unsigned live : 1;    /* set while the slot holds a tree node (checked on free) */
} Node;

#define SLOTS_PER_PAGE 42   /* a count, not a byte size: the output must not depend on pointer width */

typedef struct Page { struct Page *next; Node slots[SLOTS_PER_PAGE]; } Page;

typedef struct {
  Page *pages;
  Node *free_list;     /* threaded through `right` */
  size_t npages, nfree, nlive, total_allocs;
} Arena;

static Node *arena_alloc(Arena *a) {
  if (!a->free_list) {
    Page *p = malloc(sizeof *p);
    if (!p) { fputs("out of memory\n", stderr); exit(2); }
    p->next = a->pages;
    a->pages = p;
    a->npages++;
    for (size_t i = SLOTS_PER_PAGE; i-- > 0;) {
      p->slots[i].live = 0;
      p->slots[i].right = a->free_list;
      a->free_list = &p->slots[i];
      a->nfree++;
    }
  }
  Node *n = a->free_list;
  a->free_list = n->right;
  a->nfree--;
  a->nlive++;
  a->total_allocs++;
  memset(n, 0, sizeof *n);
  n->live = 1;
  return n;
}

static void arena_free(Arena *a, Node *n) {
  if (!n->live) { fprintf(stderr, "double free of node %lld\n", (long long)n->key); exit(3); }
  n->live = 0;
  n->right = a->free_list;
  a->free_list = n;
  a->nfree++;
  a->nlive--;
}

static void arena_release(Arena *a) {
  while (a->pages) { Page *p = a->pages->next; free(a->pages); a->pages = p; }
}

static int height(const Node *n) { return n ? n->height : 0; }
static int max(int a, int b) { return a > b ? a : b; }
static void update(Node *n) { n->height = (signed)(1 + max(height(n->left), height(n->right))); }

static Node *rotate_right(Node *y) {
  Node *x = y->left;
  y->left = x->right;
  x->right = y;
  update(y);
  update(x);
  return x;
}

static Node *rotate_left(Node *x) {
  Node *y = x->right;
  x->right = y->left;
  y->left = x;
  update(x);
  update(y);
  return y;
}

static unsigned long rotations;

static Node *rebalance(Node *n) {
  update(n);
  int bf = height(n->left) - height(n->right);
  if (bf > 1) {
    if (height(n->left->left) < height(n->left->right)) { n->left = rotate_left(n->left); rotations++; }
    rotations++;
    return rotate_right(n);
  }
  if (bf < -1) {
    if (height(n->right->right) < height(n->right->left)) { n->right = rotate_right(n->right); rotations++; }
    rotations++;
    return rotate_left(n);
  }
  return n;
}

static Node *insert(Arena *a, Node *n, int64_t key, uint32_t value, int *added) {
  if (!n) {
    Node *m = arena_alloc(a);
    m->key = key;
    m->value = value;
    m->height = 1;
    *added = 1;
    return m;
  }
  if (key < n->key) n->left = insert(a, n->left, key, value, added);
  else if (key > n->key) n->right = insert(a, n->right, key, value, added);
  else { n->value = value; return n; }
  return rebalance(n);
}

static Node *remove_min(Node *n, Node **min) {
  if (!n->left) { *min = n; return n->right; }
  n->left = remove_min(n->left, min);
  return rebalance(n);
}

static Node *erase(Arena *a, Node *n, int64_t key, int *removed) {
  if (!n) return NULL;
  if (key < n->key) n->left = erase(a, n->left, key, removed);
  else if (key > n->key) n->right = erase(a, n->right, key, removed);
  else {
    Node *l = n->left, *r = n->right;
    arena_free(a, n);
    *removed = 1;
    if (!r) return l;
    Node *min;
    r = remove_min(r, &min);
    min->left = l;
    min->right = r;
    return rebalance(min);
  }
  return rebalance(n);
}

static const Node *find(const Node *n, int64_t key) {
  while (n && n->key != key) n = key < n->key ? n->left : n->right;
  return n;
}

/* Visits keys in [lo, hi] in order through a callback. */
typedef void (*Visitor)(const Node *, void *);
static void range(const Node *n, int64_t lo, int64_t hi, Visitor visit, void *ctx) {
  if (!n) return;
  if (lo < n->key) range(n->left, lo, hi, visit, ctx);
  if (lo <= n->key && n->key <= hi) visit(n, ctx);
  if (n->key < hi) range(n->right, lo, hi, visit, ctx);
}

typedef struct { int count; int64_t sum; } RangeAcc;
static void accumulate(const Node *n, void *ctx) {
  RangeAcc *acc = ctx;
  if (acc->count < 8) printf(" %lld", (long long)n->key);
  acc->count++;
  acc->sum += n->key;
}

/* Returns the subtree height, or -1 after printing the first violation. */
static int check(const Node *n, const int64_t *lo, const int64_t *hi, size_t *count) {
  if (!n) return 0;
  if (!n->live) { printf("check: freed node %lld in the tree\n", (long long)n->key); return -1; }
  if ((lo && n->key <= *lo) || (hi && n->key >= *hi)) { printf("check: order broken at %lld\n", (long long)n->key); return -1; }
  int hl = check(n->left, lo, &n->key, count);
  int hr = hl < 0 ? -1 : check(n->right, &n->key, hi, count);
  if (hr < 0) return -1;
  if (n->height != 1 + max(hl, hr)) { printf("check: stale height at %lld\n", (long long)n->key); return -1; }
  if (hl - hr > 1 || hr - hl > 1) { printf("check: unbalanced at %lld\n", (long long)n->key); return -1; }
  (*count)++;
  return n->height;
}

static int check_all(const Node *root, const Arena *a, size_t expect) {
  size_t count = 0, free_count = 0;
  int h = check(root, NULL, NULL, &count);
  for (const Node *f = a->free_list; f; f = f->right) free_count++;
  int ok = h >= 0 && count == expect && count == a->nlive && free_count == a->nfree &&
           a->nfree + a->nlive == a->npages * SLOTS_PER_PAGE;
  printf("check: %s (%zu nodes, height %d, %zu free slots, %zu pages)\n", ok ? "ok" : "FAILED", count, h, free_count, a->npages);
  return ok;
}

static void dump(FILE *f, const Node *n, int depth) {
  if (!n) return;
  dump(f, n->left, depth + 1);
  fprintf(f, "%*s%lld h=%d v=%u\n", depth, "", (long long)n->key, n->height, n->value);
  dump(f, n->right, depth + 1);
}

static uint64_t rng_state;
static uint64_t xorshift64(void) {
  uint64_t x = rng_state;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return rng_state = x;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: %s OPS [SEED]\n", argv[0]); return 2; }
  FILE *in = fopen(argv[1], "r");
  if (!in) { perror(argv[1]); return 2; }
  rng_state = argc > 2 ? strtoull(argv[2], NULL, 0) : 88172645463325252ull;
  Arena arena = { NULL, NULL, 0, 0, 0, 0 };
  Node *root = NULL;
  size_t size = 0;
  int failures = 0;
  char cmd[16], arg[64];
  long long x, y;
  while (fscanf(in, "%15s", cmd) == 1) {
    int added = 0, removed = 0;
    if (!strcmp(cmd, "insert") && fscanf(in, "%lld", &x) == 1) {
      root = insert(&arena, root, x, (uint32_t)size, &added);
      size += (size_t)added;
      printf("insert %lld: %s\n", x, added ? "added" : "updated");
    } else if (!strcmp(cmd, "delete") && fscanf(in, "%lld", &x) == 1) {
      root = erase(&arena, root, x, &removed);
      size -= (size_t)removed;
      printf("delete %lld: %s\n", x, removed ? "removed" : "absent");
    } else if (!strcmp(cmd, "find") && fscanf(in, "%lld", &x) == 1) {
      const Node *n = find(root, x);
      if (n) printf("find %lld: value %u\n", x, n->value); else printf("find %lld: absent\n", x);
    } else if (!strcmp(cmd, "range") && fscanf(in, "%lld %lld", &x, &y) == 2) {
      RangeAcc acc = { 0, 0 };
      printf("range [%lld, %lld]:", x, y);
      range(root, x, y, accumulate, &acc);
      printf("%s (%d keys, sum %lld)\n", acc.count > 8 ? " ..." : "", acc.count, (long long)acc.sum);
    } else if (!strcmp(cmd, "random") && fscanf(in, "%lld", &x) == 1) {
      size_t adds = 0, dels = 0;
      for (long long i = 0; i < x; i++) {
        uint64_t r = xorshift64();
        int64_t key = (int64_t)(r >> 40) % 5000 - 2500;
        if (r & 3) { added = 0; root = insert(&arena, root, key, (uint32_t)i, &added); size += (size_t)added; adds += (size_t)added; }
        else { removed = 0; root = erase(&arena, root, key, &removed); size -= (size_t)removed; dels += (size_t)removed; }
      }
      printf("random %lld: %zu added, %zu removed\n", x, adds, dels);
      failures += !check_all(root, &arena, size);
    } else if (!strcmp(cmd, "check")) {
      failures += !check_all(root, &arena, size);
    } else if (!strcmp(cmd, "dump") && fscanf(in, "%63s", arg) == 1) {
      FILE *f = fopen(arg, "w");
      if (!f) { perror(arg); failures++; continue; }
      dump(f, root, 0);
      fclose(f);
      printf("dump: %zu nodes to %s\n", size, arg);
    } else if (!strcmp(cmd, "stats")) {
      printf("stats: %zu keys, height %d, %lu rotations, %zu allocations, %zu live, %zu free, %zu pages of %d slots\n",
             size, height(root), rotations, arena.total_allocs, arena.nlive, arena.nfree, arena.npages, SLOTS_PER_PAGE);
    } else {
      printf("bad command '%s'\n", cmd);
      failures++;
      int ch;
      while ((ch = fgetc(in)) != EOF && ch != '\n') {}
    }
  }
  fclose(in);
  while (root) { int removed = 0; root = erase(&arena, root, root->key, &removed); size--; }
  printf("after clearing: %zu live nodes, %zu pages\n", arena.nlive, arena.npages);
  arena_release(&arena);
  return failures ? 1 : 0;
}
