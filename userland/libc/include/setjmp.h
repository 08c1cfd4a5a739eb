/* setjmp.h: non-local jumps. A jmp_buf holds ra, sp, s0-s11 and fs0-fs11 (the callee-saved registers of both
 * the ilp32 and ilp32d ABIs, so one libc serves both on an RV32IMAFD machine), then, for sigsetjmp, whether
 * the signal mask was saved and the mask. setjmp and _setjmp do not save the mask (glibc's default);
 * longjmp(env, 0) makes setjmp return 1. */
#ifndef _SETJMP_H
#define _SETJMP_H
#include <signal.h>

typedef struct __jmp_buf_tag {
  unsigned long __ra, __sp, __s[12];   /* offsets 0, 4, 8..55 */
  unsigned long long __fs[12];         /* offsets 56..151 (fs0-fs11 as raw 64-bit patterns) */
  int __mask_was_saved;                /* offset 152 */
  sigset_t __mask;                     /* offset 156 */
} jmp_buf[1];
typedef jmp_buf sigjmp_buf;

int setjmp(jmp_buf env) __attribute__((returns_twice));
int _setjmp(jmp_buf env) __attribute__((returns_twice));
/* sigsetjmp(env, savemask): as setjmp; a non-zero savemask also saves the signal mask for siglongjmp. */
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
void longjmp(jmp_buf env, int val) __attribute__((noreturn));
void _longjmp(jmp_buf env, int val) __attribute__((noreturn));
/* siglongjmp: restores the mask sigsetjmp saved (if it did), then jumps as longjmp. */
void siglongjmp(sigjmp_buf env, int val) __attribute__((noreturn));
#define setjmp setjmp
#endif
