/* Entry point for the freestanding executable: no libc, exit through the Linux syscall. */
int main(int argc, char **argv);

static long sys_exit(long code) {
  register long a0 __asm__("a0") = code;
  register long a7 __asm__("a7") = 93;
  __asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
  return a0;
}

__attribute__((naked, noreturn)) void _start(void) {
  __asm__ volatile(
      ".option push\n.option norelax\nla gp, __global_pointer$\n.option pop\n"
      "lw a0, 0(sp)\naddi a1, sp, 4\ncall cstart\n");
}

void cstart(int argc, char **argv) {
  sys_exit(main(argc, argv));
  for (;;) {
  }
}

/* gcc may call memcpy for struct copies; there is no libc here. */
__attribute__((optimize("no-tree-loop-distribute-patterns"))) void *memcpy(void *dst, const void *src, unsigned long n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (n--) *d++ = *s++;
  return dst;
}
