/* tmpfile, tmpnam, and <stdlib.h>'s mkstemp, mkstemps, mkdtemp: names in /tmp made unique with letters from
 * a generator seeded by the pid and the clock, retried while a name is taken. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

static unsigned long long state;

/* Six fresh letters or digits into s. */
static void fill_unique(char *s) {
  static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  int i;
  if (!state) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    state = (unsigned long long)getpid() << 32 ^ (unsigned long long)ts.tv_nsec ^ (unsigned long long)ts.tv_sec;
  }
  for (i = 0; i < 6; i++) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    s[i] = chars[(state >> 33) % 62];
  }
}

/* Replaces the six X before `suffix` bytes of tmpl and creates the file (or directory) until a name is new. */
static int make_unique(char *tmpl, int suffix, int dir) {
  size_t len = strlen(tmpl);
  char *x;
  int tries;
  if (suffix < 0 || len < 6 + (size_t)suffix || memcmp(tmpl + len - suffix - 6, "XXXXXX", 6) != 0) {
    errno = EINVAL;
    return -1;
  }
  x = tmpl + len - suffix - 6;
  for (tries = 0; tries < 1000; tries++) {
    int fd;
    fill_unique(x);
    if (dir) {
      if (mkdir(tmpl, 0700) == 0) return 0;
    } else {
      fd = open(tmpl, O_RDWR | O_CREAT | O_EXCL, 0600);
      if (fd >= 0) return fd;
    }
    if (errno != EEXIST) break;
  }
  memcpy(x, "XXXXXX", 6);
  return -1;
}

int mkstemp(char *tmpl) { return make_unique(tmpl, 0, 0); }
int mkstemps(char *tmpl, int suffix) { return make_unique(tmpl, suffix, 0); }

char *mkdtemp(char *tmpl) { return make_unique(tmpl, 0, 1) < 0 ? 0 : tmpl; }

FILE *tmpfile(void) {
  char name[] = "/tmp/tmpfXXXXXX";
  int fd = mkstemp(name);
  FILE *f;
  if (fd < 0) return 0;
  unlink(name);
  f = fdopen(fd, "w+");
  if (!f) close(fd);
  return f;
}

char *tmpnam(char *s) {
  static char own[L_tmpnam];
  struct stat st;
  int tries;
  if (!s) s = own;
  for (tries = 0; tries < 1000; tries++) {
    strcpy(s, "/tmp/tmp");
    fill_unique(s + 8);
    s[14] = 0;
    if (lstat(s, &st) < 0 && errno == ENOENT) return s;
  }
  return 0;
}
