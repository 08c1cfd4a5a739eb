/* The wide-string functions of <wchar.h>: the <string.h> family over wchar_t (compared as signed ints,
 * wcscoll as wcscmp in the C locale). */
#include <wchar.h>
#include <stdlib.h>

size_t wcslen(const wchar_t *s) {
  const wchar_t *p = s;
  while (*p) p++;
  return (size_t)(p - s);
}

size_t wcsnlen(const wchar_t *s, size_t max) {
  size_t n = 0;
  while (n < max && s[n]) n++;
  return n;
}

wchar_t *wcscpy(wchar_t *dst, const wchar_t *src) {
  wchar_t *d = dst;
  while ((*d++ = *src++) != 0) {}
  return dst;
}

wchar_t *wcsncpy(wchar_t *dst, const wchar_t *src, size_t n) {
  size_t i = 0;
  for (; i < n && src[i]; i++) dst[i] = src[i];
  for (; i < n; i++) dst[i] = 0;
  return dst;
}

wchar_t *wcscat(wchar_t *dst, const wchar_t *src) {
  wcscpy(dst + wcslen(dst), src);
  return dst;
}

wchar_t *wcsncat(wchar_t *dst, const wchar_t *src, size_t n) {
  wchar_t *d = dst + wcslen(dst);
  while (n-- && *src) *d++ = *src++;
  *d = 0;
  return dst;
}

int wcscmp(const wchar_t *a, const wchar_t *b) {
  while (*a && *a == *b) a++, b++;
  return *a < *b ? -1 : *a > *b;
}

int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n) {
  for (; n; n--, a++, b++) {
    if (*a != *b) return *a < *b ? -1 : 1;
    if (!*a) break;
  }
  return 0;
}

int wcscoll(const wchar_t *a, const wchar_t *b) { return wcscmp(a, b); }

wchar_t *wcschr(const wchar_t *s, wchar_t c) {
  for (;; s++) {
    if (*s == c) return (wchar_t *)s;
    if (!*s) return 0;
  }
}

wchar_t *wcsrchr(const wchar_t *s, wchar_t c) {
  const wchar_t *last = 0;
  for (;; s++) {
    if (*s == c) last = s;
    if (!*s) return (wchar_t *)last;
  }
}

size_t wcsspn(const wchar_t *s, const wchar_t *accept) {
  size_t n = 0;
  while (s[n] && wcschr(accept, s[n])) n++;
  return n;
}

size_t wcscspn(const wchar_t *s, const wchar_t *reject) {
  size_t n = 0;
  while (s[n] && !wcschr(reject, s[n])) n++;
  return n;
}

wchar_t *wcsstr(const wchar_t *hay, const wchar_t *needle) {
  size_t n = wcslen(needle);
  for (;; hay++) {
    if (wcsncmp(hay, needle, n) == 0) return (wchar_t *)hay;
    if (!*hay) return 0;
  }
}

wchar_t *wcsdup(const wchar_t *s) {
  size_t n = wcslen(s) + 1;
  wchar_t *d = malloc(n * sizeof *d);
  return d ? wmemcpy(d, s, n) : 0;
}

wchar_t *wmemcpy(wchar_t *dst, const wchar_t *src, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) dst[i] = src[i];
  return dst;
}

wchar_t *wmemmove(wchar_t *dst, const wchar_t *src, size_t n) {
  size_t i;
  if (dst < src)
    for (i = 0; i < n; i++) dst[i] = src[i];
  else
    for (i = n; i-- > 0;) dst[i] = src[i];
  return dst;
}

wchar_t *wmemset(wchar_t *dst, wchar_t c, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) dst[i] = c;
  return dst;
}

int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (s[i] == c) return (wchar_t *)(s + i);
  return 0;
}
