# syscall.s: __syscall0 .. __syscall6 (declared in syscall_arch.h).
# C calls __syscallN(number, arg1, ..., argN); the kernel wants the number in a7 and the
# arguments in a0-a5. Unused argument registers carry whatever the caller left: the kernel
# ignores the arguments a call does not take. Returns the raw result (-errno on failure).
	.text
	.globl	__syscall0
	.globl	__syscall1
	.globl	__syscall2
	.globl	__syscall3
	.globl	__syscall4
	.globl	__syscall5
	.globl	__syscall6
	.type	__syscall6, @function
__syscall0:
__syscall1:
__syscall2:
__syscall3:
__syscall4:
__syscall5:
__syscall6:
	mv	t0, a0
	mv	a0, a1
	mv	a1, a2
	mv	a2, a3
	mv	a3, a4
	mv	a4, a5
	mv	a5, a6
	mv	a7, t0
	ecall
	ret
	.size	__syscall6, .-__syscall6
