/* strcat, strncat (appends at most n bytes, always terminates). */
#include <string.h>

char *strcat(char *dst, const char *src) {
  strcpy(dst + strlen(dst), src);
  return dst;
}

char *strncat(char *dst, const char *src, size_t n) {
  char *d = dst + strlen(dst);
  while (n && *src) {
    *d++ = *src++;
    n--;
  }
  *d = 0;
  return dst;
}
