/* strxfrm: in the C locale the transformed string is the string itself (so strcmp of two transforms orders
 * them as strcoll does). Returns strlen(src); dst holds it only when that is less than n. */
#include <string.h>

size_t strxfrm(char *dst, const char *src, size_t n) {
  size_t len = strlen(src);
  if (len < n) memcpy(dst, src, len + 1);
  return len;
}
