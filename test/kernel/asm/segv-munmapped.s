# touches a page after unmapping it
  .text
  .globl _start
_start:
  li a0, 0
  li a1, 4096
  li a2, 3
  li a3, 0x22
  li a4, -1
  li a5, 0
  li a7, 222
  ecall
  mv s0, a0
  sw zero, 0(s0)
  li a1, 4096
  li a7, 215
  ecall
  sw zero, 0(s0)
