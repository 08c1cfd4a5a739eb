/* <setjmp.h>, <strings.h>, <inttypes.h>/<stdint.h>, the <string.h> additions, <locale.h>, <wchar.h> and
 * <uchar.h>. Every expected value is glibc's: this file also builds against the host's glibc and must pass
 * there (test/userland/libc-posix.test.ts does so when a host gcc exists). */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uchar.h>
#include <wchar.h>
#include "test.h"

#ifdef __GLIBC__
/* with _GNU_SOURCE glibc's strerror_r is the GNU one; the POSIX one is here */
int __xpg_strerror_r(int errnum, char *buf, size_t size);
#define strerror_r __xpg_strerror_r
#endif
/* ILP32 facts: checked where the host is ILP32 too (the test also runs on a 64-bit host's glibc). */
#define ILP32 (UINTPTR_MAX == 0xffffffffu)

static jmp_buf env;
static int depth;

static void dive(int n) {
  char pad[64];
  pad[0] = (char)n;
  depth = n + pad[0] - n;
  if (n >= 5) longjmp(env, n * 10);
  if (n < 100) dive(n + 1);
}

static int zero_value(void) {
  volatile int first = 1;
  int r = setjmp(env);
  if (first) {
    first = 0;
    longjmp(env, 0);
  }
  return r;
}

/* Callee-saved registers hold their setjmp-time values after longjmp: `kept` lives in one across the call. */
static int callee_saved(void) {
  register int kept = 1234;
  volatile int round = 0;
  if (setjmp(env) == 0) {
    round = 1;
    dive(0);
  }
  return kept + round;
}

static void test_setjmp(void) {
  volatile int stage = 0;
  int r = setjmp(env);
  if (r == 0) {
    stage = 1;
    dive(0);
  }
  ASSERT(50, r);
  ASSERT(1, stage);
  ASSERT(5, depth);
  ASSERT(1, zero_value()); /* longjmp(env, 0) makes setjmp return 1 */
  ASSERT(1235, callee_saved());
  r = _setjmp(env);
  if (r == 0) _longjmp(env, 7);
  ASSERT(7, r);
}

static void test_sigsetjmp(void) {
  sigjmp_buf buf;
  sigset_t set, now;
  volatile int jumped = 0;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_SETMASK, &set, 0);
  if (sigsetjmp(buf, 1) == 0) {
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_SETMASK, &set, 0);
    jumped = 1;
    siglongjmp(buf, 3);
  }
  sigprocmask(SIG_SETMASK, 0, &now);
  ASSERT(1, jumped);
  ASSERT(1, sigismember(&now, SIGUSR1));
  ASSERT(0, sigismember(&now, SIGUSR2)); /* the saved mask came back */
  jumped = 0;
  if (sigsetjmp(buf, 0) == 0) {
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_SETMASK, &set, 0);
    jumped = 1;
    siglongjmp(buf, 1);
  }
  sigprocmask(SIG_SETMASK, 0, &now);
  ASSERT(1, sigismember(&now, SIGUSR2)); /* savemask 0: the mask stays as it was at the jump */
  sigemptyset(&set);
  sigprocmask(SIG_SETMASK, &set, 0);
}

static void test_strings(void) {
  char buf[8] = "abcdefg";
  ASSERT(0, ffs(0));
  ASSERT(1, ffs(1));
  ASSERT(4, ffs(8));
  ASSERT(32, ffs(INT_MIN));
  ASSERT(33, ffsll(1LL << 32));
  ASSERT(64, ffsll(LLONG_MIN));
  ASSERT(0, strcasecmp("HeLLo", "hello"));
  ASSERT(1, strcasecmp("b", "A") > 0);
  ASSERT(0, strncasecmp("ABCx", "abcy", 3));
  ASSERT(1, strncasecmp("ABCx", "abcy", 4) < 0);
  bzero(buf + 2, 3);
  ASSERT(0, buf[2] | buf[3] | buf[4]);
  ASSERT('f', buf[5]);
  ASSERT(0, bcmp("abc", "abc", 3));
  ASSERT(1, bcmp("abc", "abd", 3) != 0);
  ASSERT_STR("lo world", index("hello world", 'l') + 1);
  ASSERT_STR("ld", rindex("hello world", 'l'));
  ASSERT(1, index("abc", 'z') == 0);
}

