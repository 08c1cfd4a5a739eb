/* debug.h: what the MALLOC_DEBUG files share (debug.c the layer, debug_blocks.c the registry and the
 * quarantine, debug_report.c the messages).
 *
 * A block as the layer lays it out inside what the policy below returned (`inner`):
 *
 *   inner ... [struct debug_block: inner size sites state check | front red zone 16] user bytes [tail red zone]
 *
 * The tail red zone runs from the end of the user's size to 8-byte alignment plus 16 more bytes.
 * Red zones hold DEBUG_CANARY; a new block's bytes hold DEBUG_FRESH; a freed block's DEBUG_POISON
 * until it leaves the quarantine and goes back to the policy. */
#ifndef _PAGODA_MALLOC_DEBUG_H
#define _PAGODA_MALLOC_DEBUG_H
#include <stddef.h>
#include "layer.h"

#define DEBUG_REDZONE 16u
#define DEBUG_CANARY 0xfdu
#define DEBUG_FRESH 0xaau
#define DEBUG_POISON 0xddu
#define DEBUG_LIVE 0x4c495645u  /* "LIVE" */
#define DEBUG_FREED 0x46524545u /* "FREE" */
/* The quarantine: freed blocks kept poisoned (oldest out first) while either bound holds. */
#define DEBUG_QUARANTINE_BLOCKS 1024u
#define DEBUG_QUARANTINE_BYTES (1024u * 1024u)

struct debug_block {
  void *inner;        /* what the layer below returned (freed through it) */
  size_t size;        /* the size the program asked for */
  void *alloc_site;   /* return address of the allocating call */
  void *free_site;    /* return address of the free (0 while live) */
  unsigned state;     /* DEBUG_LIVE or DEBUG_FREED */
  unsigned check;     /* DEBUG_LIVE ^ size ^ address of this header: a sanity check on the header */
  unsigned char front[DEBUG_REDZONE];
};

#define DEBUG_USER(b) ((unsigned char *)((b) + 1))
#define DEBUG_BLOCK_OF(p) ((struct debug_block *)(p) - 1)
#define DEBUG_TAIL(size) (MALLOC_ALIGN_UP((size), 8u) - (size) + DEBUG_REDZONE)

/* The registry of every block handed out and not yet returned to the policy (live or quarantined). */
void __debug_register(struct debug_block *b);
void __debug_unregister(struct debug_block *b);
/* The registered block whose user pointer is p, or NULL. */
struct debug_block *__debug_lookup(const void *p);
/* The registered block whose user bytes contain p (for describing a wild pointer), or NULL. */
struct debug_block *__debug_containing(const void *p);
/* Calls fn on every registered block (registry order); stops early when fn returns non-zero. */
void __debug_each(int (*fn)(struct debug_block *b, void *arg), void *arg);
/* Checks the red zones of up to `count` registered blocks, resuming where the last call stopped. */
void __debug_sweep(unsigned count, const char *call, void *site);

/* Puts a freed (poisoned) block in the quarantine; blocks pushed out are checked and released. */
void __debug_quarantine(struct debug_block *b, const char *call, void *site);
/* Empties the quarantine, checking each block (at exit). */
void __debug_drain(const char *call, void *site);
/* Releases a block to the layer below (set by debug.c). */
extern const struct malloc_layer *__debug_next;

/* Aborts with a report if b's red zones were written; `call` and `site` name the call that looks. */
void __debug_check_zones(const struct debug_block *b, const char *call, void *site);
/* Aborts with a report if freed block b's poison was written. */
void __debug_check_poison(const struct debug_block *b, const char *call, void *site);

/* "MALLOC_DEBUG: <what>" then the block's sites and the call's, on stderr; then abort(). */
void __debug_fail(const char *what, const struct debug_block *b, const char *call, void *site)
    __attribute__((noreturn));
/* Writes the "name+0xoff" of code address a (or its hex value) into buf. */
void __debug_symbol(void *a, char *buf, size_t len);
/* Lists the live blocks at exit as leaks (no abort). */
void __debug_report_leaks(void);

#endif
