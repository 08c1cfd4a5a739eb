/* strcasecmp, strncasecmp: compare after tolower. */
#include <string.h>
#include <ctype.h>

int strcasecmp(const char *a, const char *b) {
  const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
  while (*x && tolower(*x) == tolower(*y)) {
    x++;
    y++;
  }
  return tolower(*x) - tolower(*y);
}

int strncasecmp(const char *a, const char *b, size_t n) {
  const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
  if (!n) return 0;
  while (--n && *x && tolower(*x) == tolower(*y)) {
    x++;
    y++;
  }
  return tolower(*x) - tolower(*y);
}
