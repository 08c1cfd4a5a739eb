/* strsep: the BSD tokenizer that keeps empty fields. Returns *sp (the token) and moves *sp past the first
 * delimiter, which becomes NUL; after the last token *sp is NULL. NULL when *sp is already NULL. */
#include <string.h>

char *strsep(char **sp, const char *delim) {
  char *start = *sp, *end;
  if (!start) return 0;
  end = start + strcspn(start, delim);
  if (*end) *end++ = 0;
  else end = 0;
  *sp = end;
  return start;
}
