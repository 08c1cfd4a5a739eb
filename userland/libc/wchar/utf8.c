/* The UTF-8 multibyte conversions of the "C" locale (as glibc's C.UTF-8): mbrtowc, mbrlen, wcrtomb, mbsinit,
 * mbsrtowcs, wcsrtombs, btowc, wctob, and <stdlib.h>'s mblen, mbtowc, wctomb, mbstowcs, wcstombs.
 * An unfinished character's bytes wait in the mbstate_t (__count of them in __bytes) for the next call. */
#include <wchar.h>
#include <stdlib.h>
#include <errno.h>

#define INCOMPLETE ((size_t)-2)
#define INVALID ((size_t)-1)

/* Bytes a character starting with b takes (0: b cannot start one). */
static int sequence_length(unsigned char b) {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/* Whether b may follow `first` as byte `index` (1-3): the second byte's range rules out overlong forms,
 * surrogates (ED A0-BF) and values past U+10FFFF (F4 90-BF). */
static int continues(unsigned char first, int index, unsigned char b) {
  unsigned char lo = 0x80, hi = 0xbf;
  if (index == 1) {
    if (first == 0xe0) lo = 0xa0;
    else if (first == 0xed) hi = 0x9f;
    else if (first == 0xf0) lo = 0x90;
    else if (first == 0xf4) hi = 0x8f;
  }
  return b >= lo && b <= hi;
}

static mbstate_t internal_state;

size_t mbrtowc(wchar_t *pwc, const char *s, size_t n, mbstate_t *ps) {
  unsigned char seq[4];
  int have, need, i;
  size_t used = 0;
  unsigned int wc;
  if (!ps) ps = &internal_state;
  if (!s) {
    /* the state is reset; an unfinished character makes that an error */
    if (ps->__count) {
      ps->__count = 0;
      errno = EILSEQ;
      return INVALID;
    }
    return 0;
  }
  have = (int)(ps->__count & 7);
  for (i = 0; i < have; i++) seq[i] = ps->__bytes[i];
  if (have == 0) {
    if (n == 0) return INCOMPLETE;
    seq[0] = (unsigned char)s[used++];
    have = 1;
  }
  need = sequence_length(seq[0]);
  if (need == 0) goto bad;
  while (have < need) {
    if (used == n) {
      for (i = 0; i < have; i++) ps->__bytes[i] = seq[i];
      ps->__count = (unsigned)have;
      return INCOMPLETE;
    }
    if (!continues(seq[0], have, (unsigned char)s[used])) goto bad;
    seq[have++] = (unsigned char)s[used++];
  }
  ps->__count = 0;
  if (need == 1) wc = seq[0];
  else {
    wc = seq[0] & (0x7f >> need);
    for (i = 1; i < need; i++) wc = wc << 6 | (seq[i] & 0x3f);
  }
  if (pwc) *pwc = (wchar_t)wc;
  return wc == 0 ? 0 : used;
bad:
  ps->__count = 0;
  errno = EILSEQ;
  return INVALID;
}

size_t mbrlen(const char *s, size_t n, mbstate_t *ps) {
  static mbstate_t own;
  return mbrtowc(0, s, n, ps ? ps : &own);
}

size_t wcrtomb(char *s, wchar_t wc, mbstate_t *ps) {
  unsigned int c = (unsigned int)wc;
  (void)ps;
  if (!s) return 1;
  if (c < 0x80) {
    s[0] = (char)c;
    return 1;
  }
  if (c < 0x800) {
    s[0] = (char)(0xc0 | c >> 6);
    s[1] = (char)(0x80 | (c & 0x3f));
    return 2;
  }
  if ((c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff) {
    errno = EILSEQ;
    return INVALID;
  }
  if (c < 0x10000) {
    s[0] = (char)(0xe0 | c >> 12);
    s[1] = (char)(0x80 | (c >> 6 & 0x3f));
    s[2] = (char)(0x80 | (c & 0x3f));
    return 3;
  }
  s[0] = (char)(0xf0 | c >> 18);
  s[1] = (char)(0x80 | (c >> 12 & 0x3f));
  s[2] = (char)(0x80 | (c >> 6 & 0x3f));
  s[3] = (char)(0x80 | (c & 0x3f));
  return 4;
}

int mbsinit(const mbstate_t *ps) { return !ps || ps->__count == 0; }

size_t mbsrtowcs(wchar_t *dst, const char **src, size_t len, mbstate_t *ps) {
  const char *s = *src;
  size_t count = 0;
  static mbstate_t own;
  if (!ps) ps = &own;
  while (!dst || count < len) {
    wchar_t wc;
    size_t r = mbrtowc(&wc, s, 4, ps);
    if (r == INVALID) {
      if (dst) *src = s;
      return INVALID;
    }
    if (r == 0) {
      if (dst) {
        dst[count] = 0;
        *src = 0;
      }
      return count;
    }
    if (dst) dst[count] = wc;
    s += r;
    count++;
  }
  *src = s;
  return count;
}

size_t wcsrtombs(char *dst, const wchar_t **src, size_t len, mbstate_t *ps) {
  const wchar_t *w = *src;
  size_t count = 0;
  char buf[4];
  for (;; w++) {
    size_t r = wcrtomb(buf, *w, ps), i;
    if (r == INVALID) {
      if (dst) *src = w;
      return INVALID;
    }
    if (*w == 0) {
      if (dst) {
        if (count < len) {
          dst[count] = 0;
          *src = 0;
        } else {
          *src = w;
        }
      }
      return count;
    }
    if (dst) {
      if (count + r > len) {
        *src = w;
        return count;
      }
      for (i = 0; i < r; i++) dst[count + i] = buf[i];
    }
    count += r;
  }
}

wint_t btowc(int c) { return c >= 0 && c < 0x80 ? (wint_t)c : WEOF; }
int wctob(wint_t c) { return c < 0x80 ? (int)c : EOF; }

int mblen(const char *s, size_t n) {
  return mbtowc(0, s, n);
}

int mbtowc(wchar_t *pwc, const char *s, size_t n) {
  mbstate_t st = { 0, { 0, 0, 0, 0 } };
  size_t r;
  if (!s) return 0; /* UTF-8 has no shift states */
  r = mbrtowc(pwc, s, n, &st);
  if (r == INVALID || r == INCOMPLETE) {
    errno = EILSEQ;
    return -1;
  }
  return (int)r;
}

int wctomb(char *s, wchar_t wc) {
  if (!s) return 0;
  return (int)wcrtomb(s, wc, 0);
}

size_t mbstowcs(wchar_t *dst, const char *src, size_t n) {
  mbstate_t st = { 0, { 0, 0, 0, 0 } };
  return mbsrtowcs(dst, &src, n, &st);
}

size_t wcstombs(char *dst, const wchar_t *src, size_t n) {
  mbstate_t st = { 0, { 0, 0, 0, 0 } };
  return wcsrtombs(dst, &src, n, &st);
}
