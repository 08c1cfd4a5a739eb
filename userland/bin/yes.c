/* yes [STRING]: prints STRING (default "y") forever, one per line. */
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  static char buf[4096];
  const char *s = argc > 1 ? argv[1] : "y";
  size_t n = strlen(s), len = 0;
  if (n > 1000) n = 1000;
  while (len + n + 1 <= sizeof buf) {
    memcpy(buf + len, s, n);
    buf[len + n] = '\n';
    len += n + 1;
  }
  for (;;) {
    if (write(1, buf, len) < 0) return 1;
  }
}
