  .text
  .globl _start
_start:
  la t0, _start
  jalr zero, 2(t0)
