/* wordfreq: counts the words of standard input in a hash table and reports the most frequent.
 *
 *   wordfreq [TOP [MINLEN]] < text
 * A word is a run of letters, digits, apostrophes or hyphens inside a word, folded to lower case. The table
 * is open hashing (FNV-1a, chained), doubled when the load passes 3/4; words live in a string arena of
 * 4 KiB blocks. Prints totals, the TOP words by count (ties alphabetical, sorted with qsort), the longest
 * words, the length histogram, the most frequent pairs of adjacent words (bigrams, a second table keyed by
 * "first second"), and checks a few lookups with bsearch on the sorted array. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Entry {
  const char *word;
  unsigned count;
  unsigned first_line;
  struct Entry *next;
} Entry;

typedef struct {
  Entry **buckets;
  size_t nbuckets, size;
  unsigned long probes;
} Table;

/* A bump allocator for strings and entries: nothing is freed before the end. */
typedef struct Block { struct Block *prev; size_t used; char data[4096]; } Block;
static Block *arena;
static size_t word_bytes;   /* string bytes held in the arena (block counts would depend on pointer width) */

static void *arena_alloc(size_t n) {
  n = (n + 7) & ~(size_t)7;
  if (n > sizeof arena->data) { fprintf(stderr, "wordfreq: word too long\n"); exit(2); }
  if (!arena || arena->used + n > sizeof arena->data) {
    Block *b = malloc(sizeof *b);
    if (!b) { fprintf(stderr, "wordfreq: out of memory\n"); exit(2); }
    b->prev = arena;
    b->used = 0;
    arena = b;
  }
  void *p = arena->data + arena->used;
  arena->used += n;
  return p;
}

static void arena_free_all(void) {
  while (arena) { Block *p = arena->prev; free(arena); arena = p; }
}

static uint32_t fnv1a(const char *s) {
  uint32_t h = 2166136261u;
  while (*s) { h ^= (unsigned char)*s++; h *= 16777619u; }
  return h;
}

static void table_grow(Table *t) {
  size_t n = t->nbuckets ? t->nbuckets * 2 : 64;
  Entry **nb = calloc(n, sizeof *nb);
  for (size_t i = 0; i < t->nbuckets; i++) {
    Entry *e = t->buckets[i];
    while (e) {
      Entry *next = e->next;
      size_t j = fnv1a(e->word) & (n - 1);
      e->next = nb[j];
      nb[j] = e;
      e = next;
    }
  }
  free(t->buckets);
  t->buckets = nb;
  t->nbuckets = n;
}

static Entry *table_add(Table *t, const char *word, unsigned line) {
  if (t->size * 4 >= t->nbuckets * 3) table_grow(t);
  size_t i = fnv1a(word) & (t->nbuckets - 1);
  for (Entry *e = t->buckets[i]; e; e = e->next) {
    t->probes++;
    if (!strcmp(e->word, word)) { e->count++; return e; }
  }
  Entry *e = arena_alloc(sizeof *e);
  size_t len = strlen(word);
  char *copy = arena_alloc(len + 1);
  word_bytes += len + 1;
  memcpy(copy, word, len + 1);
  e->word = copy;
  e->count = 1;
  e->first_line = line;
  e->next = t->buckets[i];
  t->buckets[i] = e;
  t->size++;
  return e;
}

static int by_count(const void *a, const void *b) {
  const Entry *x = *(const Entry *const *)a, *y = *(const Entry *const *)b;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  return strcmp(x->word, y->word);
}

static int by_word(const void *a, const void *b) {
  return strcmp((*(const Entry *const *)a)->word, (*(const Entry *const *)b)->word);
}

static int key_cmp(const void *key, const void *elem) {
  return strcmp((const char *)key, (*(const Entry *const *)elem)->word);
}

/* Prints the `top` most frequent bigrams, found by a partial selection (no full sort needed). */
static void top_pairs(const Table *pairs, int top) {
  const Entry *best[16];
  int nbest = 0;
  if (top > 16) top = 16;
  for (size_t i = 0; i < pairs->nbuckets; i++)
    for (const Entry *e = pairs->buckets[i]; e; e = e->next) {
      int at = nbest;
      while (at > 0 && (best[at - 1]->count < e->count ||
                        (best[at - 1]->count == e->count && strcmp(best[at - 1]->word, e->word) > 0))) at--;
      if (at >= top) continue;
      if (nbest < top) nbest++;
      memmove(&best[at + 1], &best[at], (size_t)(nbest - 1 - at) * sizeof *best);
      best[at] = e;
    }
  printf("\n%zu distinct pairs; most frequent:\n", pairs->size);
  for (int i = 0; i < nbest; i++) printf("  %-24s %u\n", best[i]->word, best[i]->count);
  putchar('\n');
}

