/* strdup, strndup: copies into malloc'd memory; NULL with errno ENOMEM when malloc fails. */
#include <string.h>
#include <stdlib.h>

char *strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (!d) return 0;
  return memcpy(d, s, n);
}

char *strndup(const char *s, size_t n) {
  size_t len = strnlen(s, n);
  char *d = malloc(len + 1);
  if (!d) return 0;
  memcpy(d, s, len);
  d[len] = 0;
  return d;
}
