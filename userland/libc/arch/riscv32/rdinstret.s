# rdinstret.s: read the user-mode retired-instruction counter (Zicsr instret/instreth).
# unsigned __rdinstret(void): the low 32 bits; callers subtract two readings (wraps safely).
# unsigned long long __rdinstret64(void): all 64 bits, re-reading until instreth is stable.
	.text
	.globl	__rdinstret
	.type	__rdinstret, @function
__rdinstret:
	csrr	a0, instret
	ret
	.size	__rdinstret, .-__rdinstret

	.globl	__rdinstret64
	.type	__rdinstret64, @function
__rdinstret64:
	csrr	a1, instreth
	csrr	a0, instret
	csrr	t0, instreth
	bne	a1, t0, __rdinstret64
	ret
	.size	__rdinstret64, .-__rdinstret64
