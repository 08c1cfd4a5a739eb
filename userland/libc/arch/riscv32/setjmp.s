# setjmp.s: setjmp/_setjmp/sigsetjmp save ra, sp, s0-s11 and fs0-fs11 into a jmp_buf (layout in
# <setjmp.h>); longjmp/_longjmp restore them and return val (1 when val is 0) from that setjmp.
# The f registers are callee-saved in both ilp32 and ilp32d, and every Pagoda machine has D, so they are
# always saved: `.option arch, +d` lets this file use fsd/fld in a libc assembled for rv32im (the ELF's
# float-ABI flag stays the one -mabi gives; only the arch attribute gains d).
	.option	push
	.option	arch, +d
	.text

	.globl	setjmp
	.globl	_setjmp
	.type	setjmp, @function
	.type	_setjmp, @function
setjmp:
_setjmp:
	sw	zero, 152(a0)		# __mask_was_saved = 0
	j	__setjmp_regs

# sigsetjmp(env, savemask): saves the registers here, then tail-calls the C helper that records the mask;
# its return (0) goes straight to sigsetjmp's caller through the saved ra.
	.globl	sigsetjmp
	.type	sigsetjmp, @function
sigsetjmp:
	sw	ra, 0(a0)
	sw	sp, 4(a0)
	call	__setjmp_store		# a0 stays env; clobbers only ra and t0
	lw	ra, 0(a0)
	tail	__sigsetjmp_save
	.size	sigsetjmp, .-sigsetjmp

__setjmp_regs:
	sw	ra, 0(a0)
	sw	sp, 4(a0)
	mv	t0, ra
	call	__setjmp_store
	mv	ra, t0
	li	a0, 0
	ret
	.size	setjmp, .-setjmp
	.size	_setjmp, .-_setjmp

# s0-s11 and fs0-fs11 into the jmp_buf at a0 (a local helper: touches only ra).
	.type	__setjmp_store, @function
__setjmp_store:
	sw	s0, 8(a0)
	sw	s1, 12(a0)
	sw	s2, 16(a0)
	sw	s3, 20(a0)
	sw	s4, 24(a0)
	sw	s5, 28(a0)
	sw	s6, 32(a0)
	sw	s7, 36(a0)
	sw	s8, 40(a0)
	sw	s9, 44(a0)
	sw	s10, 48(a0)
	sw	s11, 52(a0)
	fsd	fs0, 56(a0)
	fsd	fs1, 64(a0)
	fsd	fs2, 72(a0)
	fsd	fs3, 80(a0)
	fsd	fs4, 88(a0)
	fsd	fs5, 96(a0)
	fsd	fs6, 104(a0)
	fsd	fs7, 112(a0)
	fsd	fs8, 120(a0)
	fsd	fs9, 128(a0)
	fsd	fs10, 136(a0)
	fsd	fs11, 144(a0)
	ret
	.size	__setjmp_store, .-__setjmp_store

	.globl	longjmp
	.globl	_longjmp
	.type	longjmp, @function
	.type	_longjmp, @function
longjmp:
_longjmp:
	lw	ra, 0(a0)
	lw	sp, 4(a0)
	lw	s0, 8(a0)
	lw	s1, 12(a0)
	lw	s2, 16(a0)
	lw	s3, 20(a0)
	lw	s4, 24(a0)
	lw	s5, 28(a0)
	lw	s6, 32(a0)
	lw	s7, 36(a0)
	lw	s8, 40(a0)
	lw	s9, 44(a0)
	lw	s10, 48(a0)
	lw	s11, 52(a0)
	fld	fs0, 56(a0)
	fld	fs1, 64(a0)
	fld	fs2, 72(a0)
	fld	fs3, 80(a0)
	fld	fs4, 88(a0)
	fld	fs5, 96(a0)
	fld	fs6, 104(a0)
	fld	fs7, 112(a0)
	fld	fs8, 120(a0)
	fld	fs9, 128(a0)
	fld	fs10, 136(a0)
	fld	fs11, 144(a0)
	seqz	a0, a1			# val == 0 returns 1
	add	a0, a0, a1
	ret
	.size	longjmp, .-longjmp
	.size	_longjmp, .-_longjmp
	.option	pop
