/* stdio streams on files: fopen modes, buffered writes, fgets/fgetc/ungetc/fread, getline, fseek/ftell,
 * feof/ferror, fdopen, setvbuf. Uses a scratch file in /tmp. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test.h"

static const char *path = "/tmp/pagoda-stdio-test.txt";

static void test_write_and_read(void) {
  FILE *f = fopen(path, "w");
  char line[64];
  int i;
  ASSERT(1, f != 0);
  for (i = 0; i < 200; i++) fprintf(f, "line %03d\n", i); /* 1800 bytes: more than one buffer */
  ASSERT(0, fclose(f));
  f = fopen(path, "r");
  ASSERT(1, f != 0);
  ASSERT_STR("line 000\n", fgets(line, sizeof line, f));
  ASSERT('l', fgetc(f));
  ASSERT('l', ungetc('l', f));
  ASSERT_STR("line 001\n", fgets(line, sizeof line, f));
  ASSERT_STR("line", fgets(line, 5, f)); /* n - 1 bytes at most */
  ASSERT(22, ftell(f));
  ASSERT(0, fseek(f, 9 * 150, SEEK_SET));
  ASSERT_STR("line 150\n", fgets(line, sizeof line, f));
  ASSERT(9, fread(line, 1, 9, f));
  ASSERT(0, memcmp(line, "line 151\n", 9));
  ASSERT(0, fseek(f, -9, SEEK_END));
  ASSERT_STR("line 199\n", fgets(line, sizeof line, f));
  ASSERT(0, fgets(line, sizeof line, f) != 0);
  ASSERT(1, feof(f));
  ASSERT(0, ferror(f));
  clearerr(f);
  ASSERT(0, feof(f));
  rewind(f);
  ASSERT('l', fgetc(f));
  ASSERT(0, fclose(f));
}

static void test_append_getline_fdopen(void) {
  FILE *f = fopen(path, "a");
  char *buf = 0;
  size_t cap = 0;
  long count = 0;
  ssize_t n;
  ASSERT(1, fputs("a very long last line that is longer than the first getline buffer of sixty-four bytes\n", f) >= 0);
  ASSERT(0, fclose(f));
  f = fopen(path, "r");
  while ((n = getline(&buf, &cap, f)) > 0) count++;
  ASSERT(201, count);
  ASSERT(1, cap > 64);
  free(buf);
  fclose(f);
  {
    int fds[2];
    ASSERT(0, pipe(fds));
    f = fdopen(fds[1], "w");
    ASSERT(1, f != 0);
    ASSERT(0, setvbuf(f, 0, _IONBF, 0));
    ASSERT(5, fprintf(f, "piped"));
    {
      char got[8] = { 0 };
      ASSERT(5, read(fds[0], got, sizeof got)); /* unbuffered: already in the pipe */
      ASSERT_STR("piped", got);
    }
    fclose(f);
    close(fds[0]);
  }
}

static void test_errors(void) {
  FILE *f;
  errno = 0;
  ASSERT(0, fopen("/no/such/dir/file", "r") != 0);
  ASSERT(ENOENT, errno);
  ASSERT(0, fopen(path, "z") != 0);
  ASSERT(EINVAL, errno);
  f = fopen(path, "r");
  ASSERT(EOF, fputc('x', f)); /* read-only stream */
  ASSERT(1, ferror(f));
  fclose(f);
  ASSERT(0, unlink(path));
}

int main(void) {
  test_write_and_read();
  test_append_getline_fdopen();
  test_errors();
  return test_summary("stdio_test");
}
