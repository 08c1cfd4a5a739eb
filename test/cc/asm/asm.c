/* Extended asm as gcc compiles it for RISC-V: every constraint pagoda cc knows (r i n I J K m A, matching
 * digits), outputs =r +r =&r =m, named operands, the %z %i %= %% forms, clobbers of caller- and
 * callee-saved registers and of memory, register asm("...") variables (a system call made by hand), and
 * basic asm at file scope. gcc's build (qemu-riscv32) and pagoda cc's must print the same. */
#include "test.h"

asm(".globl answer_in_asm\n"
    "\t.section .rodata\n"
    "\t.p2align 2\n"
    "answer_in_asm:\n"
    "\t.word 42\n"
    "\t.text");
extern const int answer_in_asm;

static int g = 7;
static int arr[4] = {10, 20, 30, 40};
struct pt {
  int x, y;
};

static int add(int a, int b) {
  int r;
  asm("add %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}

static int add_imm(int a) {
  int r;
  asm("addi %0, %1, %2" : "=r"(r) : "r"(a), "i"(100));
  return r;
}

/* "rI": an immediate when the value fits, else a register; %i turns add into addi. */
static int add_maybe_imm(int a, int b) {
  int r1, r2;
  asm("add%i2 %0, %1, %2" : "=r"(r1) : "r"(a), "rI"(5));
  asm("add%i2 %0, %1, %2" : "=r"(r2) : "r"(a), "rI"(b));
  return r1 * 1000 + r2;
}

/* "rJ" with %z: the zero register for a constant 0. */
static int or_zero(int a) {
  int r;
  asm("or %0, %1, %z2" : "=r"(r) : "r"(a), "rJ"(0));
  return r;
}

static int named(int a, int b) {
  int out;
  asm("sub %[out], %[left], %[right]" : [out] "=r"(out) : [left] "r"(a), [right] "r"(b));
  return out;
}

static int inout(int a) {
  asm("slli %0, %0, 2" : "+r"(a));
  asm("addi %0, %0, 1" : "+r"(a));
  return a;
}

static int matching(int a) {
  int r;
  asm("addi %0, %1, 3" : "=r"(r) : "0"(a));
  return r;
}

static int early(int a, int b) {
  int r;
  asm("li %0, 1\n\tadd %0, %0, %1\n\tadd %0, %0, %2" : "=&r"(r) : "r"(a), "r"(b));
  return r;
}

static int mem_in(void) {
  int r;
  asm("lw %0, %1" : "=r"(r) : "m"(arr[2]));
  return r;
}

static void mem_out(int v) {
  asm("sw %1, %0" : "=m"(g) : "r"(v));
}

static int amo(int *p, int v) {
  int old;
  asm volatile("amoadd.w %0, %2, %1" : "=r"(old), "+A"(*p) : "r"(v) : "memory");
  return old;
}

static int struct_out(void) {
  struct pt p = {1, 2};
  struct pt *q = &p;
  asm("li %0, 33" : "=r"(q->y));
  asm("li %0, 44" : "=r"(p.x));
  return p.x * 100 + p.y;
}

/* Every temporary and argument register clobbered: live values must survive in other places. */
static int clobber_callers(int a, int b, int c) {
  int d = a * 3, e = b * 5;
  asm volatile("li t0, -1\n\tli t1, -1\n\tli t2, -1\n\tli t3, -1\n\tli t4, -1\n\tli t5, -1\n\tli t6, -1\n\t"
               "li a0, -1\n\tli a1, -1\n\tli a2, -1\n\tli a3, -1\n\tli a4, -1\n\tli a5, -1\n\tli a6, -1\n\tli a7, -1"
               : : : "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "ra");
  return a + b * 10 + c * 100 + d * 1000 + e * 10000;
}

/* The callee-saved registers clobbered while many variables are live (at -O1 some live in s1..s11). */
static int clobber_callees(int n) {
  int v1 = n + 1, v2 = n + 2, v3 = n + 3, v4 = n + 4, v5 = n + 5, v6 = n + 6;
  int sum = 0;
  for (int i = 0; i < 3; i++) {
    asm volatile("li s1, 0\n\tli s2, 0\n\tli s3, 0\n\tli s4, 0\n\tli s5, 0\n\tli s6, 0\n\tli s7, 0\n\tli s8, 0\n\t"
                 "li s9, 0\n\tli s10, 0\n\tli s11, 0"
                 : : : "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "x26", "x27");
    sum += v1 + v2 * 2 + v3 * 3 + v4 * 4 + v5 * 5 + v6 * 6 + i;
  }
  return sum;
}

/* "memory": the asm writes g behind the compiler's back; the read after it must see the store. */
static int memory_barrier(void) {
  int *p = &g;
  *p = 1;
  asm volatile("li t0, 55\n\tsw t0, 0(%0)" : : "r"(p) : "t0", "memory");
  return *p;
}

/* %= gives each expansion its own local label. */
static int count_nonzero(int a, int b) {
  int n = 0;
  asm("beqz %1, .Lz%=\n\taddi %0, %0, 1\n.Lz%=:" : "+r"(n) : "r"(a));
  asm("beqz %1, .Lz%=\n\taddi %0, %0, 1\n.Lz%=:" : "+r"(n) : "r"(b));
  return n;
}

/* %% is a percent sign: %%hi/%%lo with an "i" address constant printed as the symbol. */
static int *address_of_g(void) {
  int *p;
  asm("lui %0, %%hi(%1)\n\taddi %0, %0, %%lo(%1)" : "=r"(p) : "i"(&g));
  return p;
}

/* A system call made by hand, with register asm variables (the way libcs write syscall stubs). */
static int sys_write(int fd, const void *buf, int len) {
  register int a0 asm("a0") = fd;
  register const void *a1 asm("a1") = buf;
  register int a2 asm("a2") = len;
  register int a7 asm("a7") = 64;
  asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
  return a0;
}

static int byte_ops(unsigned char c) {
  unsigned char r;
  asm("addi %0, %1, 1" : "=r"(r) : "r"(c));
  return r; /* the store into a char narrows: 255 + 1 wraps */
}

int main(void) {
  ASSERT(5, add(2, 3));
  ASSERT(95, add_imm(-5));
  ASSERT(15012, add_maybe_imm(10, 2));
  ASSERT(9, or_zero(9));
  ASSERT(-4, named(3, 7));
  ASSERT(13, inout(3));
  ASSERT(10, matching(7));
  ASSERT(6, early(2, 3));
  ASSERT(30, mem_in());
  mem_out(99);
  ASSERT(99, g);
  int x = 5;
  ASSERT(5, amo(&x, 4));
  ASSERT(9, x);
  ASSERT(4433, struct_out());
  ASSERT(1 + 20 + 300 + 3000 + 100000, clobber_callers(1, 2, 3));
  ASSERT(3 * (11 + 12 * 2 + 13 * 3 + 14 * 4 + 15 * 5 + 16 * 6) + 3, clobber_callees(10));
  ASSERT(55, memory_barrier());
  ASSERT(1, count_nonzero(0, 4));
  ASSERT(2, count_nonzero(3, 4));
  ASSERT(1, address_of_g() == &g);
  ASSERT(42, answer_in_asm);
  ASSERT(3, sys_write(1, "hi\n", 3));
  ASSERT(0, byte_ops(255));
  return t_done("asm");
}
