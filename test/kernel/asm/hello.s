# write(1, msg, 3); exit(7)
  .text
  .globl _start
_start:
  li a0, 1
  la a1, msg
  li a2, 3
  li a7, 64
  ecall
  li a0, 7
  li a7, 93
  ecall
  .section .rodata
msg: .ascii "hi\n"
