# a store to a page mprotect made read-only
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
  li a1, 4096
  li a2, 1
  li a7, 226
  ecall
  sw zero, 0(s0)
