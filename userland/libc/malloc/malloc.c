/* The public allocation calls. They forward to the policy chosen at the first call from the
 * environment variable MALLOC_POLICY (dl, first, next, best, buddy, quick; default dl). Until
 * then __malloc_current points at a "choose" table whose entries pick the policy and forward. */
#include "malloc_impl.h"
#include "heap_desc.h"
#include "layer.h"
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

static const struct malloc_policy *const policies[] = {
  &__malloc_dl, &__malloc_first, &__malloc_next, &__malloc_best, &__malloc_buddy, &__malloc_quick,
};

static const struct malloc_policy choose_policy;
static const struct malloc_policy *current = &choose_policy;
static void *choose_malloc(size_t n);
static void choose_free(void *p);
/* Copies of current->malloc and current->free: one load less on the hottest calls. */
static void *(*malloc_fn)(size_t) = choose_malloc;
static void (*free_fn)(void *) = choose_free;
/* Set when MALLOC_STATS is in the environment: then every entry point adds the bytes it was
 * asked for to __malloc_counters.requested (malloc through counting_malloc). Off by default so
 * that the malloc fast path pays nothing for it. */
int __malloc_track_requests;

static void *counting_malloc(size_t n) {
  __malloc_counters.requested += n;
  return current->malloc(n);
}

/* MALLOC_DEBUG / MALLOC_TRACE (layer.h): NULL when the environment asked for neither. Until the
 * policy is chosen it is choose_layer, which chooses and forwards. */
static const struct malloc_layer choose_layer;
static const struct malloc_layer *layer = &choose_layer;

/* malloc and free reach these through malloc_fn/free_fn with a tail call (`jr`), so `ra` here is
 * still the return address into the program that called malloc or free. */
static void *layer_malloc(size_t n) {
  void *site;
  MALLOC_CALL_SITE(site);
  return layer->malloc(n, site);
}
static void layer_free(void *p) {
  void *site;
  MALLOC_CALL_SITE(site);
  layer->free(p, site);
}

static void count_request(size_t n) {
  if (__malloc_track_requests) __malloc_counters.requested += n;
}

static const struct malloc_policy *use_policy(const struct malloc_policy *p) {
  __malloc_track_requests = getenv("MALLOC_STATS") != 0;
  malloc_fn = __malloc_track_requests ? counting_malloc : p->malloc;
  free_fn = p->free;
  __malloc_register_heap(p);
  current = p;
  layer = __malloc_layers(p);
  if (layer) {
    malloc_fn = layer_malloc;
    free_fn = layer_free;
  }
  return p;
}

/* Selects the policy named by MALLOC_POLICY (a warning on stderr for an unknown name). */
static const struct malloc_policy *select_policy(void) {
  const char *name = getenv("MALLOC_POLICY");
  size_t i;
  if (!name || !*name) return use_policy(&__malloc_dl);
  for (i = 0; i < sizeof policies / sizeof policies[0]; i++)
    if (strcmp(name, policies[i]->name) == 0) return use_policy(policies[i]);
  {
    static const char warning[] = "malloc: unknown MALLOC_POLICY, using dl\n";
    write(2, warning, sizeof warning - 1);
  }
  return use_policy(&__malloc_dl);
}

static void *choose_malloc(size_t n) {
  select_policy();
  return malloc_fn(n);
}
static void choose_free(void *p) {
  if (p) __malloc_fail("free of a pointer malloc never returned", p);
}
static void *choose_realloc(void *p, size_t n) {
  (void)n;
  __malloc_fail("realloc of a pointer malloc never returned", p);
}
static void *choose_memalign(size_t a, size_t n) { return select_policy()->memalign(a, n); }
static size_t choose_usable(void *p) { return p ? select_policy()->usable_size(p) : 0; }
static void choose_info(struct mallinfo *mi) { select_policy()->info(mi); }
static size_t choose_check(void) { return select_policy()->check(); }

