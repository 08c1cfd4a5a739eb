/* mbrtoc16, c16rtomb, mbrtoc32, c32rtomb. A surrogate half waiting in the mbstate_t is marked by PENDING in
 * __count, its value in __bytes[0..1]. */
#include <uchar.h>
#include <errno.h>

#define PENDING 0x100u

size_t mbrtoc32(char32_t *pc32, const char *s, size_t n, mbstate_t *ps) {
  static mbstate_t own;
  wchar_t wc;
  size_t r = mbrtowc(&wc, s, n, ps ? ps : &own);
  if (r <= 4 && pc32 && s) *pc32 = (char32_t)wc;
  return r;
}

size_t c32rtomb(char *s, char32_t c32, mbstate_t *ps) {
  return wcrtomb(s, (wchar_t)c32, ps);
}

size_t mbrtoc16(char16_t *pc16, const char *s, size_t n, mbstate_t *ps) {
  static mbstate_t own;
  wchar_t wc;
  size_t r;
  if (!ps) ps = &own;
  if (ps->__count & PENDING) {
    /* the low surrogate of the last character: no bytes read */
    if (pc16) *pc16 = (char16_t)(ps->__bytes[0] | ps->__bytes[1] << 8);
    ps->__count = 0;
    return (size_t)-3;
  }
  r = mbrtowc(&wc, s, n, ps);
  if (r > 4 || !s) return r;
  if ((unsigned)wc > 0xffff) {
    unsigned v = (unsigned)wc - 0x10000;
    unsigned low = 0xdc00 | (v & 0x3ff);
    if (pc16) *pc16 = (char16_t)(0xd800 | v >> 10);
    ps->__bytes[0] = (unsigned char)low;
    ps->__bytes[1] = (unsigned char)(low >> 8);
    ps->__count = PENDING;
  } else if (pc16) {
    *pc16 = (char16_t)wc;
  }
  return r;
}

size_t c16rtomb(char *s, char16_t c16, mbstate_t *ps) {
  static mbstate_t own;
  unsigned c = c16;
  if (!ps) ps = &own;
  if (!s) {
    ps->__count = 0;
    return 1;
  }
  if (ps->__count & PENDING) {
    unsigned high = ps->__bytes[0] | ps->__bytes[1] << 8;
    ps->__count = 0;
    if (c < 0xdc00 || c > 0xdfff) {
      errno = EILSEQ;
      return (size_t)-1;
    }
    return wcrtomb(s, (wchar_t)(0x10000 + ((high - 0xd800) << 10) + (c - 0xdc00)), 0);
  }
  if (c >= 0xd800 && c <= 0xdbff) {
    ps->__bytes[0] = (unsigned char)c;
    ps->__bytes[1] = (unsigned char)(c >> 8);
    ps->__count = PENDING;
    return 0;
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    errno = EILSEQ;
    return (size_t)-1;
  }
  return wcrtomb(s, (wchar_t)c, 0);
}
