/* assert.h: assert(expr) prints "Assertion failed: EXPR (FILE: FUNC: LINE)" and aborts; off with NDEBUG. */
#undef assert
#ifdef NDEBUG
#define assert(x) ((void)0)
#else
#define assert(x) ((void)((x) || (__assert_fail(#x, __FILE__, __LINE__, __func__), 0)))
#endif
#ifndef _ASSERT_H
#define _ASSERT_H
void __assert_fail(const char *expr, const char *file, int line, const char *func);
#define static_assert _Static_assert
#endif