static void test_inttypes(void) {
  char buf[96], *end;
  int64_t big = INT64_MIN;
  uint32_t u = UINT32_MAX;
  intptr_t ip = -5;
  imaxdiv_t d;
  snprintf(buf, sizeof buf, "%" PRId64 " %" PRIu32 " %" PRIx64 " %" PRIdPTR, big, u, (uint64_t)UINT64_MAX, ip);
  ASSERT_STR("-9223372036854775808 4294967295 ffffffffffffffff -5", buf);
  snprintf(buf, sizeof buf, "%" PRIi8 " %" PRIo16 " %" PRIX32 " %" PRIuMAX " %" PRIdFAST16, (int8_t)-5,
           (uint16_t)8, (uint32_t)0xabc, (uintmax_t)UINTMAX_MAX, (int_fast16_t)-7);
  ASSERT_STR("-5 10 ABC 18446744073709551615 -7", buf);
  ASSERT(1, INT8_MIN == -128 && INT8_MAX == 127 && UINT8_MAX == 255);
  ASSERT(1, INT16_MIN == -32768 && UINT16_MAX == 65535);
  ASSERT(1, INT32_MAX == 2147483647 && UINT32_MAX == 4294967295U);
  ASSERT(1, UINT64_MAX == 18446744073709551615ULL && INT64_MAX == 9223372036854775807LL);
  if (ILP32) {
    ASSERT(1, SIZE_MAX == 4294967295U && PTRDIFF_MAX == 2147483647 && INTPTR_MAX == 2147483647);
    ASSERT(1, UINTPTR_MAX == 4294967295U && PTRDIFF_MIN == INT32_MIN && INTPTR_MIN == INT32_MIN);
  }
  ASSERT(1, SIZE_MAX == (size_t)-1 && INTMAX_MAX == INT64_MAX && UINTMAX_MAX == UINT64_MAX);
  ASSERT(1, INT_LEAST8_MAX == 127 && INT_FAST32_MAX >= 2147483647 && UINT_LEAST64_MAX == UINT64_MAX);
  ASSERT(1, WINT_MIN == 0 && WCHAR_MAX == 2147483647);
  ASSERT(1, SIG_ATOMIC_MAX == 2147483647);
  ASSERT(8, sizeof(INT64_C(1)));
  ASSERT(4, sizeof(UINT32_C(1)));
  ASSERT(8, sizeof(UINTMAX_C(1)));
  ASSERT(5, imaxabs(-5));
  d = imaxdiv(-17, 5);
  ASSERT(-3, d.quot);
  ASSERT(-2, d.rem);
  errno = 0;
  ASSERT(INTMAX_MAX, strtoimax("99999999999999999999", &end, 10));
  ASSERT(ERANGE, errno);
  ASSERT(0, *end);
  errno = 0;
  ASSERT(-1, strtoimax("-0x1", 0, 0));
  ASSERT(0, errno);
  ASSERT(1, strtoumax("-1", 0, 10) == UINTMAX_MAX);
  ASSERT(0777, strtoumax("0777", &end, 0));
  ASSERT(0, *end);
}

