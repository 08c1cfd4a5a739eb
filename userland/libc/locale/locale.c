/* setlocale, localeconv: one locale, "C". */
#include <locale.h>
#include <limits.h>
#include <string.h>
#include <errno.h>

static char c_name[] = "C";
static char utf8_name[] = "C.UTF-8";
static char *current = c_name;

char *setlocale(int category, const char *name) {
  if (category < LC_CTYPE || category > LC_ALL) {
    errno = EINVAL;
    return 0;
  }
  if (!name) return current;
  if (!*name || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0) current = c_name;
  else if (strcmp(name, "C.UTF-8") == 0 || strcmp(name, "C.utf8") == 0) current = utf8_name;
  else return 0;
  return current;
}

struct lconv *localeconv(void) {
  static char dot[] = ".", empty[] = "";
  static struct lconv c = {
    dot, empty, empty, empty, empty, empty, empty, empty, empty, empty,
    CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX,
    CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX,
  };
  return &c;
}
