/* alloca.h: space on the caller's stack, given back when the calling function returns (GNU). The compiler
 * does it inline (__builtin_alloca: sp moves down by the size rounded to 16); there is no library function. */
#ifndef _ALLOCA_H
#define _ALLOCA_H
#include <stddef.h>
void *alloca(size_t size);
#define alloca(size) __builtin_alloca(size)
#endif
