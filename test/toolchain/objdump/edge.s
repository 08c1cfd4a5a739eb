# Hand-written edge cases for objdump: data in code ($d), zero runs, an OBJECT in .text, odd addresses,
# a block before the first symbol, call/tail/lui pairs in a second code section.
.text
nop
.globl f
.type f,@function
f: li a0,1
 .word 0x12345678
 .half 0x1234
 .byte 0x55
 .byte 0x66
 nop
 .zero 16
 nop
 .byte 1,2,3
 .balign 4
 .zero 6
 .globl tbl
 .type tbl,@object
tbl: .ascii "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
.word 0
.size tbl, 40
g: j f
 beqz a0, g
 .zero 2
.section .text.other,"ax"
h: call f
 tail g
 lui a0,%hi(tbl)
 lw a0,%lo(tbl)(a0)
 .zero 2
# gp-relative accesses are annotated once the file defines __global_pointer$.
 lw a0, 16(gp)
 addi a1, gp, -4
 sw a1, 0(tp)
 .globl __global_pointer$
__global_pointer$:
 nop
