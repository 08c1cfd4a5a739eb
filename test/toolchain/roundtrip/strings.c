/* Strings: literals in .rodata, copying, reversing, comparing, counting characters. */
#include "rt.h"

static int str_cmp(const char *a, const char *b) {
  while (*a && *a == *b) { a++; b++; }
  return (unsigned char)*a - (unsigned char)*b;
}

static void reverse(char *s) {
  size_t n = str_len(s);
  for (size_t i = 0; i < n / 2; i++) { char t = s[i]; s[i] = s[n - 1 - i]; s[n - 1 - i] = t; }
}

static void to_upper(char *s) {
  for (; *s; s++) if (*s >= 'a' && *s <= 'z') *s = (char)(*s - 'a' + 'A');
}

static const char *words[] = { "pagoda", "kernel", "assembler", "linker", "qemu", "risc-v", "" };

int main(void) {
  char buf[64];
  for (int i = 0; words[i][0]; i++) {
    size_t n = str_len(words[i]);
    memcpy(buf, words[i], n + 1);
    reverse(buf);
    put_str(words[i]); put_str(" -> "); put_str(buf);
    to_upper(buf);
    put_str(" -> "); put_str(buf); put_str(" len "); put_uint(n); put_char('\n');
  }
  int vowels = 0, others = 0;
  const char *text = "The quick brown fox jumps over the lazy dog, twice.";
  for (const char *p = text; *p; p++) {
    switch (*p | 0x20) {
      case 'a': case 'e': case 'i': case 'o': case 'u': vowels++; break;
      default: others++;
    }
  }
  put_line("vowels", vowels);
  put_line("others", others);
  put_line("cmp(pagoda,page)", str_cmp("pagoda", "page") > 0);
  put_line("cmp(abc,abc)", str_cmp("abc", "abc"));
  put_line("cmp(ab,abc)", str_cmp("ab", "abc") < 0);
  return 0;
}
