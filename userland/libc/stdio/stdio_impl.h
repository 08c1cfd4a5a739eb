/* stdio_impl.h: FILE internals shared by libc/stdio. */
#ifndef _PAGODA_STDIO_IMPL_H
#define _PAGODA_STDIO_IMPL_H
#include <stdio.h>
#include <stdarg.h>
#include <stdint.h>

#define __F_READ 1        /* opened for reading */
#define __F_WRITE 2       /* opened for writing */
#define __F_EOF 4
#define __F_ERR 8
#define __F_LBF 16        /* line-buffered */
#define __F_NBF 32        /* unbuffered */
#define __F_UNDECIDED 64  /* buffering chosen at first use: line on a terminal, full otherwise */
#define __F_OWNBUF 128    /* buf was malloc'd by stdio */
#define __F_APPEND 256

/* Writes n bytes through f's buffer; returns n, or less with __F_ERR set when write fails. */
size_t __fwritex(const unsigned char *data, size_t n, FILE *f);
/* Settles buffering of a stream with __F_UNDECIDED and links it for the exit flush. */
void __stdio_prepare(FILE *f);
/* Flushes every open stream (registered as exit's stdio hook). */
void __stdio_flush_all(void);
/* Links f into the list of open streams / removes it. */
void __stdio_link(FILE *f);
void __stdio_unlink(FILE *f);

/* An output destination for __format: put() receives each run of bytes. */
struct sink {
  void (*put)(struct sink *s, const char *p, size_t n);
  size_t count;   /* bytes produced so far (also those an snprintf buffer could not hold) */
  int failed;     /* set by put() when the destination refused bytes */
  FILE *file;     /* for FILE sinks */
  char *buf;      /* for string sinks: the buffer and its capacity, NUL included */
  size_t cap;
  int fd;         /* for dprintf */
};

/* printf flags, shared by the engine and its floating conversions */
#define FL_LEFT 1
#define FL_PLUS 2
#define FL_SPACE 4
#define FL_ALT 8
#define FL_ZERO 16

/* The printf engine: formats fmt with ap into s. Returns the byte count, or -1 when the sink failed. */
int __format(struct sink *s, const char *fmt, va_list ap);
struct fpformat;
/* One floating conversion (conv in fFeEgGaA) of the value encoded by bits (least significant word
 * first) in format f, with printf's flags, width and precision (-1 when absent) (format_float.c). */
void __format_float(struct sink *s, int flags, int width, int precision, char conv,
                    const struct fpformat *f, const uint32_t *bits);

/* A source for __scan: a stream (file) or a string (str), and the characters consumed so far. */
struct scan_in {
  FILE *file;
  const char *str;
  size_t count;
};

/* The scanf engine: scans in according to fmt, storing through ap (scan.c). Returns the number of
 * assignments, or EOF when input failed before the first one. */
int __scan(struct scan_in *in, const char *fmt, va_list ap);

#endif
