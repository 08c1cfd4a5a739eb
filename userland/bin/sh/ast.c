/* sh: making, freeing and copying syntax trees (functions keep a copy of their body). */
#include "sh.h"

struct node *node_new(int kind) {
  struct node *n = xmalloc(sizeof *n);
  memset(n, 0, sizeof *n);
  n->kind = kind;
  return n;
}

static void free_strings(char **v, int n) {
  int i;
  for (i = 0; i < n; i++) free(v[i]);
  free(v);
}

static void redir_free(struct redir *r) {
  while (r) {
    struct redir *next = r->next;
    free(r->word);
    free(r->heredoc);
    free(r);
    r = next;
  }
}

void node_free(struct node *n) {
  int i;
  if (!n) return;
  node_free(n->a);
  node_free(n->b);
  node_free(n->c);
  for (i = 0; i < n->nkids; i++) node_free(n->kids[i]);
  free(n->kids);
  free_strings(n->words, n->nwords);
  free_strings(n->assigns, n->nassigns);
  redir_free(n->redirs);
  free(n->name);
  while (n->items) {
    struct case_item *next = n->items->next;
    free_strings(n->items->patterns, n->items->npatterns);
    node_free(n->items->body);
    free(n->items);
    n->items = next;
  }
  free(n);
}

static char **copy_strings(char **v, int n) {
  char **c;
  int i;
  if (!v) return 0;
  c = xmalloc(sizeof(char *) * (n + 1));
  for (i = 0; i < n; i++) c[i] = xstrdup(v[i]);
  c[n] = 0;
  return c;
}

static struct redir *redir_copy(const struct redir *r) {
  struct redir *head = 0, **tail = &head;
  for (; r; r = r->next) {
    struct redir *c = xmalloc(sizeof *c);
    *c = *r;
    c->word = r->word ? xstrdup(r->word) : 0;
    c->heredoc = r->heredoc ? xstrdup(r->heredoc) : 0;
    c->next = 0;
    *tail = c;
    tail = &c->next;
  }
  return head;
}

struct node *node_copy(const struct node *n) {
  struct node *c;
  struct case_item **tail;
  const struct case_item *it;
  int i;
  if (!n) return 0;
  c = node_new(n->kind);
  c->lineno = n->lineno;
  c->a = node_copy(n->a);
  c->b = node_copy(n->b);
  c->c = node_copy(n->c);
  if (n->nkids) {
    c->kids = xmalloc(sizeof(struct node *) * n->nkids);
    for (i = 0; i < n->nkids; i++) c->kids[i] = node_copy(n->kids[i]);
    c->nkids = n->nkids;
  }
  c->words = copy_strings(n->words, n->nwords);
  c->nwords = n->nwords;
  c->assigns = copy_strings(n->assigns, n->nassigns);
  c->nassigns = n->nassigns;
  c->redirs = redir_copy(n->redirs);
  c->name = n->name ? xstrdup(n->name) : 0;
  c->has_in = n->has_in;
  tail = &c->items;
  for (it = n->items; it; it = it->next) {
    struct case_item *ci = xmalloc(sizeof *ci);
    ci->patterns = copy_strings(it->patterns, it->npatterns);
    ci->npatterns = it->npatterns;
    ci->body = node_copy(it->body);
    ci->fallthrough = it->fallthrough;
    ci->next = 0;
    *tail = ci;
    tail = &ci->next;
  }
  return c;
}
