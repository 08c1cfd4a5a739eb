/* strstr: naive search; an empty needle matches at hay. */
#include <string.h>

char *strstr(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  if (!n) return (char *)hay;
  for (; *hay; hay++)
    if (*hay == *needle && strncmp(hay, needle, n) == 0) return (char *)hay;
  return 0;
}
