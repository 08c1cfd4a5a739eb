# Minimal start-up and Linux syscall stubs for the gcc -S round-trip programs (no libc).
# Assembled by our as for our build and by gcc for gcc's own build.
  .text
  .globl _start
_start:
  .option push
  .option norelax
  lui gp, %hi(__global_pointer$)
  addi gp, gp, %lo(__global_pointer$)
  .option pop
  lw a0, 0(sp)
  addi a1, sp, 4
  call main
  li a7, 93
  ecall

  .globl sys_write
sys_write:
  li a7, 64
  ecall
  ret

  .globl sys_exit
sys_exit:
  li a7, 93
  ecall
1:
  j 1b

# void *memcpy(void *dst, const void *src, size_t n): byte by byte.
  .globl memcpy
memcpy:
  mv t0, a0
  beqz a2, 2f
1:
  lbu t1, 0(a1)
  sb t1, 0(t0)
  addi a1, a1, 1
  addi t0, t0, 1
  addi a2, a2, -1
  bnez a2, 1b
2:
  ret

# void *memset(void *dst, int c, size_t n)
  .globl memset
memset:
  mv t0, a0
  beqz a2, 2f
1:
  sb a1, 0(t0)
  addi t0, t0, 1
  addi a2, a2, -1
  bnez a2, 1b
2:
  ret

# size_t strlen(const char *s): gcc -O2 turns counting loops into calls to it.
  .globl strlen
strlen:
  mv t0, a0
1:
  lbu t1, 0(t0)
  beqz t1, 2f
  addi t0, t0, 1
  j 1b
2:
  sub a0, t0, a0
  ret
