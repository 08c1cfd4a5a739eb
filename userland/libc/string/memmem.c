/* memmem (GNU): the first occurrence of needle in hay, by bytes; an empty needle matches at hay. */
#include <string.h>

void *memmem(const void *hay, size_t hlen, const void *needle, size_t nlen) {
  const unsigned char *h = hay, *n = needle;
  size_t i;
  if (nlen == 0) return (void *)h;
  if (nlen > hlen) return 0;
  for (i = 0; i <= hlen - nlen; i++)
    if (h[i] == n[0] && memcmp(h + i, n, nlen) == 0) return (void *)(h + i);
  return 0;
}
