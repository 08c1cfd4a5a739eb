# fenv.s: <fenv.h> on the fcsr CSR (RISC-V F: fflags bits 0-4 = NX UF OF DZ NV, frm bits 5-7).
# The FE_* exception macros are the fflags bits and the rounding macros the frm encodings, so each function
# is a CSR access. RISC-V never traps on FP exceptions: every mode is "non-stop", so feholdexcept only
# saves the environment and clears the flags. fenv_t is the whole fcsr; FE_DFL_ENV is (const fenv_t *)-1.
	.option	arch, +f, +d	# F/D instructions whatever -march the libc is assembled with
	.text
	.globl	feclearexcept		# int feclearexcept(int excepts)
	.type	feclearexcept, @function
feclearexcept:
	andi	a0, a0, 0x1f
	csrc	fflags, a0
	li	a0, 0
	ret
	.size	feclearexcept, .-feclearexcept

	.globl	feraiseexcept		# int feraiseexcept(int excepts)
	.type	feraiseexcept, @function
feraiseexcept:
	andi	a0, a0, 0x1f
	csrs	fflags, a0
	li	a0, 0
	ret
	.size	feraiseexcept, .-feraiseexcept

	.globl	fetestexcept		# int fetestexcept(int excepts)
	.type	fetestexcept, @function
fetestexcept:
	frflags	t0
	and	a0, a0, t0
	andi	a0, a0, 0x1f
	ret
	.size	fetestexcept, .-fetestexcept

	.globl	fegetexceptflag		# int fegetexceptflag(fexcept_t *flagp, int excepts)
	.type	fegetexceptflag, @function
fegetexceptflag:
	frflags	t0
	and	t0, t0, a1
	andi	t0, t0, 0x1f
	sw	t0, 0(a0)
	li	a0, 0
	ret
	.size	fegetexceptflag, .-fegetexceptflag

	.globl	fesetexceptflag		# int fesetexceptflag(const fexcept_t *flagp, int excepts)
	.type	fesetexceptflag, @function
fesetexceptflag:
	andi	a1, a1, 0x1f
	lw	t0, 0(a0)
	and	t0, t0, a1
	csrc	fflags, a1
	csrs	fflags, t0
	li	a0, 0
	ret
	.size	fesetexceptflag, .-fesetexceptflag

	.globl	fegetround		# int fegetround(void)
	.type	fegetround, @function
fegetround:
	frrm	a0
	ret
	.size	fegetround, .-fegetround

	.globl	fesetround		# int fesetround(int round): 0, or nonzero for a mode that is not one of the four
	.type	fesetround, @function
fesetround:
	sltiu	t0, a0, 4
	beqz	t0, 1f
	fsrm	a0
	li	a0, 0
	ret
1:	li	a0, -1
	ret
	.size	fesetround, .-fesetround

	.globl	fegetenv		# int fegetenv(fenv_t *envp)
	.type	fegetenv, @function
fegetenv:
	frcsr	t0
	sw	t0, 0(a0)
	li	a0, 0
	ret
	.size	fegetenv, .-fegetenv

	.globl	fesetenv		# int fesetenv(const fenv_t *envp): FE_DFL_ENV is round-to-nearest, no flags
	.type	fesetenv, @function
fesetenv:
	li	t0, 0
	li	t1, -1
	beq	a0, t1, 1f
	lw	t0, 0(a0)
1:	fscsr	t0
	li	a0, 0
	ret
	.size	fesetenv, .-fesetenv

	.globl	feholdexcept		# int feholdexcept(fenv_t *envp)
	.type	feholdexcept, @function
feholdexcept:
	frcsr	t0
	sw	t0, 0(a0)
	csrci	fflags, 0x1f
	li	a0, 0
	ret
	.size	feholdexcept, .-feholdexcept

	.globl	feupdateenv		# int feupdateenv(const fenv_t *envp): installs *envp, then re-raises the flags
	.type	feupdateenv, @function
feupdateenv:
	frflags	t2
	li	t0, 0
	li	t1, -1
	beq	a0, t1, 1f
	lw	t0, 0(a0)
1:	fscsr	t0
	csrs	fflags, t2
	li	a0, 0
	ret
	.size	feupdateenv, .-feupdateenv
