/* uchar.h: UTF-16 and UTF-32 code units and their conversions from and to the (UTF-8) multibyte form. */
#ifndef _UCHAR_H
#define _UCHAR_H
#include <stddef.h>
#include <wchar.h>

typedef unsigned short char16_t;
#ifdef __CHAR32_TYPE__
typedef __CHAR32_TYPE__ char32_t;
#else
typedef unsigned long char32_t;
#endif

/* mbrtoc16: as mbrtowc, giving a character past U+FFFF as two calls: the high surrogate (returning the
 * bytes used), then the low one (returning (size_t)-3, no bytes used). */
size_t mbrtoc16(char16_t *pc16, const char *s, size_t n, mbstate_t *ps);
/* c16rtomb: a high surrogate is kept in *ps (0 bytes written) until its low surrogate arrives. */
size_t c16rtomb(char *s, char16_t c16, mbstate_t *ps);
size_t mbrtoc32(char32_t *pc32, const char *s, size_t n, mbstate_t *ps);
size_t c32rtomb(char *s, char32_t c32, mbstate_t *ps);
#endif
