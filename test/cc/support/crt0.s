# Minimal start-up and system-call stubs for the C compiler tests (no libc):
#   _start: the constructors (.init_array, in order), main(argc, argv), the destructors (.fini_array, last
#           first), then exit(status) -- what a libc's start-up and exit do around main
#   int __t_write(int fd, const void *buf, int len)   -- Linux write (64)
#   void __t_exit(int status)                          -- Linux exit (93)
	.text
	.globl	_start
	.type	_start, @function
_start:
	.option	push
	.option	norelax
	la	gp, __global_pointer$
	.option	pop
	lw	s4, 0(sp)
	addi	s5, sp, 4
	andi	sp, sp, -16
	lui	s1, %hi(__init_array_start)
	addi	s1, s1, %lo(__init_array_start)
	lui	s2, %hi(__init_array_end)
	addi	s2, s2, %lo(__init_array_end)
1:	bgeu	s1, s2, 2f
	lw	t0, 0(s1)
	jalr	t0
	addi	s1, s1, 4
	j	1b
2:	mv	a0, s4
	mv	a1, s5
	call	main
	mv	s3, a0
	lui	s1, %hi(__fini_array_start)
	addi	s1, s1, %lo(__fini_array_start)
	lui	s2, %hi(__fini_array_end)
	addi	s2, s2, %lo(__fini_array_end)
3:	bgeu	s1, s2, 4f
	addi	s2, s2, -4
	lw	t0, 0(s2)
	jalr	t0
	j	3b
4:	mv	a0, s3
	li	a7, 93
	ecall
	.size	_start, .-_start

	.globl	__t_write
	.type	__t_write, @function
__t_write:
	li	a7, 64
	ecall
	ret
	.size	__t_write, .-__t_write

	.globl	__t_exit
	.type	__t_exit, @function
__t_exit:
	li	a7, 93
	ecall
	.size	__t_exit, .-__t_exit

# memset/memcpy: gcc may call them for struct copies and zeroing (byte loops are enough here).
	.globl	memset
	.type	memset, @function
memset:
	mv	t0, a0
1:	beqz	a2, 2f
	sb	a1, 0(t0)
	addi	t0, t0, 1
	addi	a2, a2, -1
	j	1b
2:	ret
	.size	memset, .-memset

	.globl	memcpy
	.type	memcpy, @function
memcpy:
	mv	t0, a0
1:	beqz	a2, 2f
	lbu	t1, 0(a1)
	sb	t1, 0(t0)
	addi	t0, t0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	j	1b
2:	ret
	.size	memcpy, .-memcpy
