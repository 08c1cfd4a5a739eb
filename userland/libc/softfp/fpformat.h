/* fpformat.h: the libc's internal view of binary floating-point values as integers, shared by printf,
 * strtod, scanf and the binary128 helpers. Nothing here needs the compiler's float types: a value is
 * its bit pattern (words, least significant first) and is taken apart into sign, significand and
 * power of two. */
#ifndef _PAGODA_FPFORMAT_H
#define _PAGODA_FPFORMAT_H
#include <stdint.h>

/* An IEEE 754 binary interchange format: binary32, binary64 or binary128. */
struct fpformat {
  int precision;  /* significand bits, the hidden one included: 24, 53, 113 */
  int expbits;    /* exponent field width: 8, 11, 15 */
  int words;      /* 32-bit words in the encoding: 1, 2, 4 */
};
extern const struct fpformat __fp_binary32, __fp_binary64, __fp_binary128;

enum fpkind { FP_FINITE, FP_INF, FP_NAN };

/* A value taken apart: (-1)^sign × mant × 2^e2 when finite. mant holds the raw significand
 * (with the hidden bit for normal numbers), least significant word first. */
struct fpparts {
  uint32_t mant[4];
  int e2;
  int sign;
  enum fpkind kind;
};

/* Splits the encoding bits[0..f->words) (least significant word first) into parts. */
void __fp_unpack(const struct fpformat *f, const uint32_t *bits, struct fpparts *out);

/* Rounding directions as in the RISC-V frm field (and <fenv.h>'s FE_* order here). */
enum fpround { RND_NEAREST_EVEN = 0, RND_ZERO = 1, RND_DOWN = 2, RND_UP = 3, RND_NEAREST_AWAY = 4 };

/* The current dynamic rounding mode (frm), 0..4 (arch/riscv32/frm.s). */
int __fp_rounding_mode(void);
/* ORs exception flags into fflags: NV 16, DZ 8, OF 4, UF 2, NX 1 (arch/riscv32/frm.s). */
void __fp_raise_flags(int flags);
#define FPX_NV 16
#define FPX_DZ 8
#define FPX_OF 4
#define FPX_UF 2
#define FPX_NX 1

/* Whether a value with the given sign, truncated to its kept part, moves one unit away from zero under
 * `mode`. lsb is the last kept bit (or digit parity), half_cmp says how the dropped part compares with
 * half a unit (-1 below, 0 exactly half, 1 above) and dropped_nonzero whether anything was dropped. */
int __fp_round_up(int mode, int sign, int lsb, int half_cmp, int dropped_nonzero);

/* Exact decimal expansion of mant × 2^e2 (mant: 4 words, least significant first).
 * Writes the significant digits ('0'..'9', no leading or trailing zeros) to digits, which must hold
 * __DECIMAL_MAX_DIGITS, and returns their count n, with *point set so the value is 0.d1d2..dn × 10^point.
 * Zero gives n = 0. Works for every binary128 value (up to 2^16384, down to 2^-16494). */
#define __DECIMAL_MAX_DIGITS 22000
int __decimal_expand(const uint32_t mant[4], int e2, char *digits, int *point);

/* Converts the text at s (leading space, sign, decimal or 0x hex float, inf, infinity, nan, nan(chars))
 * to format f, correctly rounded in the current rounding mode; stores the encoding in bits (f->words
 * words) and where the text ended in *end (s itself when nothing converted). Returns 0, or ERANGE on
 * overflow and on tiny inexact results (strtofp.c). */
int __strtofp(const char *s, char **end, const struct fpformat *f, uint32_t *bits);

#endif
