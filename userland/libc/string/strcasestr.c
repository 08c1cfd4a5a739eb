/* strcasestr (GNU): strstr ignoring case (C locale). */
#include <string.h>
#include <strings.h>

char *strcasestr(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  for (; *hay; hay++)
    if (strncasecmp(hay, needle, n) == 0) return (char *)hay;
  return n == 0 ? (char *)hay : 0;
}
