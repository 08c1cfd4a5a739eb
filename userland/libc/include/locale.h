/* locale.h: the one locale there is, "C" (whose multibyte functions decode UTF-8, as glibc's C.UTF-8). */
#ifndef _LOCALE_H
#define _LOCALE_H
#include <stddef.h>

#define LC_CTYPE 0
#define LC_NUMERIC 1
#define LC_TIME 2
#define LC_COLLATE 3
#define LC_MONETARY 4
#define LC_MESSAGES 5
#define LC_ALL 6

/* struct lconv in glibc's field order; the C locale's values ("." and otherwise empty strings / CHAR_MAX). */
struct lconv {
  char *decimal_point, *thousands_sep, *grouping, *int_curr_symbol, *currency_symbol, *mon_decimal_point,
      *mon_thousands_sep, *mon_grouping, *positive_sign, *negative_sign;
  char int_frac_digits, frac_digits, p_cs_precedes, p_sep_by_space, n_cs_precedes, n_sep_by_space, p_sign_posn,
      n_sign_posn, int_p_cs_precedes, int_p_sep_by_space, int_n_cs_precedes, int_n_sep_by_space, int_p_sign_posn,
      int_n_sign_posn;
};

/* setlocale(category, name): NULL name queries; "C", "POSIX" and "" (the environment's choice, which can
 * only be this locale) select "C", and "C.UTF-8"/"C.utf8" name it too; any other name, or a bad category,
 * gives NULL and changes nothing. */
char *setlocale(int category, const char *name);
struct lconv *localeconv(void);
#endif
