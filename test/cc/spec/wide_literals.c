/* Wide and Unicode literals as gcc gives them on RISC-V ilp32: wchar_t is int, char16_t unsigned short,
 * char32_t unsigned int; u8"" is UTF-8 in char; escapes and universal character names in each. */
#include "test.h"

static const int wide[] = L"a\u00e9\U0001F600z";
static const unsigned short utf16[] = u"a\u00e9\U0001F600z";
static const __CHAR32_TYPE__ utf32[] = U"a\u00e9\U0001F600z";
static const char utf8[] = u8"a\u00e9z";
static const int *wp = L"ptr";
static const int wide_cat[] = L"ab" "cd";

#define KIND(x) _Generic((x), __WCHAR_TYPE__: 1, __CHAR16_TYPE__: 2, __CHAR32_TYPE__: 3, char: 4, default: 0)
#define PKIND(x) _Generic((x), __WCHAR_TYPE__ *: 1, __CHAR16_TYPE__ *: 2, __CHAR32_TYPE__ *: 3, char *: 4, default: 0)

int main(void) {
  ASSERT(4, sizeof(L'a'));
  ASSERT(1, KIND(L'a'));
  ASSERT(2, KIND(u'a'));
  ASSERT(1, KIND(u'a' + 0));    /* char16_t promotes to int */
  ASSERT(1, _Generic((__WCHAR_TYPE__)0, int: 1, default: 0));
  ASSERT(1, _Generic((__CHAR16_TYPE__)0, unsigned short: 1, default: 0));
  ASSERT(4, sizeof(__CHAR32_TYPE__));
  ASSERT(1, U'\xffffffff' > 0);
  ASSERT(1, u'\xffff' > 0);
  ASSERT(3, KIND(U'a'));
  ASSERT(4, sizeof(U'a'));
  ASSERT(0x20ac, L'\u20ac');
  ASSERT(0x20ac, u'\u20ac');
  ASSERT(0x1F600, U'\U0001F600');
  ASSERT(-1, L'\xffffffff');
  ASSERT(0xffff, u'\xffff');
  ASSERT(1, PKIND(L"x"));
  ASSERT(2, PKIND(u"x"));
  ASSERT(3, PKIND(U"x"));
  ASSERT(4, PKIND(u8"x"));
  ASSERT(4 * 5, sizeof L"abcd");
  ASSERT(2 * 5, sizeof u"abcd");
  ASSERT(4 * 5, sizeof U"abcd");
  ASSERT(5, sizeof u8"abcd");
  ASSERT(5, sizeof wide / sizeof wide[0]);
  ASSERT(0xe9, wide[1]);
  ASSERT(0x1F600, wide[2]);
  ASSERT('z', wide[3]);
  ASSERT(0, wide[4]);
  ASSERT(6, sizeof utf16 / sizeof utf16[0]); /* the emoji is a surrogate pair */
  ASSERT(0xd83d, utf16[2]);
  ASSERT(0xde00, utf16[3]);
  ASSERT('z', utf16[4]);
  ASSERT(0x1F600, utf32[2]);
  ASSERT(5, sizeof utf8);
  ASSERT(0xc3, (unsigned char)utf8[1]);
  ASSERT(0xa9, (unsigned char)utf8[2]);
  ASSERT('t', wp[1]);
  ASSERT(5, sizeof wide_cat / sizeof wide_cat[0]);
  ASSERT('c', wide_cat[2]);
  const int *lw = L"\x41\101";
  ASSERT(0x41, lw[0]);
  ASSERT(0x41, lw[1]);
  ASSERT('B', L"AB"[1]);
  ASSERT(0xe9, L"é"[0]);
  ASSERT(0xe9, U"é"[0]);
  ASSERT(0xe9, u"é"[0]);
  ASSERT(3, sizeof "é");
  return t_done("wide_literals");
}
