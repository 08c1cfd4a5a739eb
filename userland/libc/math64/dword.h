/* dword.h: a 64-bit integer seen as two 32-bit words (little-endian RISC-V), so the 64-bit
 * helpers can be written with 32-bit operations only and never call one another by accident. */
#ifndef _PAGODA_DWORD_H
#define _PAGODA_DWORD_H

typedef union {
  unsigned long long u;
  long long s;
  struct {
    unsigned lo;
    unsigned hi;
  } w;
} dword;

/* Unsigned 64-bit division n / d with remainder, in 32-bit steps. Division by zero gives the
 * RISC-V divu answers (all-ones quotient, remainder n). */
void __pagoda_udivmod64(dword n, dword d, dword *q, dword *r);

#endif