static void test_string_additions(void) {
  char text[] = "a,b,,c", *p = text, *tok;
  char dst[16], err[64];
  ASSERT_STR("a", strsep(&p, ","));
  ASSERT_STR("b", strsep(&p, ","));
  ASSERT_STR("", strsep(&p, ","));
  tok = strsep(&p, ",");
  ASSERT_STR("c", tok);
  ASSERT(1, p == 0);
  ASSERT(1, strsep(&p, ",") == 0);
  ASSERT_STR("needle!", memmem("hay needle!", 11, "needle", 6));
  ASSERT(1, memmem("abc", 3, "abcd", 4) == 0);
  ASSERT_STR("abc", memmem("abc", 3, "", 0));
  ASSERT_STR("World", strcasestr("Hello World", "wORLD"));
  ASSERT(1, strcasestr("abc", "x") == 0);
  memset(dst, 'x', sizeof dst);
  ASSERT(3, stpncpy(dst, "abc", 6) - dst);
  ASSERT(0, dst[3] | dst[4] | dst[5]);
  ASSERT('x', dst[6]);
  ASSERT(2, stpncpy(dst, "abcdef", 2) - dst);
  ASSERT(4, (char *)memccpy(dst, "key=value", '=', 9) - dst);
  ASSERT(1, memccpy(dst, "novalue", '=', 7) == 0);
  ASSERT(5, strxfrm(dst, "hello", sizeof dst));
  ASSERT_STR("hello", dst);
  ASSERT(5, strxfrm(0, "hello", 0));
  ASSERT(1, strcoll("a", "b") < 0);
  ASSERT_STR("Success", strerror(0));
  ASSERT_STR("Operation not permitted", strerror(EPERM));
  ASSERT_STR("Cannot allocate memory", strerror(ENOMEM));
  ASSERT_STR("Inappropriate ioctl for device", strerror(ENOTTY));
  ASSERT_STR("Numerical result out of range", strerror(ERANGE));
  ASSERT_STR("Value too large for defined data type", strerror(EOVERFLOW));
  ASSERT_STR("Invalid or incomplete multibyte or wide character", strerror(EILSEQ));
  ASSERT_STR("Connection timed out", strerror(ETIMEDOUT));
  ASSERT_STR("Memory page has hardware error", strerror(EHWPOISON));
  ASSERT_STR("Unknown error 41", strerror(41));
  ASSERT_STR("Unknown error -1", strerror(-1));
  ASSERT(0, strerror_r(ENOENT, err, sizeof err));
  ASSERT_STR("No such file or directory", err);
  ASSERT(ERANGE, strerror_r(ENOENT, err, 6));
  ASSERT_STR("No su", err);
  ASSERT_STR("Segmentation fault", strsignal(SIGSEGV));
  ASSERT_STR("Hangup", strsignal(1));
  ASSERT_STR("Bad system call", strsignal(31));
  ASSERT_STR("Real-time signal 2", strsignal(36));
  ASSERT_STR("Unknown signal 65", strsignal(65));
  ASSERT_STR("Unknown signal 32", strsignal(32));
}

static void test_locale(void) {
  struct lconv *lc;
  ASSERT_STR("C", setlocale(LC_ALL, 0));
  ASSERT_STR("C", setlocale(LC_ALL, "POSIX"));
  ASSERT_STR("C", setlocale(LC_NUMERIC, "C"));
  ASSERT(1, setlocale(LC_ALL, "xx_YY.nothing") == 0);
  lc = localeconv();
  ASSERT_STR(".", lc->decimal_point);
  ASSERT_STR("", lc->thousands_sep);
  ASSERT_STR("", lc->currency_symbol);
  ASSERT(CHAR_MAX, lc->frac_digits);
  ASSERT(CHAR_MAX, lc->n_sign_posn);
  ASSERT_STR("C.UTF-8", setlocale(LC_ALL, "C.UTF-8"));
}

