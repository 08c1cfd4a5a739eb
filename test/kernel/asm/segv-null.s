  .text
  .globl _start
_start:
  lw a0, 0(zero)
