/* MALLOC_DEBUG's bookkeeping: the registry of blocks (an open-addressing hash set of headers keyed by
 * user address, in memory mapped directly so the policy under test never sees it), the zone and
 * poison checks, and the quarantine of freed blocks. */
#include "debug.h"
#include <stdio.h>
#include <sys/mman.h>

#define TOMBSTONE ((struct debug_block *)1)

static struct debug_block **slots;
static size_t capacity; /* a power of two, or 0 before the first block */
static size_t used;     /* occupied slots, tombstones included */
static size_t sweep_at;

static size_t hash_of(const void *p, size_t mask) {
  return (((size_t)p >> 3) * 2654435761u) & mask;
}

static struct debug_block **new_table(size_t n) {
  void *t = mmap(0, n * sizeof(struct debug_block *), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (t == MAP_FAILED) __debug_fail("out of memory for the block registry", 0, "malloc", 0);
  return t; /* anonymous memory is zero: every slot empty */
}

static void insert(struct debug_block **table, size_t mask, struct debug_block *b) {
  size_t i = hash_of(DEBUG_USER(b), mask);
  while (table[i] && table[i] != TOMBSTONE) i = (i + 1) & mask;
  table[i] = b;
}

static void grow(void) {
  size_t old_cap = capacity, i, live = 0;
  struct debug_block **old = slots;
  size_t new_cap = old_cap ? old_cap * 2 : 4096;
  for (i = 0; i < old_cap; i++)
    if (old[i] && old[i] != TOMBSTONE) live++;
  /* Mostly tombstones: rebuild at the same size. */
  if (old_cap && live * 4 < old_cap) new_cap = old_cap;
  slots = new_table(new_cap);
  capacity = new_cap;
  used = 0;
  for (i = 0; i < old_cap; i++)
    if (old[i] && old[i] != TOMBSTONE) {
      insert(slots, capacity - 1, old[i]);
      used++;
    }
  if (old) munmap(old, old_cap * sizeof *old);
  sweep_at = 0;
}

void __debug_register(struct debug_block *b) {
  if ((used + 1) * 10 > capacity * 7) grow();
  insert(slots, capacity - 1, b);
  used++;
}

static size_t slot_of(const void *p) {
  size_t mask = capacity - 1, i;
  if (!capacity) return (size_t)-1;
  for (i = hash_of(p, mask); slots[i]; i = (i + 1) & mask)
    if (slots[i] != TOMBSTONE && DEBUG_USER(slots[i]) == (const unsigned char *)p) return i;
  return (size_t)-1;
}

struct debug_block *__debug_lookup(const void *p) {
  size_t i = slot_of(p);
  return i == (size_t)-1 ? 0 : slots[i];
}

void __debug_unregister(struct debug_block *b) {
  size_t i = slot_of(DEBUG_USER(b));
  if (i != (size_t)-1) slots[i] = TOMBSTONE;
}

void __debug_each(int (*fn)(struct debug_block *b, void *arg), void *arg) {
  size_t i;
  for (i = 0; i < capacity; i++)
    if (slots[i] && slots[i] != TOMBSTONE && fn(slots[i], arg)) return;
}

struct debug_block *__debug_containing(const void *p) {
  const unsigned char *c = p;
  size_t i;
  for (i = 0; i < capacity; i++) {
    struct debug_block *b = slots[i];
    if (!b || b == TOMBSTONE) continue;
    if (c >= (unsigned char *)b && c < DEBUG_USER(b) + b->size + DEBUG_TAIL(b->size)) return b;
  }
  return 0;
}

void __debug_sweep(unsigned count, const char *call, void *site) {
  while (capacity && count--) {
    struct debug_block *b;
    sweep_at = (sweep_at + 1) & (capacity - 1);
    b = slots[sweep_at];
    if (!b || b == TOMBSTONE) continue;
    if (b->state == DEBUG_LIVE) __debug_check_zones(b, call, site);
  }
}

/* The first red-zone byte that is not the canary, as a message, or 0 when both zones are intact. */
static const char *zone_damage(const struct debug_block *b, char *msg, size_t len) {
  const unsigned char *user = DEBUG_USER(b);
  size_t i, tail = DEBUG_TAIL(b->size);
  for (i = DEBUG_REDZONE; i-- > 0;)
    if (b->front[i] != DEBUG_CANARY) {
      snprintf(msg, len, "heap buffer underflow: %zu byte%s before the %zu-byte block at %p was written",
               DEBUG_REDZONE - i, DEBUG_REDZONE - i == 1 ? "" : "s", b->size, (void *)user);
      return msg;
    }
  for (i = 0; i < tail; i++)
    if (user[b->size + i] != DEBUG_CANARY) {
      snprintf(msg, len, "heap buffer overflow: byte %zu past the end of the %zu-byte block at %p was written",
               i, b->size, (void *)user);
      return msg;
    }
  return 0;
}

void __debug_check_zones(const struct debug_block *b, const char *call, void *site) {
  char msg[160];
  if (b->check != (DEBUG_LIVE ^ b->size ^ (size_t)b))
    __debug_fail("heap corruption: the header before the block was overwritten", b, call, site);
  if (zone_damage(b, msg, sizeof msg)) __debug_fail(msg, b, call, site);
}

void __debug_check_poison(const struct debug_block *b, const char *call, void *site) {
  const unsigned char *user = DEBUG_USER(b);
  char msg[160];
  size_t i;
  __debug_check_zones(b, call, site);
  for (i = 0; i < b->size; i++)
    if (user[i] != DEBUG_POISON) {
      snprintf(msg, sizeof msg, "write after free: byte %zu of the freed %zu-byte block at %p was written",
               i, b->size, (void *)user);
      __debug_fail(msg, b, call, site);
    }
}

/* The quarantine: a FIFO ring of freed blocks and the bytes they hold. */
static struct debug_block *ring[DEBUG_QUARANTINE_BLOCKS];
static unsigned ring_head, ring_count;
static size_t ring_bytes;

static void release_oldest(const char *call, void *site) {
  struct debug_block *b = ring[ring_head];
  ring_head = (ring_head + 1) % DEBUG_QUARANTINE_BLOCKS;
  ring_count--;
  ring_bytes -= b->size;
  __debug_check_poison(b, call, site);
  __debug_unregister(b);
  __debug_next->free(b->inner, site);
}

void __debug_quarantine(struct debug_block *b, const char *call, void *site) {
  while (ring_count && (ring_count == DEBUG_QUARANTINE_BLOCKS || ring_bytes + b->size > DEBUG_QUARANTINE_BYTES))
    release_oldest(call, site);
  ring[(ring_head + ring_count) % DEBUG_QUARANTINE_BLOCKS] = b;
  ring_count++;
  ring_bytes += b->size;
}

void __debug_drain(const char *call, void *site) {
  while (ring_count) release_oldest(call, site);
}
