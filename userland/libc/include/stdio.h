/* stdio.h: buffered streams, formatted output and input (integers, strings, characters, floating point).
 * stdout is line-buffered on a terminal and fully buffered otherwise; stderr is unbuffered. */
#ifndef _STDIO_H
#define _STDIO_H
#include <stddef.h>
#include <stdarg.h>
#include <sys/types.h>

#define EOF (-1)
#define BUFSIZ 1024
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define FILENAME_MAX 4096
#define FOPEN_MAX 16
#define L_tmpnam 20
#define TMP_MAX 238328
#define P_tmpdir "/tmp"
typedef struct { long long __pos; } fpos_t;

typedef struct _FILE {
  int fd;
  int flags;           /* __F_* in libc/stdio/stdio_impl.h */
  unsigned char *buf;
  size_t size;         /* buffer capacity */
  size_t wpos;         /* bytes waiting in buf to be written */
  size_t rpos, rend;   /* unread bytes are buf[rpos..rend) */
  int ungot;           /* pushed-back byte, or -1 */
  struct _FILE *next;  /* list of open streams, flushed at exit */
} FILE;

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
int fclose(FILE *f);
/* rename(from, to): 0, or -1 with errno (replaces a file, or an empty directory). */
int rename(const char *from, const char *to);
/* rename relative to directory fds (AT_FDCWD: the working directory). */
int renameat(int fromfd, const char *from, int tofd, const char *to);
int fflush(FILE *f);
int setvbuf(FILE *f, char *buf, int mode, size_t size);
void setbuf(FILE *f, char *buf);
int fileno(FILE *f);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int fseek(FILE *f, long offset, int whence);
long ftell(FILE *f);
void rewind(FILE *f);

int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *s, FILE *f);
int puts(const char *s);
size_t fwrite(const void *p, size_t size, size_t n, FILE *f);
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
int ungetc(int c, FILE *f);
char *fgets(char *s, int n, FILE *f);
size_t fread(void *p, size_t size, size_t n, FILE *f);
ssize_t getline(char **line, size_t *cap, FILE *f);
/* getdelim: getline up to `delim` instead of '\n'. */
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f);
void perror(const char *msg);
/* remove: unlink a file or rmdir a directory. */
int remove(const char *path);
int fgetpos(FILE *f, fpos_t *pos);
int fsetpos(FILE *f, const fpos_t *pos);
int fseeko(FILE *f, off_t offset, int whence);
off_t ftello(FILE *f);
void setlinebuf(FILE *f);
/* popen: runs `command` with /bin/sh -c, its stdout readable ("r") or its stdin writable ("w") through the
 * stream ("re"/"we": close-on-exec); pclose closes it and returns the command's wait status. */
FILE *popen(const char *command, const char *mode);
int pclose(FILE *f);
/* tmpfile: a new file in /tmp, already unlinked, open "w+"; tmpnam: a name in /tmp not in use now. */
FILE *tmpfile(void);
char *tmpnam(char *s);

/* printf family: flags - + space # 0, width and precision (also *), lengths hh h l ll z t j L,
 * conversions d i u o x X c s p % and f F e E g G a A (exact, correctly rounded). %n is not supported
 * (printed literally). */
int printf(const char *fmt, ...);
int fprintf(FILE *f, const char *fmt, ...);
int dprintf(int fd, const char *fmt, ...);
int sprintf(char *s, const char *fmt, ...);
/* Writes at most n bytes including the terminating NUL; returns the length the full output has. */
int snprintf(char *s, size_t n, const char *fmt, ...);
int vprintf(const char *fmt, va_list ap);
int vfprintf(FILE *f, const char *fmt, va_list ap);
int vdprintf(int fd, const char *fmt, va_list ap);
int vsprintf(char *s, const char *fmt, va_list ap);
int vsnprintf(char *s, size_t n, const char *fmt, va_list ap);

/* scanf family: white space, literal characters and %[*][width][hh h l ll j z t L]conv with d i u o x X p
 * n c s [set] f e g a (%lf double, %Lf long double) and %%; returns the assignments made, or EOF when the
 * input ends before the first. Floating text converts as strtod does (correctly rounded). */
int scanf(const char *fmt, ...);
int fscanf(FILE *f, const char *fmt, ...);
int sscanf(const char *s, const char *fmt, ...);
int vscanf(const char *fmt, va_list ap);
int vfscanf(FILE *f, const char *fmt, va_list ap);
int vsscanf(const char *s, const char *fmt, va_list ap);

#endif
