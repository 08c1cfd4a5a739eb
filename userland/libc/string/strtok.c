/* strtok_r, strtok: split on any byte of delim; runs of delimiters count as one. */
#include <string.h>

char *strtok_r(char *s, const char *delim, char **save) {
  char *end;
  if (!s) s = *save;
  if (!s) return 0;
  s += strspn(s, delim);
  if (!*s) {
    *save = 0;
    return 0;
  }
  end = s + strcspn(s, delim);
  if (*end) {
    *end = 0;
    *save = end + 1;
  } else {
    *save = 0;
  }
  return s;
}

char *strtok(char *s, const char *delim) {
  static char *save;
  return strtok_r(s, delim, &save);
}
