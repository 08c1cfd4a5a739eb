# brk a page and store to it; mmap two pages, store, mprotect one read-only, munmap; exit(10 + (getpid() > 0))
  .text
  .globl _start
_start:
  li a0, 0
  li a7, 214           # brk(0): the current break
  ecall
  mv s1, a0
  li t0, 4096
  add a0, a0, t0
  li a7, 214           # brk(break + 4096)
  ecall
  mv a0, s1
  li t0, 0x55
  sw t0, 0(a0)
  lw t1, 0(a0)
  bne t0, t1, fail
  li a0, 0
  li a1, 8192
  li a2, 3             # PROT_READ|PROT_WRITE
  li a3, 0x22          # MAP_PRIVATE|MAP_ANONYMOUS
  li a4, -1
  li a5, 0
  li a7, 222           # mmap2
  ecall
  mv s0, a0
  li t2, 4096
  add t2, s0, t2
  sw t0, 0(t2)
  li a1, 4096
  li a2, 1             # PROT_READ
  li a7, 226           # mprotect
  ecall
  bnez a0, fail
  lw t1, 0(s0)
  bnez t1, fail
  mv a0, s0
  li a1, 8192
  li a7, 215           # munmap
  ecall
  bnez a0, fail
  li a7, 172           # getpid
  ecall
  sgtz a0, a0          # pids differ between kernels; both are positive
  addi a0, a0, 10
  li a7, 93
  ecall
fail:
  li a0, 99
  li a7, 93
  ecall
