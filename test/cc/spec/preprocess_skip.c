/* The preprocessor as gcc runs it: a skipped #if group is only scanned for directives (any bytes inside,
 * unterminated quotes too); #pragma push_macro/pop_macro (and through _Pragma); __has_include; __COUNTER__. */
#include "test.h"

#if 0
  stray @ and ` and a backslash \ here
  don't stop: an apostrophe ' opens nothing
  "an unterminated string
  #this_is_not_a_directive_we_know
  $ 1.2.3e+ 0x@@
#endif

#ifdef NOT_DEFINED_ANYWHERE
# error this group is skipped
  'multi
#elif 0
  @@@ ' "
#else
#define TAKEN_ELSE 1
#endif

#if 1
#define TAKEN_IF 1
#else
  unterminated ' in an else that is skipped
#endif

#define FOO 1
#pragma push_macro("FOO")
#undef FOO
#define FOO 2
int foo_inner = FOO;
#pragma push_macro("FOO")
#define FOO 3 /* redefined without #undef after a push: gcc warns, keeps going */
#pragma pop_macro("FOO")
int foo_mid = FOO;
#pragma pop_macro("FOO")
int foo_outer = FOO;

#pragma push_macro("NEVER_DEFINED")
#define NEVER_DEFINED 5
#pragma pop_macro("NEVER_DEFINED")
#ifdef NEVER_DEFINED
int never_defined = 1;
#else
int never_defined = 0;
#endif

#define BAR 10
_Pragma("push_macro(\"BAR\")")
#undef BAR
#define BAR 20
int bar_inner = BAR;
_Pragma("pop_macro(\"BAR\")")
int bar_outer = BAR;

#if defined(__has_include) && __has_include("test.h") && __has_include(<stdint.h>)
int has_present = 1;
#else
int has_present = 0;
#endif
#if __has_include("no/such/header.h") || __has_include(<no_such_header.h>)
int has_absent = 1;
#else
int has_absent = 0;
#endif
#define HDR <stddef.h>
#if __has_include(HDR)
int has_macro = 1;
#else
int has_macro = 0;
#endif

int c0 = __COUNTER__;
int c1 = __COUNTER__;
#define TWICE __COUNTER__ + __COUNTER__
int c23 = TWICE;

int main(void) {
  ASSERT(1, TAKEN_ELSE);
  ASSERT(1, TAKEN_IF);
  ASSERT(2, foo_inner);
  ASSERT(2, foo_mid);
  ASSERT(1, foo_outer);
  ASSERT(0, never_defined);
  ASSERT(20, bar_inner);
  ASSERT(10, bar_outer);
  ASSERT(1, has_present);
  ASSERT(0, has_absent);
  ASSERT(1, has_macro);
  ASSERT(0, c0);
  ASSERT(1, c1);
  ASSERT(5, c23);
  return t_done("preprocess_skip");
}
