/* Switch statements: dense ones become jump tables in .rodata, sparse ones compare chains; a state machine. */
#include "rt.h"

static const char *day(int d) {
  switch (d) {
    case 0: return "sun"; case 1: return "mon"; case 2: return "tue"; case 3: return "wed";
    case 4: return "thu"; case 5: return "fri"; case 6: return "sat";
    default: return "???";
  }
}

static int op(int code, int a, int b) {
  switch (code) {
    case 10: return a + b;
    case 11: return a - b;
    case 12: return a * b;
    case 13: return b ? a / b : 0;
    case 14: return b ? a % b : 0;
    case 15: return a & b;
    case 16: return a | b;
    case 17: return a ^ b;
    case 18: return a << (b & 31);
    case 19: return a >> (b & 31);
    default: return -1;
  }
}

static int sparse(int v) {
  switch (v) {
    case -1000: return 1;
    case 7: return 2;
    case 4096: return 3;
    case 123456: return 4;
    default: return 0;
  }
}

/* Counts words, numbers and punctuation with a small state machine. */
static void scan(const char *s) {
  enum { SPACE, WORD, NUMBER } state = SPACE;
  int words = 0, numbers = 0, punct = 0;
  for (; *s; s++) {
    char c = *s;
    switch (state) {
      case SPACE:
        if (c >= '0' && c <= '9') { state = NUMBER; numbers++; }
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') { state = WORD; words++; }
        else if (c != ' ') punct++;
        break;
      case WORD:
        if (c == ' ') state = SPACE; else if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) { punct++; state = SPACE; }
        break;
      case NUMBER:
        if (c == ' ') state = SPACE; else if (!(c >= '0' && c <= '9')) { punct++; state = SPACE; }
        break;
    }
  }
  put_line("words", words); put_line("numbers", numbers); put_line("punct", punct);
}

int main(void) {
  for (int d = -1; d <= 7; d++) { put_str(day(d)); put_char(' '); }
  put_char('\n');
  for (int c = 9; c <= 20; c++) { put_int(op(c, 1000, 7)); put_char(' '); }
  put_char('\n');
  int vs[] = { -1000, 7, 4096, 123456, 5, 0 };
  for (int i = 0; i < 6; i++) put_int(sparse(vs[i]));
  put_char('\n');
  scan("In 2026, 3 agents wrote 12 files; tests pass!");
  return 0;
}
