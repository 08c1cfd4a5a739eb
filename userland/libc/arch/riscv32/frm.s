# frm.s: the dynamic rounding mode for the libc's integer floating-point code (printf, strtod, the
# binary128 helpers), which must round as the FPU would: 0 nearest-even, 1 toward zero, 2 down, 3 up,
# 4 nearest-away (the frm field of fcsr, set by fesetround).
# int __fp_rounding_mode(void)
	.text
	.globl	__fp_rounding_mode
	.type	__fp_rounding_mode, @function
__fp_rounding_mode:
	csrr	a0, 0x002
	andi	a0, a0, 7
	ret
	.size	__fp_rounding_mode, .-__fp_rounding_mode

# void __fp_raise_flags(int flags): ORs NV 16, DZ 8, OF 4, UF 2, NX 1 into fflags.
	.globl	__fp_raise_flags
	.type	__fp_raise_flags, @function
__fp_raise_flags:
	csrs	0x001, a0
	ret
	.size	__fp_raise_flags, .-__fp_raise_flags
