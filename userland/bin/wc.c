/* wc [-l] [-w] [-c] [FILE...]: counts lines, words and bytes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int show_l, show_w, show_c;
static long tl, tw, tc;

static void print_counts(long l, long w, long c, const char *name) {
  if (show_l) printf("%7ld", l);
  if (show_w) printf(" %7ld", w);
  if (show_c) printf(" %7ld", c);
  if (name) printf(" %s", name);
  printf("\n");
}

static int count(int fd, const char *name) {
  static char buf[8192];
  long n, l = 0, w = 0, c = 0;
  int inword = 0;
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    long i;
    for (i = 0; i < n; i++) {
      char ch = buf[i];
      c++;
      if (ch == '\n') l++;
      if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f') inword = 0;
      else if (!inword) { inword = 1; w++; }
    }
  }
  if (n < 0) {
    fprintf(stderr, "wc: %s: %s\n", name ? name : "-", strerror(errno));
    return 1;
  }
  print_counts(l, w, c, name);
  tl += l; tw += w; tc += c;
  return 0;
}

int main(int argc, char **argv) {
  int i, files = 0, status = 0;
  for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    const char *p = argv[i] + 1;
    for (; *p; p++) {
      if (*p == 'l') show_l = 1;
      else if (*p == 'w') show_w = 1;
      else if (*p == 'c') show_c = 1;
      else { fprintf(stderr, "wc: unknown option -%c\n", *p); return 2; }
    }
  }
  if (!show_l && !show_w && !show_c) show_l = show_w = show_c = 1;
  if (i == argc) return count(0, 0);
  for (; i < argc; i++) {
    int fd = open(argv[i], O_RDONLY);
    files++;
    if (fd < 0) {
      fprintf(stderr, "wc: %s: %s\n", argv[i], strerror(errno));
      status = 1;
      continue;
    }
    status |= count(fd, argv[i]);
    close(fd);
  }
  if (files > 1) print_counts(tl, tw, tc, "total");
  return status;
}
