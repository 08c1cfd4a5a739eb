/* switch dispatch: dense cases through a jump table (bounds check, holes going to default), sparse ones
 * through compares, case ranges (gcc's `case a ... b:`) in both, on every integer type, long long too. */
#include "test.h"

int dense(int x) {
  switch (x) {
  case 0: return 100;
  case 1: return 101;
  case 2: return 102;
  case 4: return 104; /* 3 is a hole */
  case 5: return 105;
  case 6: return 106;
  default: return -1;
  }
}

int negative(int x) {
  switch (x) {
  case -3: return 3;
  case -2: return 2;
  case -1: return 1;
  case 0: return 0;
  case 1: return -1;
  case 2: return -2;
  }
  return 99;
}

int fallthrough(int x) {
  int r = 0;
  switch (x) {
  case 10: r += 1;
  case 11: r += 10;
  case 12: r += 100; break;
  default: r = -5;
  case 13: r += 1000;
  case 14: r += 10000; break;
  case 15: r = 7;
  }
  return r;
}

int ranges(int x) {
  switch (x) {
  case 'a' ... 'z': return 1;
  case 'A' ... 'Z': return 2;
  case '0' ... '9': return 3;
  case '_': return 4;
  case ' ': return 5;
  default: return 0;
  }
}

unsigned high(unsigned x) {
  switch (x) {
  case 0xfffffff8u: return 1;
  case 0xfffffff9u: return 2;
  case 0xfffffffau: return 3;
  case 0xfffffffcu: return 4;
  case 0xfffffffdu: return 5;
  case 0xffffffffu: return 6;
  }
  return 0;
}

int big_signed(int x) {
  switch (x) {
  case 0x7ffffffa: return 1;
  case 0x7ffffffb: return 2;
  case 0x7ffffffc: return 3;
  case 0x7ffffffd: return 4;
  case 0x7fffffff: return 5;
  case -0x7fffffff - 1: return 6;
  }
  return 0;
}

int offset_base(int x) {
  switch (x) {
  case 5000: return 1;
  case 5001: return 2;
  case 5002: return 3;
  case 5003: return 4;
  case 5005: return 5;
  default: return 0;
  }
}

int sparse(int x) {
  switch (x) {
  case 1: return 1;
  case 100: return 2;
  case 10000: return 3;
  case 1000000: return 4;
  case -7: return 5;
  case 77777: return 6;
  }
  return 0;
}

int by_char(signed char c) {
  switch (c) {
  case -128: return 1;
  case -127: return 2;
  case -126: return 3;
  case 126: return 4;
  case 127: return 5;
  case 0: return 6;
  default: return 0;
  }
}

int by_uchar(unsigned char c) {
  switch (c) {
  case 250: return 1;
  case 251: return 2;
  case 252: return 3;
  case 253: return 4;
  case 254: return 5;
  case 255: return 6;
  }
  return 0;
}

int by_short(short s) {
  switch (s) {
  case -2: return 1;
  case -1: return 2;
  case 0: return 3;
  case 1: return 4;
  case 2: return 5;
  }
  return 0;
}

int by_ll(long long v) {
  switch (v) {
  case 0x100000000LL: return 1;
  case 0x100000001LL ... 0x100000010LL: return 2;
  case -1: return 3;
  case -10 ... -2: return 4;
  case 0xfffffffeLL ... 0xffffffffLL: return 5;
  case 5: return 6;
  }
  return 0;
}

unsigned by_ull(unsigned long long v) {
  switch (v) {
  case 0xffffffff00000000ULL ... 0xffffffff0000ffffULL: return 1;
  case 0x00000001ffffffffULL ... 0x0000000200000001ULL: return 2;
  }
  return 0;
}

int nested(int a, int b) {
  switch (a) {
  case 0:
  case 1:
  case 2:
    switch (b) {
    case 0: return 10 * a;
    case 1: return 10 * a + 1;
    case 2: return 10 * a + 2;
    case 3: return 10 * a + 3;
    case 4: return 10 * a + 4;
    default: break;
    }
    return -a;
  case 3: return 300;
  case 4: return 400;
  case 5: return 500;
  }
  return -100;
}

int in_loop(int n) {
  int sum = 0;
  for (int i = 0; i < n; i++) {
    switch (i % 8) {
    case 0: sum += 1; continue;
    case 1: sum += 2; break;
    case 2: sum += 4; break;
    case 3: sum += 8; break;
    case 4: continue;
    case 5: sum += 32; break;
    default: sum += 1000; break;
    }
    sum += 100000;
  }
  return sum;
}

/* a VM-style interpreter: the case the jump table is for */
int run(const unsigned char *code) {
  int stack[16];
  int sp = 0;
  for (int pc = 0;;) {
    switch (code[pc++]) {
    case 0: return stack[sp - 1];
    case 1: stack[sp++] = code[pc++]; break;
    case 2: sp--; stack[sp - 1] += stack[sp]; break;
    case 3: sp--; stack[sp - 1] -= stack[sp]; break;
    case 4: sp--; stack[sp - 1] *= stack[sp]; break;
    case 5: stack[sp] = stack[sp - 1]; sp++; break;
    case 6: if (stack[--sp]) pc = code[pc]; else pc++; break;
    case 7: pc = code[pc]; break;
    case 8: { int t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t; } break;
    default: return -1;
    }
  }
}

