#include "test.h"
#include "pp_helper.h"
#include "pp_helper.h"
/* The preprocessor: object/function-like macros, # and ##, __VA_ARGS__, conditionals, include guards,
 * #pragma once, predefined macros, #line. */
#define ONE 1
#define TWO (ONE + ONE)
#define SQUARE(x) ((x) * (x))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define STR(x) #x
#define XSTR(x) STR(x)
#define CAT(a, b) a##b
#define CAT3(a, b, c) a##b##c
#define VA(...) sum_args(__VA_ARGS__)
#define COUNT(...) count_args(0, ##__VA_ARGS__)
#define NAMED(fmt, args...) count_args(fmt, ##args)
#define EMPTY
#define SELF SELF
#define RECUR(x) x + RECUR
#define F(x) G(x)
#define G(x) x * 2
#define H() 7
#define PAREN (1 + 2)
#define FN_LIKE_NAME(x) x
int sum_args(int a, int b, int c) { return a + b + c; }
int count_args(int first, ...) { return first; }
int SELF = 3;
int RECUR = 4;
int main(void) {
  ASSERT(1, ONE);
  ASSERT(2, TWO);
  ASSERT(25, SQUARE(5));
  ASSERT(25, SQUARE(2 + 3));
  ASSERT(9, MAX(4, 9));
  ASSERT(0, STR(abc)[3]);
  ASSERT(97, STR(abc)[0]);
  ASSERT(6, sizeof(STR(a + b)));
  ASSERT(3, sizeof(XSTR(TWO)) - sizeof("(1 + 1)") + 3);
  ASSERT(14, sizeof(STR("quote\n" 'c')));
  int xy = 11;
  ASSERT(11, CAT(x, y));
  ASSERT(123, CAT3(1, 2, 3));
  ASSERT(6, VA(1, 2, 3));
  ASSERT(0, COUNT());
  ASSERT(5, NAMED(5));
  ASSERT(3, SELF);
  ASSERT(4 + 4, RECUR(4));
  ASSERT(10, F(5));
  ASSERT(7, H());
  ASSERT(3, PAREN EMPTY);
  ASSERT(2, FN_LIKE_NAME(2));
  int FN_LIKE_NAME = 8;
  ASSERT(8, FN_LIKE_NAME);
  ASSERT(42, HELPER_VALUE);
  ASSERT(1, helper_included);
#if 1 + 1 == 2 && defined(ONE) && !defined(NOPE)
  int a = 1;
#else
  int a = 2;
#endif
  ASSERT(1, a);
#if 0
  #error must not fire
  this is skipped, even with an unterminated ' quote
#elif TWO == 2
  int b = 20;
#else
  int b = 30;
#endif
  ASSERT(20, b);
#ifdef ONE
  int c = 1;
#endif
#ifndef ONE
  c = 2;
#endif
  ASSERT(1, c);
#if defined NOPE || (-1 < 0 && 0x10 == 16 && (3 ? 1 : 0) && 10 / 3 == 3 && 1 << 4 == 16)
  int d = 1;
#else
  int d = 0;
#endif
  ASSERT(1, d);
#if -1 > 0u
  int e = 1;
#else
  int e = 0;
#endif
  ASSERT(1, e);
#if UNDEFINED_MACRO == 0
  int f = 5;
#endif
  ASSERT(5, f);
#undef ONE
#ifdef ONE
  int g = 1;
#else
  int g = 0;
#endif
  ASSERT(0, g);
  ASSERT(1, __STDC__);
  ASSERT(201112, __STDC_VERSION__);
  ASSERT(1, __riscv);
  ASSERT(32, __riscv_xlen);
#ifdef __pagoda__
  ASSERT(1, __ILP32__);
#endif
  ASSERT(108, __LINE__);
#line 500
  ASSERT(500, __LINE__);
  ASSERT(1, sizeof(__FILE__) > 1);
  ASSERT(12, sizeof(__DATE__));
  ASSERT(9, sizeof(__TIME__));
#ifdef __pagoda__
  ASSERT(1, __pagoda__);
#endif
#define multi_line(a, b) \
  ((a) + \
   (b))
  ASSERT(7, multi_line(3, 4));
#define NESTED_ARGS(x) x
  ASSERT(3, NESTED_ARGS(sum_args(1, 1, 1)));
#define APPLY(m, v) m(v)
  ASSERT(16, APPLY(SQUARE, 4));
#if __COUNTER__ == 0 && __COUNTER__ == 1
  int h = 1;
#else
  int h = 0;
#endif
  ASSERT(1, h);
  return t_done("preproc");
}
