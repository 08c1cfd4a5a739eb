/* strings.h: the BSD/POSIX byte-string functions. */
#ifndef _STRINGS_H
#define _STRINGS_H
#include <stddef.h>
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
/* ffs: 1 + the index of the lowest set bit of i, or 0 when i is 0; ffsl, ffsll likewise. */
int ffs(int i);
int ffsl(long i);
int ffsll(long long i);
void bzero(void *s, size_t n);
/* bcmp: 0 when the n bytes are equal, non-zero otherwise. */
int bcmp(const void *a, const void *b, size_t n);
void bcopy(const void *src, void *dst, size_t n);
/* index, rindex: strchr and strrchr under their BSD names. */
char *index(const char *s, int c);
char *rindex(const char *s, int c);
#endif
