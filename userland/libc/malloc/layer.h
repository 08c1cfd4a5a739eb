/* layer.h: optional layers between the public allocation calls and the policy, chosen from the
 * environment at the first call: MALLOC_DEBUG=1 (debug.c: red zones, quarantine, checks) and
 * MALLOC_TRACE=FILE (trace.c: every call as a JSON line). With neither set there is no layer and
 * the calls go to the policy as before: the only cost is one load and branch in realloc, calloc
 * and memalign (malloc and free switch by function pointer, as they already did).
 *
 * Every entry takes the call site: the return address of the public call (malloc.c reads `ra` at
 * the entry of the public function, or in the trampoline that malloc and free tail-call). */
#ifndef _PAGODA_MALLOC_LAYER_H
#define _PAGODA_MALLOC_LAYER_H
#include <stddef.h>
#include "malloc_impl.h"

struct malloc_layer {
  void *(*malloc)(size_t n, void *site);
  void (*free)(void *p, void *site);
  /* realloc with any p (NULL included) and n. */
  void *(*realloc)(void *p, size_t n, void *site);
  void *(*calloc)(size_t count, size_t size, void *site);
  /* memalign with align a power of two (any size, 8 and less included). */
  void *(*memalign)(size_t align, size_t n, void *site);
  size_t (*usable_size)(void *p);
};

/* The layers the environment asks for over policy p, or NULL for none (trace over debug when both). */
const struct malloc_layer *__malloc_layers(const struct malloc_policy *p);
/* Layer constructors: NULL when their variable is unset. `next` is what they call through. */
const struct malloc_layer *__malloc_debug_layer(const struct malloc_layer *next);
const struct malloc_layer *__malloc_trace_layer(const struct malloc_layer *next);
/* The policy itself dressed as a layer (the bottom of every stack of layers). */
const struct malloc_layer *__malloc_policy_layer(const struct malloc_policy *p);

/* Called by core.c for each system call the allocator makes, when a trace is being written. */
extern void (*__malloc_trace_syscall)(const char *op, size_t arg, const void *addr, const void *result);

/* The return address of the function this is written in, read before it calls anything. */
#define MALLOC_CALL_SITE(var) __asm__ volatile("mv %0, ra" : "=r"(var))

#endif