static void test_wide(void) {
  wchar_t w[16], wc;
  char mb[16];
  const char *src;
  const wchar_t *wsrc;
  mbstate_t st;
  char16_t c16;
  char32_t c32;
  memset(&st, 0, sizeof st);
  ASSERT(5, wcslen(L"héllo"));
  wcscpy(w, L"abc");
  wcscat(w, L"déf");
  ASSERT(0, wcscmp(w, L"abcdéf"));
  ASSERT(1, wcscmp(L"a", L"b") < 0);
  ASSERT(1, wcsncmp(L"abX", L"abY", 2) == 0);
  ASSERT(3, wcschr(w, L'd') - w);
  ASSERT(1, wcschr(w, L'z') == 0);
  ASSERT(4, wcsrchr(w, 0x00e9) - w);
  ASSERT(2, wcsstr(w, L"cd") - w);
  ASSERT(3, wcsspn(L"aabx", L"ab") );
  wmemset(w, L'q', 3);
  ASSERT(L'q', w[2]);
  wmemcpy(w, L"xyz", 3);
  ASSERT(0, wmemcmp(w, L"xyz", 3));
  ASSERT(1, wmemchr(w, L'z', 3) == w + 2);
  wmemmove(w + 1, w, 3);
  ASSERT(L'x', w[1]);
  ASSERT(1, WEOF == (wint_t)-1);
  ASSERT(1, mbsinit(&st));
  /* UTF-8 decoding, one character at a time */
  ASSERT(1, mbrtowc(&wc, "A", 1, &st));
  ASSERT('A', wc);
  ASSERT(2, mbrtowc(&wc, "\xc3\xa9", 2, &st));
  ASSERT(0xe9, wc);
  ASSERT(3, mbrtowc(&wc, "\xe2\x82\xac", 3, &st));
  ASSERT(0x20ac, wc);
  ASSERT(4, mbrtowc(&wc, "\xf0\x9f\x98\x80", 4, &st));
  ASSERT(0x1f600, wc);
  ASSERT(0, mbrtowc(&wc, "", 1, &st));
  ASSERT(0, wc);
  /* an unfinished character waits in the state */
  ASSERT((size_t)-2, mbrtowc(&wc, "\xe2\x82", 2, &st));
  ASSERT(0, mbsinit(&st));
  ASSERT(1, mbrtowc(&wc, "\xac", 1, &st));
  ASSERT(0x20ac, wc);
  ASSERT(1, mbsinit(&st));
  ASSERT((size_t)-2, mbrtowc(&wc, "\xf0", 1, &st));
  ASSERT((size_t)-2, mbrtowc(&wc, "\x9f\x98", 2, &st));
  ASSERT(1, mbrtowc(&wc, "\x80", 1, &st));
  ASSERT(0x1f600, wc);
  /* what UTF-8 forbids */
  errno = 0;
  ASSERT((size_t)-1, mbrtowc(&wc, "\xc0\x80", 2, &st)); /* overlong */
  ASSERT(EILSEQ, errno);
  memset(&st, 0, sizeof st);
  ASSERT((size_t)-1, mbrtowc(&wc, "\xed\xa0\x80", 3, &st)); /* a surrogate */
#ifndef __GLIBC__
  /* RFC 3629 ends at U+10FFFF (glibc 2.36's C.UTF-8 still takes the old forms up to 0x7fffffff) */
  memset(&st, 0, sizeof st);
  ASSERT((size_t)-1, mbrtowc(&wc, "\xf4\x90\x80\x80", 4, &st));
  ASSERT((size_t)-1, wcrtomb(mb, 0x110000, &st));
  ASSERT(4, MB_CUR_MAX);
#endif
  memset(&st, 0, sizeof st);
  ASSERT((size_t)-1, mbrtowc(&wc, "\x80", 1, &st));
  memset(&st, 0, sizeof st);
  ASSERT((size_t)-1, mbrtowc(&wc, "\xe2\x28\xa1", 3, &st));
  memset(&st, 0, sizeof st);
  ASSERT((size_t)-2, mbrtowc(&wc, "abc", 0, &st));
  ASSERT(3, mbrlen("\xe2\x82\xac", 3, 0));
  /* encoding */
  ASSERT(1, wcrtomb(mb, L'a', &st));
  ASSERT(2, wcrtomb(mb, 0xe9, &st));
  ASSERT(0, memcmp(mb, "\xc3\xa9", 2));
  ASSERT(3, wcrtomb(mb, 0xffff, &st));
  ASSERT(4, wcrtomb(mb, 0x10ffff, &st));
  ASSERT(0, memcmp(mb, "\xf4\x8f\xbf\xbf", 4));
  errno = 0;
  ASSERT((size_t)-1, wcrtomb(mb, 0xd800, &st));
  ASSERT(EILSEQ, errno);
  ASSERT(1, wcrtomb(0, L'x', &st));
  /* whole strings */
  ASSERT(4, mbstowcs(w, "a\xc3\xa9\xe2\x82\xac!", 16));
  ASSERT(0x20ac, w[2]);
  ASSERT(0, w[4]);
  ASSERT(4, mbstowcs(0, "a\xc3\xa9\xe2\x82\xac!", 0));
  ASSERT((size_t)-1, mbstowcs(w, "a\xff", 16));
  ASSERT(7, wcstombs(mb, L"a\u00e9\u20ac!", sizeof mb));
  ASSERT_STR("a\xc3\xa9\xe2\x82\xac!", mb);
  ASSERT(7, wcstombs(0, L"a\u00e9\u20ac!", 0));
  ASSERT(3, wcstombs(mb, L"a\u00e9\u20ac!", 4)); /* the euro sign does not fit in what is left */
  src = "xy\xc3\xa9";
  memset(&st, 0, sizeof st);
  ASSERT(2, mbsrtowcs(w, &src, 2, &st));
  ASSERT_STR("\xc3\xa9", src);
  wsrc = L"ok";
  ASSERT(2, wcsrtombs(mb, &wsrc, sizeof mb, &st));
  ASSERT(1, wsrc == 0);
  ASSERT(2, mbtowc(&wc, "\xc3\xa9", 2));
  ASSERT(0xe9, wc);
  ASSERT(-1, mbtowc(&wc, "\xc3", 1));
  ASSERT(0, mbtowc(0, 0, 0));
  ASSERT(3, mblen("\xe2\x82\xac", 3));
  ASSERT(4, wctomb(mb, 0x1f600));
  ASSERT(1, MB_CUR_MAX >= 4);
  ASSERT('a', btowc('a'));
  ASSERT(1, btowc(0xe9) == WEOF);
  ASSERT(1, btowc(EOF) == WEOF);
  ASSERT('z', wctob(L'z'));
  ASSERT(EOF, wctob(0xe9));
  /* UTF-16 and UTF-32 */
  memset(&st, 0, sizeof st);
  ASSERT(4, mbrtoc16(&c16, "\xf0\x9f\x98\x80", 4, &st));
  ASSERT(0xd83d, c16);
  ASSERT((size_t)-3, mbrtoc16(&c16, "", 0, &st));
  ASSERT(0xde00, c16);
  ASSERT(2, mbrtoc16(&c16, "\xc3\xa9", 2, &st));
  ASSERT(0xe9, c16);
  ASSERT(0, c16rtomb(mb, 0xd83d, &st));
  ASSERT(4, c16rtomb(mb, 0xde00, &st));
  ASSERT(0, memcmp(mb, "\xf0\x9f\x98\x80", 4));
  ASSERT(3, c16rtomb(mb, 0x20ac, &st));
  ASSERT((size_t)-1, c16rtomb(mb, 0xdc00, &st)); /* a lone low surrogate */
  memset(&st, 0, sizeof st);
  ASSERT(4, mbrtoc32(&c32, "\xf0\x9f\x98\x80", 4, &st));
  ASSERT(0x1f600, c32);
  ASSERT(3, c32rtomb(mb, 0x20ac, &st));
  ASSERT(0, memcmp(mb, "\xe2\x82\xac", 3));
  ASSERT((size_t)-1, c32rtomb(mb, 0xdfff, &st));
}

int main(void) {
  test_setjmp();
  test_sigsetjmp();
  test_strings();
  test_inttypes();
  test_string_additions();
  test_locale();
  test_wide();
  return test_summary("posix_test");
}
