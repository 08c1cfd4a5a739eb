# Minimal start for the kernel test programs: gp, then main(argc, argv, envp, sp), then exit(main's value).
  .text
  .globl _start
_start:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  mv a3, sp
  lw a0, 0(sp)
  addi a1, sp, 4
  slli t0, a0, 2
  add a2, a1, t0
  addi a2, a2, 4
  call main
  li a7, 93
  ecall