int main(void) {
  ASSERT(100, dense(0));
  ASSERT(102, dense(2));
  ASSERT(-1, dense(3));
  ASSERT(106, dense(6));
  ASSERT(-1, dense(7));
  ASSERT(-1, dense(-1));
  ASSERT(-1, dense(0x7fffffff));
  ASSERT(-1, dense(-0x7fffffff - 1));
  ASSERT(3, negative(-3));
  ASSERT(-2, negative(2));
  ASSERT(99, negative(-4));
  ASSERT(99, negative(3));
  ASSERT(111, fallthrough(10));
  ASSERT(110, fallthrough(11));
  ASSERT(100, fallthrough(12));
  ASSERT(10995, fallthrough(99));
  ASSERT(11000, fallthrough(13));
  ASSERT(10000, fallthrough(14));
  ASSERT(7, fallthrough(15));
  ASSERT(1, ranges('q'));
  ASSERT(2, ranges('Q'));
  ASSERT(3, ranges('7'));
  ASSERT(4, ranges('_'));
  ASSERT(5, ranges(' '));
  ASSERT(0, ranges('@'));
  ASSERT(0, ranges(200));
  ASSERT(1, high(0xfffffff8u));
  ASSERT(3, high(0xfffffffau));
  ASSERT(0, high(0xfffffffbu));
  ASSERT(6, high(0xffffffffu));
  ASSERT(0, high(7));
  ASSERT(1, big_signed(0x7ffffffa));
  ASSERT(5, big_signed(0x7fffffff));
  ASSERT(6, big_signed(-0x7fffffff - 1));
  ASSERT(0, big_signed(0x7ffffffe));
  ASSERT(0, big_signed(0));
  ASSERT(1, offset_base(5000));
  ASSERT(5, offset_base(5005));
  ASSERT(0, offset_base(5004));
  ASSERT(0, offset_base(4999));
  ASSERT(4, sparse(1000000));
  ASSERT(5, sparse(-7));
  ASSERT(0, sparse(2));
  ASSERT(1, by_char(-128));
  ASSERT(5, by_char(127));
  ASSERT(6, by_char(0));
  ASSERT(0, by_char(1));
  ASSERT(1, by_uchar(250));
  ASSERT(6, by_uchar(255));
  ASSERT(0, by_uchar(0));
  ASSERT(1, by_short(-2));
  ASSERT(5, by_short(2));
  ASSERT(0, by_short(-3));
  ASSERT(1, by_ll(0x100000000LL));
  ASSERT(2, by_ll(0x100000005LL));
  ASSERT(2, by_ll(0x100000010LL));
  ASSERT(0, by_ll(0x100000011LL));
  ASSERT(3, by_ll(-1));
  ASSERT(4, by_ll(-10));
  ASSERT(4, by_ll(-2));
  ASSERT(0, by_ll(-11));
  ASSERT(5, by_ll(0xfffffffeLL));
  ASSERT(5, by_ll(0xffffffffLL));
  ASSERT(0, by_ll(0xfffffffdLL));
  ASSERT(6, by_ll(5));
  ASSERT(0, by_ll(0x200000005LL));
  ASSERT(1, by_ull(0xffffffff00000000ULL));
  ASSERT(1, by_ull(0xffffffff0000ffffULL));
  ASSERT(0, by_ull(0xffffffff00010000ULL));
  ASSERT(0, by_ull(0xfffffffeffffffffULL));
  ASSERT(2, by_ull(0x00000001ffffffffULL));
  ASSERT(2, by_ull(0x0000000200000000ULL));
  ASSERT(2, by_ull(0x0000000200000001ULL));
  ASSERT(0, by_ull(0x0000000200000002ULL));
  ASSERT(0, by_ull(0x00000001fffffffeULL));
  ASSERT(12, nested(1, 2));
  ASSERT(-2, nested(2, 7));
  ASSERT(400, nested(4, 0));
  ASSERT(-100, nested(9, 0));
  ASSERT(2 * (1 + 2 + 4 + 8 + 32 + 2000) + 2 * 100000 * 6, in_loop(16));
  ASSERT(-1, run((const unsigned char[]){ 9 }));
  ASSERT(42, run((const unsigned char[]){ 1, 20, 1, 22, 2, 0 }));
  ASSERT(1761, run((const unsigned char[]){ 1, 20, 1, 22, 2, 5, 4, 1, 3, 3, 0 }));
  ASSERT(-3, run((const unsigned char[]){ 1, 7, 1, 4, 8, 3, 0 })); /* 4 - 7 after the swap */
  ASSERT(9, run((const unsigned char[]){ 1, 0, 6, 7, 1, 9, 0, 1, 5, 0 })); /* zero: branch not taken */
  ASSERT(8, run((const unsigned char[]){ 1, 1, 6, 7, 1, 5, 0, 1, 8, 0 })); /* non-zero: jumps to 7 */
  return t_done("switch_table");
}
