/* string.h: memory and string functions (C11 + the POSIX strdup/strndup/strtok_r/stpcpy family). */
#ifndef _STRING_H
#define _STRING_H
#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
void *memrchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
char *strcpy(char *dst, const char *src);
char *stpcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
size_t strlcpy(char *dst, const char *src, size_t size);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
int strcoll(const char *a, const char *b);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *hay, const char *needle);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strtok(char *s, const char *delim);
char *strtok_r(char *s, const char *delim, char **save);
char *strdup(const char *s);
char *strndup(const char *s, size_t n);
/* Returns the message for errnum, worded as glibc's ("Unknown error N" for numbers it does not know). */
char *strerror(int errnum);
/* POSIX strerror_r: 0, ERANGE (buf too small, truncated) or EINVAL (unknown number). */
int strerror_r(int errnum, char *buf, size_t size);
/* glibc's description of a signal ("Segmentation fault"; "Unknown signal N"). */
char *strsignal(int sig);
char *strsep(char **sp, const char *delim);
void *memmem(const void *hay, size_t hlen, const void *needle, size_t nlen);
char *strcasestr(const char *hay, const char *needle);
char *stpncpy(char *dst, const char *src, size_t n);
void *memccpy(void *dst, const void *src, int c, size_t n);
size_t strxfrm(char *dst, const char *src, size_t n);

#endif
