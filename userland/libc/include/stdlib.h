/* stdlib.h: conversions, sorting, process exit, environment, pseudo-random numbers, allocation. */
#ifndef _STDLIB_H
#define _STDLIB_H
#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 0x7fffffff
/* The longest multibyte character (UTF-8, see <wchar.h>). */
#define MB_CUR_MAX ((size_t)4)

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
/* putenv: puts the caller's "NAME=value" string itself into the environment (a string without '=' removes
 * NAME, as glibc); clearenv empties the environment. */
int putenv(char *string);
int clearenv(void);
/* system: runs command with /bin/sh -c and returns its wait status (-1 when no child could be made, 127
 * exit status when the shell could not run); system(NULL) is non-zero: there is a shell. */
int system(const char *command);
/* realpath: the absolute path naming `path` with ".", ".." and repeated slashes resolved, checking that
 * each component exists (ENOENT) and each but the last is a directory (ENOTDIR); into resolved (PATH_MAX
 * bytes) or, when it is NULL, a malloc'd string. */
char *realpath(const char *path, char *resolved);
/* mkstemp/mkstemps: replace the six X ending tmpl (before `suffix` bytes) and create that file (mode 0600,
 * O_EXCL), returning its fd; mkdtemp makes a directory. EINVAL without the X's. */
int mkstemp(char *tmpl);
int mkstemps(char *tmpl, int suffix);
char *mkdtemp(char *tmpl);
int mblen(const char *s, size_t n);
int mbtowc(wchar_t *pwc, const char *s, size_t n);
int wctomb(char *s, wchar_t wc);
size_t mbstowcs(wchar_t *dst, const char *src, size_t n);
size_t wcstombs(char *dst, const wchar_t *src, size_t n);

/* Registers fn to run at exit (last registered runs first); up to 32. Returns 0, or -1 when full. */
int atexit(void (*fn)(void));
/* Runs atexit handlers, flushes stdio, ends the process with status & 0xff. */
void exit(int status) __attribute__((noreturn));
void _Exit(int status) __attribute__((noreturn));
/* at_quick_exit registers a handler for quick_exit (up to 32), which runs them newest first and ends the
 * process with _Exit: no atexit handlers, no stdio flush. */
int at_quick_exit(void (*fn)(void));
void quick_exit(int status) __attribute__((noreturn));
/* Raises SIGABRT (a handler runs); if the handler returns, raises it again with the default action. */
void abort(void) __attribute__((noreturn));

void *malloc(size_t size);
void free(void *ptr);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void *aligned_alloc(size_t alignment, size_t size);
int posix_memalign(void **out, size_t alignment, size_t size);

#endif
