/* fgetpos, fsetpos, fseeko, ftello, setlinebuf: positions as 64-bit offsets over fseek/ftell. */
#include "stdio_impl.h"
#include <errno.h>
#include <unistd.h>

int fseeko(FILE *f, off_t offset, int whence) {
  if (offset != (long)offset) {
    errno = EOVERFLOW;
    return -1;
  }
  return fseek(f, (long)offset, whence);
}

off_t ftello(FILE *f) { return ftell(f); }

int fgetpos(FILE *f, fpos_t *pos) {
  long at = ftell(f);
  if (at < 0) return -1;
  pos->__pos = at;
  return 0;
}

int fsetpos(FILE *f, const fpos_t *pos) { return fseeko(f, pos->__pos, SEEK_SET); }

void setlinebuf(FILE *f) { setvbuf(f, 0, _IOLBF, 0); }
