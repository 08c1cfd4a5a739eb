/* stdlib.h: conversions, sorting, process exit, environment, pseudo-random numbers, allocation. */
#ifndef _STDLIB_H
#define _STDLIB_H
#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 0x7fffffff

typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;
typedef struct { long long quot; long long rem; } lldiv_t;

int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
#if !(defined(__pagoda_cc__) && defined(__riscv_float_abi_soft)) /* a compiler with floating types */
/* Decimal or hex floating text to a value, correctly rounded in the current rounding mode; inf, infinity,
 * nan, nan(chars) in any case. Overflow gives ±HUGE_VAL and underflow a tiny inexact result, both with
 * errno ERANGE; *end is where the number ended (s when there was none). */
double strtod(const char *s, char **end);
float strtof(const char *s, char **end);
long double strtold(const char *s, char **end);
double atof(const char *s);
#endif
int abs(int x);
long labs(long x);
long long llabs(long long x);
div_t div(int num, int den);
ldiv_t ldiv(long num, long den);
lldiv_t lldiv(long long num, long long den);
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *));
int rand(void);
void srand(unsigned seed);
int rand_r(unsigned *state);

char *getenv(const char *name);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);

/* Registers fn to run at exit (last registered runs first); up to 32. Returns 0, or -1 when full. */
int atexit(void (*fn)(void));
/* Runs atexit handlers, flushes stdio, ends the process with status & 0xff. */
void exit(int status) __attribute__((noreturn));
void _Exit(int status) __attribute__((noreturn));
/* Prints nothing, raises SIGABRT; if that returns, exits with 134. */
void abort(void) __attribute__((noreturn));

void *malloc(size_t size);
void free(void *ptr);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void *aligned_alloc(size_t alignment, size_t size);
int posix_memalign(void **out, size_t alignment, size_t size);

#endif
