# fp.s: the <math.h> functions that are one F/D instruction (ILP32D: arguments in fa0/fa1/fa2, result in fa0).
# Each is exact or correctly rounded by the hardware (IEEE 754): fsqrt and fmadd round once, fsgnj and
# fmin/fmax are exact. fmin/fmax follow C99 F.9.9.2-3: a NaN argument is ignored (both NaN: NaN), and
# -0 < +0 (RISC-V F 2.2's minimumNumber/maximumNumber semantics).
# sqrt of a negative number sets errno = EDOM (C99 7.12.1) besides the invalid flag fsqrt raises.
	.option	arch, +f, +d	# F/D instructions whatever -march the libc is assembled with
	.text
	.globl	sqrt
	.type	sqrt, @function
sqrt:
	fcvt.d.w	ft0, zero
	flt.d	t0, fa0, ft0
	fsqrt.d	fa0, fa0
	bnez	t0, 1f
	ret
1:	li	t0, 33			# EDOM
	lui	t1, %hi(errno)
	sw	t0, %lo(errno)(t1)
	ret
	.size	sqrt, .-sqrt

	.globl	sqrtf
	.type	sqrtf, @function
sqrtf:
	fmv.w.x	ft0, zero
	flt.s	t0, fa0, ft0
	fsqrt.s	fa0, fa0
	bnez	t0, 1f
	ret
1:	li	t0, 33			# EDOM
	lui	t1, %hi(errno)
	sw	t0, %lo(errno)(t1)
	ret
	.size	sqrtf, .-sqrtf

	.globl	fabs
	.type	fabs, @function
fabs:
	fsgnjx.d fa0, fa0, fa0
	ret
	.size	fabs, .-fabs

	.globl	fabsf
	.type	fabsf, @function
fabsf:
	fsgnjx.s fa0, fa0, fa0
	ret
	.size	fabsf, .-fabsf

	.globl	copysign
	.type	copysign, @function
copysign:
	fsgnj.d	fa0, fa0, fa1
	ret
	.size	copysign, .-copysign

	.globl	copysignf
	.type	copysignf, @function
copysignf:
	fsgnj.s	fa0, fa0, fa1
	ret
	.size	copysignf, .-copysignf

	.globl	fmin
	.type	fmin, @function
fmin:
	fmin.d	fa0, fa0, fa1
	ret
	.size	fmin, .-fmin

	.globl	fminf
	.type	fminf, @function
fminf:
	fmin.s	fa0, fa0, fa1
	ret
	.size	fminf, .-fminf

	.globl	fmax
	.type	fmax, @function
fmax:
	fmax.d	fa0, fa0, fa1
	ret
	.size	fmax, .-fmax

	.globl	fmaxf
	.type	fmaxf, @function
fmaxf:
	fmax.s	fa0, fa0, fa1
	ret
	.size	fmaxf, .-fmaxf

	.globl	fma
	.type	fma, @function
fma:
	fmadd.d	fa0, fa0, fa1, fa2
	ret
	.size	fma, .-fma

	.globl	fmaf
	.type	fmaf, @function
fmaf:
	fmadd.s	fa0, fa0, fa1, fa2
	ret
	.size	fmaf, .-fmaf
