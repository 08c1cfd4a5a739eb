/* wchar.h: wide characters (wchar_t is a 32-bit int holding a Unicode code point) and the restartable
 * multibyte conversions. The only locale, "C", uses UTF-8 as glibc's C.UTF-8 does: overlong forms,
 * surrogates and values past U+10FFFF are EILSEQ. */
#ifndef _WCHAR_H
#define _WCHAR_H
#include <stddef.h>
#include <stdio.h>

typedef unsigned int wint_t;
#define WEOF 0xffffffffU
#ifndef WCHAR_MIN
#define WCHAR_MIN (-2147483647 - 1)
#define WCHAR_MAX 2147483647
#endif

/* The bytes of an unfinished multibyte character (and, for mbrtoc16/c16rtomb, a pending surrogate). */
typedef struct {
  unsigned int __count;
  unsigned char __bytes[4];
} mbstate_t;

size_t wcslen(const wchar_t *s);
size_t wcsnlen(const wchar_t *s, size_t max);
wchar_t *wcscpy(wchar_t *dst, const wchar_t *src);
wchar_t *wcsncpy(wchar_t *dst, const wchar_t *src, size_t n);
wchar_t *wcscat(wchar_t *dst, const wchar_t *src);
wchar_t *wcsncat(wchar_t *dst, const wchar_t *src, size_t n);
int wcscmp(const wchar_t *a, const wchar_t *b);
int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n);
int wcscoll(const wchar_t *a, const wchar_t *b);
wchar_t *wcschr(const wchar_t *s, wchar_t c);
wchar_t *wcsrchr(const wchar_t *s, wchar_t c);
wchar_t *wcsstr(const wchar_t *hay, const wchar_t *needle);
size_t wcsspn(const wchar_t *s, const wchar_t *accept);
size_t wcscspn(const wchar_t *s, const wchar_t *reject);
wchar_t *wcsdup(const wchar_t *s);
wchar_t *wmemcpy(wchar_t *dst, const wchar_t *src, size_t n);
wchar_t *wmemmove(wchar_t *dst, const wchar_t *src, size_t n);
wchar_t *wmemset(wchar_t *dst, wchar_t c, size_t n);
int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n);

/* mbrtowc: decodes one character from at most n bytes of s: its length, 0 for the NUL character,
 * (size_t)-2 when the n bytes are a valid but unfinished start (kept in *ps), (size_t)-1 with EILSEQ. */
size_t mbrtowc(wchar_t *pwc, const char *s, size_t n, mbstate_t *ps);
size_t mbrlen(const char *s, size_t n, mbstate_t *ps);
/* wcrtomb: writes wc's UTF-8 (1-4 bytes) to s and returns the count; (size_t)-1 with EILSEQ. */
size_t wcrtomb(char *s, wchar_t wc, mbstate_t *ps);
/* mbsinit: non-zero when *ps (or NULL) is the initial state. */
int mbsinit(const mbstate_t *ps);
size_t mbsrtowcs(wchar_t *dst, const char **src, size_t len, mbstate_t *ps);
size_t wcsrtombs(char *dst, const wchar_t **src, size_t len, mbstate_t *ps);
/* btowc: the wide character of a single-byte character (ASCII here), else WEOF; wctob the reverse or EOF. */
wint_t btowc(int c);
int wctob(wint_t c);
#endif