static int word_char(int c) { return isalnum(c) || c == '\'' || c == '-'; }

int main(int argc, char **argv) {
  int top = argc > 1 ? atoi(argv[1]) : 10;
  size_t minlen = argc > 2 ? (size_t)atoi(argv[2]) : 1;
  Table t = { NULL, 0, 0, 0 }, pairs = { NULL, 0, 0, 0 };
  char word[64], prev_word[64] = "", pair[130];
  size_t len = 0;
  unsigned line = 1, lines = 0;
  unsigned long words = 0, chars = 0, skipped = 0;
  unsigned hist[16] = { 0 };
  int c, last = '\n';
  do {
    c = getchar();
    if (c != EOF) { chars++; last = c; }
    if (c != EOF && (isalnum(c) || (len > 0 && word_char(c)))) {
      if (len < sizeof word - 1) word[len++] = (char)tolower(c);
      continue;
    }
    while (len > 0 && (word[len - 1] == '\'' || word[len - 1] == '-')) len--;   /* trailing punctuation */
    if (len > 0) {
      word[len] = 0;
      words++;
      hist[len < 15 ? len : 15]++;
      if (len >= minlen) table_add(&t, word, line); else skipped++;
      if (prev_word[0]) {
        snprintf(pair, sizeof pair, "%s %s", prev_word, word);
        table_add(&pairs, pair, line);
      }
      memcpy(prev_word, word, len + 1);
      len = 0;
    }
    if (c == '\n') { line++; lines++; }
  } while (c != EOF);
  if (last != '\n' && chars > 0) lines++;

  printf("%u lines, %lu words, %lu characters, %zu distinct (%lu shorter than %zu skipped)\n", lines, words, chars,
         t.size, skipped, minlen);
  printf("table: %zu buckets, %lu probes, %zu bytes of words\n", t.nbuckets, t.probes, word_bytes);

  Entry **all = malloc((t.size ? t.size : 1) * sizeof *all);
  size_t n = 0, longest = 0;
  for (size_t i = 0; i < t.nbuckets; i++)
    for (Entry *e = t.buckets[i]; e; e = e->next) {
      all[n++] = e;
      if (strlen(e->word) > longest) longest = strlen(e->word);
    }
  qsort(all, n, sizeof *all, by_count);
  printf("\n%-4s %-20s %6s %6s\n", "rank", "word", "count", "line");
  for (size_t i = 0; i < n && i < (size_t)top; i++)
    printf("%-4zu %-20s %6u %6u\n", i + 1, all[i]->word, all[i]->count, all[i]->first_line);

  printf("\nlongest (%zu):", longest);
  qsort(all, n, sizeof *all, by_word);
  for (size_t i = 0; i < n; i++) if (strlen(all[i]->word) == longest) printf(" %s", all[i]->word);
  printf("\n\nlength histogram:\n");
  unsigned maxh = 1;
  for (int i = 1; i < 16; i++) if (hist[i] > maxh) maxh = hist[i];
  for (int i = 1; i < 16; i++) {
    if (!hist[i]) continue;
    int bar = (int)((uint64_t)hist[i] * 40 / maxh);
    printf("%2d%s %5u ", i, i == 15 ? "+" : " ", hist[i]);
    for (int k = 0; k < bar; k++) putchar('#');
    putchar('\n');
  }
  top_pairs(&pairs, 5);
  static const char *const probes[] = { "the", "whale", "pagoda", "it's", "zebra", "" };
  putchar('\n');
  for (int i = 0; probes[i][0]; i++) {
    Entry **hit = bsearch(probes[i], all, n, sizeof *all, key_cmp);
    if (hit) printf("%-8s %u\n", probes[i], (*hit)->count); else printf("%-8s absent\n", probes[i]);
  }
  free(all);
  free(t.buckets);
  free(pairs.buckets);
  arena_free_all();
  return t.size ? 0 : 1;
}
