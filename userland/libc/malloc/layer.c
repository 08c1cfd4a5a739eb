/* The stack of optional layers (layer.h) and its bottom: the policy itself seen as a layer. */
#include "layer.h"
#include <errno.h>
#include <string.h>

static const struct malloc_policy *base;

static void *base_malloc(size_t n, void *site) {
  (void)site;
  return base->malloc(n);
}
static void base_free(void *p, void *site) {
  (void)site;
  base->free(p);
}
static void *base_realloc(void *p, size_t n, void *site) {
  (void)site;
  return p ? base->realloc(p, n) : base->malloc(n);
}
static void *base_calloc(size_t count, size_t size, void *site) {
  size_t total = count * size;
  void *p;
  (void)site;
  if (size && total / size != count) return __malloc_enomem();
  p = base->malloc(total);
  if (p) memset(p, 0, total);
  return p;
}
static void *base_memalign(size_t align, size_t n, void *site) {
  (void)site;
  if (align <= 8) return base->malloc(n);
  if (n > (size_t)-1 / 2 || align > (size_t)-1 / 4) return __malloc_enomem();
  return base->memalign(align, n);
}
static size_t base_usable(void *p) { return base->usable_size(p); }

static const struct malloc_layer policy_layer = {
  base_malloc, base_free, base_realloc, base_calloc, base_memalign, base_usable,
};

const struct malloc_layer *__malloc_policy_layer(const struct malloc_policy *p) {
  base = p;
  return &policy_layer;
}

const struct malloc_layer *__malloc_layers(const struct malloc_policy *p) {
  const struct malloc_layer *bottom = __malloc_policy_layer(p);
  const struct malloc_layer *debug = __malloc_debug_layer(bottom);
  const struct malloc_layer *top = __malloc_trace_layer(debug ? debug : bottom);
  return top ? top : debug;
}
