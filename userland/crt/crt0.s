# crt0.s: process entry point for Pagoda (and any Linux RISC-V 32-bit kernel).
# The kernel starts _start with sp -> argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs.
# _start loads gp (the linker's __global_pointer$, without relaxation: gp is not yet valid),
# passes argc/argv/envp to __libc_start_main (libc/misc/libc_start.c), which sets environ,
# runs the init_array, calls main and exits with its status. It never returns.
	.text
	.globl	_start
	.type	_start, @function
_start:
	.option	push
	.option	norelax
	la	gp, __global_pointer$
	.option	pop
	lw	a0, 0(sp)
	addi	a1, sp, 4
	slli	t0, a0, 2
	add	a2, a1, t0
	addi	a2, a2, 4
	andi	sp, sp, -16
	li	ra, 0
	call	__libc_start_main
1:	j	1b
	.size	_start, .-_start
