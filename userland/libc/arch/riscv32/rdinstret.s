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

# __rdinstret_probe: a function of exactly one instruction (ret) that leaves a0 as it is, under
# three names for the three call shapes benchmarks time (void *(size_t), void (void *),
# void *(void *, size_t)). Timing a call to it shows what the timing code adds around a call.
	.globl	__rdinstret_probe
	.globl	__rdinstret_probe_free
	.globl	__rdinstret_probe_realloc
	.type	__rdinstret_probe, @function
__rdinstret_probe:
__rdinstret_probe_free:
__rdinstret_probe_realloc:
	ret
	.size	__rdinstret_probe, .-__rdinstret_probe
