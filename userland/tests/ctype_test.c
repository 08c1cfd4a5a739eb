/* ctype.h: every class over the whole ASCII range and EOF, against a reference written out. */
#include <ctype.h>
#include <stdio.h>
#include "test.h"

static int in(const char *set, int c) {
  for (; *set; set++)
    if (*set == c) return 1;
  return 0;
}

int main(void) {
  int c;
  const char *digits = "0123456789";
  const char *upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const char *lower = "abcdefghijklmnopqrstuvwxyz";
  const char *punct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  for (c = 0; c < 256; c++) {
    int d = c != 0 && in(digits, c), u = c != 0 && in(upper, c), l = c != 0 && in(lower, c);
    int p = c != 0 && in(punct, c);
    ASSERT(d, isdigit(c) != 0);
    ASSERT(u, isupper(c) != 0);
    ASSERT(l, islower(c) != 0);
    ASSERT(u || l, isalpha(c) != 0);
    ASSERT(u || l || d, isalnum(c) != 0);
    ASSERT(p, ispunct(c) != 0);
    ASSERT(c == ' ' || (c >= 9 && c <= 13), isspace(c) != 0);
    ASSERT(c == ' ' || c == '\t', isblank(c) != 0);
    ASSERT(c < 32 || c == 127, iscntrl(c) != 0);
    ASSERT(c >= 32 && c < 127, isprint(c) != 0);
    ASSERT(c > 32 && c < 127, isgraph(c) != 0);
    ASSERT(d || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'), isxdigit(c) != 0);
    ASSERT(u ? c + 32 : c, tolower(c));
    ASSERT(l ? c - 32 : c, toupper(c));
  }
  ASSERT(0, isalpha(EOF));
  ASSERT(0, isspace(EOF));
  ASSERT(EOF, tolower(EOF));
  return test_summary("ctype_test");
}
