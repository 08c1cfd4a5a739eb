/* Tiny runtime for the kernel test programs: raw Linux syscalls (RISC-V: a7 = number, a0-a5 = args) and
   printing helpers. No libc: these programs must run the same under Pagoda and qemu-riscv32. */
typedef unsigned int u32;
typedef unsigned long size_t;

static inline long sc6(long n, long a, long b, long c, long d, long e, long f) {
  register long a7 __asm__("a7") = n;
  register long a0 __asm__("a0") = a;
  register long a1 __asm__("a1") = b;
  register long a2 __asm__("a2") = c;
  register long a3 __asm__("a3") = d;
  register long a4 __asm__("a4") = e;
  register long a5 __asm__("a5") = f;
  __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5) : "memory");
  return a0;
}
#define sc0(n) sc6(n, 0, 0, 0, 0, 0, 0)
#define sc1(n, a) sc6(n, (long)(a), 0, 0, 0, 0, 0)
#define sc2(n, a, b) sc6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define sc3(n, a, b, c) sc6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sc4(n, a, b, c, d) sc6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

#define SYS_openat 56
#define SYS_close 57
#define SYS_read 63
#define SYS_write 64
#define SYS_readv 65
#define SYS_writev 66
#define SYS_exit 93
#define SYS_exit_group 94
#define SYS_set_tid_address 96
#define SYS_uname 160
#define SYS_getpid 172
#define SYS_brk 214
#define SYS_munmap 215
#define SYS_mmap2 222
#define SYS_mprotect 226
#define SYS_clock_gettime64 403
#define SYS_clock_nanosleep_time64 407
#define SYS_sbrk 1000

#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4
#define MAP_PRIVATE 2
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_FIXED_NOREPLACE 0x100000

static size_t slen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }
static void puts_(const char *s) { sc3(SYS_write, 1, s, slen(s)); }
static void putu(u32 v) {
  char b[12]; int i = 11; b[i] = 0;
  do { b[--i] = '0' + v % 10; v /= 10; } while (v);
  puts_(b + i);
}
static void puti(long v) { if (v < 0) { puts_("-"); putu((u32)-v); } else putu((u32)v); }
static void putx(u32 v) {
  char b[11]; b[0] = '0'; b[1] = 'x'; b[10] = 0;
  for (int i = 0; i < 8; i++) b[9 - i] = "0123456789abcdef"[(v >> (4 * i)) & 15];
  puts_(b);
}
static void kv(const char *k, long v) { puts_(k); puts_("="); puti(v); puts_("\n"); }
static void *mmap_(void *a, size_t len, int prot, int flags) { return (void *)sc6(SYS_mmap2, (long)a, len, prot, flags, -1, 0); }
static void exit_(int code) { sc1(SYS_exit, code); for (;;) {} }

void *memset(void *d, int c, size_t n) { unsigned char *p = d; while (n--) *p++ = (unsigned char)c; return d; }
void *memcpy(void *d, const void *s, size_t n) { unsigned char *p = d; const unsigned char *q = s; while (n--) *p++ = *q++; return d; }
