/* perror: "msg: strerror(errno)\n" on stderr (just the message when msg is NULL or empty). */
#include <stdio.h>
#include <string.h>
#include <errno.h>

void perror(const char *msg) {
  const char *text = strerror(errno);
  if (msg && *msg) fprintf(stderr, "%s: %s\n", msg, text);
  else fprintf(stderr, "%s\n", text);
}