static const struct malloc_policy choose_policy = {
  "none", choose_malloc, choose_free, choose_realloc, choose_memalign, choose_usable, choose_info,
  choose_check, 0, /* no heap to publish before a policy is chosen */
};

/* The plain paths, used when no layer is on (and by choose_layer once it has chosen none). */
static void *plain_realloc(void *p, size_t n);
static void *plain_calloc(size_t count, size_t size);
static void *plain_memalign(size_t align, size_t n);

/* The first call of realloc, calloc or memalign chooses the policy (and its layers), then goes on. */
static void *choose_layer_malloc(size_t n, void *site) {
  select_policy();
  return layer ? layer->malloc(n, site) : current->malloc(n);
}
static void choose_layer_free(void *p, void *site) {
  select_policy();
  if (layer) layer->free(p, site);
  else current->free(p);
}
static void *choose_layer_realloc(void *p, size_t n, void *site) {
  select_policy();
  return layer ? layer->realloc(p, n, site) : plain_realloc(p, n);
}
static void *choose_layer_calloc(size_t count, size_t size, void *site) {
  select_policy();
  return layer ? layer->calloc(count, size, site) : plain_calloc(count, size);
}
static void *choose_layer_memalign(size_t align, size_t n, void *site) {
  select_policy();
  return layer ? layer->memalign(align, n, site) : plain_memalign(align, n);
}
static size_t choose_layer_usable(void *p) {
  select_policy();
  return layer ? layer->usable_size(p) : current->usable_size(p);
}
static const struct malloc_layer choose_layer = {
  choose_layer_malloc, choose_layer_free, choose_layer_realloc, choose_layer_calloc,
  choose_layer_memalign, choose_layer_usable,
};

const char *malloc_policy(void) {
  if (current == &choose_policy) select_policy();
  return current->name;
}

void *malloc(size_t n) {
  return malloc_fn(n);
}

void free(void *p) {
  free_fn(p);
}

void *realloc(void *p, size_t n) {
  void *site;
  MALLOC_CALL_SITE(site);
  if (layer) return layer->realloc(p, n, site);
  return plain_realloc(p, n);
}

static void *plain_realloc(void *p, size_t n) {
  count_request(n);
  if (!p) return current->malloc(n);
  return current->realloc(p, n);
}

void *calloc(size_t count, size_t size) {
  void *site;
  MALLOC_CALL_SITE(site);
  if (layer) return layer->calloc(count, size, site);
  return plain_calloc(count, size);
}

static void *plain_calloc(size_t count, size_t size) {
  size_t total = count * size;
  void *p;
  if (size && total / size != count) {
    errno = ENOMEM;
    return 0;
  }
  count_request(total);
  p = current->malloc(total);
  if (p) memset(p, 0, total);
  return p;
}

void *memalign(size_t align, size_t n) {
  void *site;
  MALLOC_CALL_SITE(site);
  if (align == 0 || (align & (align - 1))) {
    errno = EINVAL;
    return 0;
  }
  if (layer) return layer->memalign(align, n, site);
  return plain_memalign(align, n);
}

static void *plain_memalign(size_t align, size_t n) {
  count_request(n);
  if (align <= 8) return current->malloc(n);
  if (n > (size_t)-1 / 2 || align > (size_t)-1 / 4) return __malloc_enomem();
  return current->memalign(align, n);
}

void *aligned_alloc(size_t align, size_t n) {
  return memalign(align, n);
}

int posix_memalign(void **out, size_t align, size_t n) {
  void *p;
  if (align < sizeof(void *) || (align & (align - 1))) return EINVAL;
  p = memalign(align, n);
  if (!p) return ENOMEM;
  *out = p;
  return 0;
}

size_t malloc_usable_size(void *p) {
  if (!p) return 0;
  if (layer) return layer->usable_size(p);
  return current->usable_size(p);
}

void __malloc_info_current(struct mallinfo *mi) {
  malloc_policy();
  current->info(mi);
}

size_t malloc_check_heap(void) {
  return current->check();
}
