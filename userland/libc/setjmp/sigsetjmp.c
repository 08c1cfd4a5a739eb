/* The C half of sigsetjmp/siglongjmp: the signal mask (arch/riscv32/setjmp.s saves the registers). */
#include <setjmp.h>
#include <signal.h>

/* Called by sigsetjmp after the registers are saved; its 0 is sigsetjmp's first return. */
int __sigsetjmp_save(sigjmp_buf env, int savemask);

int __sigsetjmp_save(sigjmp_buf env, int savemask) {
  env->__mask_was_saved = savemask != 0 && sigprocmask(SIG_BLOCK, 0, &env->__mask) == 0;
  return 0;
}

void siglongjmp(sigjmp_buf env, int val) {
  if (env->__mask_was_saved) sigprocmask(SIG_SETMASK, &env->__mask, 0);
  longjmp(env, val);
}
