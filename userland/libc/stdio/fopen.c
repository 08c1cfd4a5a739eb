/* fopen, fdopen, fclose, setvbuf, setbuf, fileno, feof, ferror, clearerr, fseek, ftell, rewind. */
#include "stdio_impl.h"
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Translates an fopen mode ("r", "w+", "ab"...) to open flags; -1 with EINVAL when malformed. */
static int mode_flags(const char *mode) {
  int flags;
  if (*mode == 'r') flags = O_RDONLY;
  else if (*mode == 'w') flags = O_WRONLY | O_CREAT | O_TRUNC;
  else if (*mode == 'a') flags = O_WRONLY | O_CREAT | O_APPEND;
  else {
    errno = EINVAL;
    return -1;
  }
  if (strchr(mode, '+')) flags = (flags & ~O_ACCMODE) | O_RDWR;
  if (strchr(mode, 'x')) flags |= O_EXCL;
  if (strchr(mode, 'e')) flags |= O_CLOEXEC;
  return flags;
}

FILE *fdopen(int fd, const char *mode) {
  int flags = mode_flags(mode);
  FILE *f;
  if (flags < 0) return 0;
  f = calloc(1, sizeof *f + BUFSIZ);
  if (!f) return 0;
  f->fd = fd;
  f->buf = (unsigned char *)(f + 1);
  f->size = BUFSIZ;
  f->ungot = -1;
  if ((flags & O_ACCMODE) != O_WRONLY) f->flags |= __F_READ;
  if ((flags & O_ACCMODE) != O_RDONLY) f->flags |= __F_WRITE | __F_UNDECIDED;
  __stdio_link(f);
  return f;
}

FILE *fopen(const char *path, const char *mode) {
  int flags = mode_flags(mode);
  int fd;
  FILE *f;
  if (flags < 0) return 0;
  fd = open(path, flags, 0666);
  if (fd < 0) return 0;
  f = fdopen(fd, mode);
  if (!f) close(fd);
  return f;
}

int fclose(FILE *f) {
  int r = fflush(f);
  if (close(f->fd) < 0) r = EOF;
  __stdio_unlink(f);
  if (f != stdin && f != stdout && f != stderr) {
    if (f->flags & __F_OWNBUF) free(f->buf);
    free(f);
  }
  return r;
}

int setvbuf(FILE *f, char *buf, int mode, size_t size) {
  f->flags &= ~(__F_LBF | __F_NBF | __F_UNDECIDED);
  if (mode == _IONBF) f->flags |= __F_NBF;
  else if (mode == _IOLBF) f->flags |= __F_LBF;
  else if (mode != _IOFBF) return -1;
  if (buf && size) {
    f->buf = (unsigned char *)buf;
    f->size = size;
  }
  return 0;
}

void setbuf(FILE *f, char *buf) {
  setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

int fileno(FILE *f) { return f->fd; }
int feof(FILE *f) { return (f->flags & __F_EOF) != 0; }
int ferror(FILE *f) { return (f->flags & __F_ERR) != 0; }
void clearerr(FILE *f) { f->flags &= ~(__F_EOF | __F_ERR); }

int fseek(FILE *f, long offset, int whence) {
  if (fflush(f) == EOF) return -1;
  if (whence == SEEK_CUR) offset -= (long)(f->rend - f->rpos) + (f->ungot >= 0);
  if (lseek(f->fd, offset, whence) < 0) return -1;
  f->rpos = f->rend = 0;
  f->ungot = -1;
  f->flags &= ~__F_EOF;
  return 0;
}

long ftell(FILE *f) {
  off_t pos = lseek(f->fd, 0, SEEK_CUR);
  if (pos < 0) return -1;
  return (long)pos - (long)(f->rend - f->rpos) - (f->ungot >= 0) + (long)f->wpos;
}

void rewind(FILE *f) {
  fseek(f, 0, SEEK_SET);
  clearerr(f);
}
