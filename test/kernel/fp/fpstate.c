/* The kernel keeps each process's f registers and fcsr as its own: fork gives the child the parent's, two
   processes computing at once (switched by the timer) each find theirs intact, and a signal handler that
   clobbers every f register and fcsr returns to the interrupted code's values. Each check loads f0-f31 and
   fcsr, does the kernel-visible thing inside the same asm statement, and stores them back. */
#include "fp.h"

#define SYS_kill 129
#define SYS_rt_sigaction 134
#define SYS_clone 220
#define SYS_waitid 95
#define P_PID 1
#define WEXITED 4
#define SIGUSR1 10
#define SIGCHLD 17

/* Initialized, so that they live in .data: with only .bss, GNU ld puts everything in one RWX segment. */
static u64 pattern[32] = { 1 }, seen[32] = { 1 };

static void fill(u64 seed) {
  for (int i = 0; i < 32; i++) pattern[i] = (seed * 0x9e3779b97f4a7c15ull) ^ ((u64)i << 40) ^ (u64)(i * 0x01000193u);
  pattern[3] = 0x7ff4000000000abcull;              /* a signalling NaN with a payload */
  pattern[4] = 0xffffffff00000000ull | 0x7fa00001u; /* a NaN-boxed single sNaN */
}

#define LOAD_F(base) \
  "fld f0,0(" base ");fld f1,8(" base ");fld f2,16(" base ");fld f3,24(" base ");fld f4,32(" base ");fld f5,40(" base ");fld f6,48(" base ");fld f7,56(" base ");" \
  "fld f8,64(" base ");fld f9,72(" base ");fld f10,80(" base ");fld f11,88(" base ");fld f12,96(" base ");fld f13,104(" base ");fld f14,112(" base ");fld f15,120(" base ");" \
  "fld f16,128(" base ");fld f17,136(" base ");fld f18,144(" base ");fld f19,152(" base ");fld f20,160(" base ");fld f21,168(" base ");fld f22,176(" base ");fld f23,184(" base ");" \
  "fld f24,192(" base ");fld f25,200(" base ");fld f26,208(" base ");fld f27,216(" base ");fld f28,224(" base ");fld f29,232(" base ");fld f30,240(" base ");fld f31,248(" base ");"
#define STORE_F(base) \
  "fsd f0,0(" base ");fsd f1,8(" base ");fsd f2,16(" base ");fsd f3,24(" base ");fsd f4,32(" base ");fsd f5,40(" base ");fsd f6,48(" base ");fsd f7,56(" base ");" \
  "fsd f8,64(" base ");fsd f9,72(" base ");fsd f10,80(" base ");fsd f11,88(" base ");fsd f12,96(" base ");fsd f13,104(" base ");fsd f14,112(" base ");fsd f15,120(" base ");" \
  "fsd f16,128(" base ");fsd f17,136(" base ");fsd f18,144(" base ");fsd f19,152(" base ");fsd f20,160(" base ");fsd f21,168(" base ");fsd f22,176(" base ");fsd f23,184(" base ");" \
  "fsd f24,192(" base ");fsd f25,200(" base ");fsd f26,208(" base ");fsd f27,216(" base ");fsd f28,224(" base ");fsd f29,232(" base ");fsd f30,240(" base ");fsd f31,248(" base ");"
#define ALL_F "f0","f1","f2","f3","f4","f5","f6","f7","f8","f9","f10","f11","f12","f13","f14","f15", \
  "f16","f17","f18","f19","f20","f21","f22","f23","f24","f25","f26","f27","f28","f29","f30","f31"

/* Loads pattern and fcsr, makes system call `nr` (a0, a1), spins `spin` iterations, stores into seen.
   Returns the call's result; *fcsr_out gets fcsr as it was after. */
static long with_f(long nr, long a0, long a1, u32 fcsr, u32 spin, u32 *fcsr_out) {
  register long x10 __asm__("a0") = a0;
  register long x11 __asm__("a1") = a1;
  register long x17 __asm__("a7") = nr;
  u32 after;
  __asm__ volatile(
    "fscsr %[fcsr];" LOAD_F("%[in]") "ecall;"
    "1: beqz %[spin], 2f; addi %[spin], %[spin], -1; j 1b; 2:"
    STORE_F("%[out]") "frcsr %[after];"
    : "+r"(x10), [spin] "+r"(spin), [after] "=&r"(after)
    : "r"(x11), "r"(x17), [in] "r"(pattern), [out] "r"(seen), [fcsr] "r"(fcsr)
    : "memory", ALL_F);
  *fcsr_out = after;
  return x10;
}

static int same(const char *what) {
  int bad = 0;
  for (int i = 0; i < 32; i++) if (seen[i] != pattern[i]) { if (!bad) { puts_(what); puts_(": f"); putu(i); puts_(" differs\n"); } bad++; }
  return bad;
}

static volatile int handled;
static void handler(int sig) {
  (void)sig;
  static const u64 junk[32] = { 0 };
  __asm__ volatile("fscsr zero;" "csrwi frm, 3;" LOAD_F("%0") : : "r"(junk) : "memory", ALL_F);
  handled++;
}

int main(void) {
  u32 fcsr;
  int bad = 0;
  /* fork: the child starts with the parent's f registers and fcsr. */
  fill(1);
  long pid = with_f(SYS_clone, SIGCHLD, 0, 0x85, 0, &fcsr);
  if (pid == 0) {
    int cbad = same("fork child") + (fcsr != 0x85);
    /* child computes with its own values while the parent does with others: many timer switches. */
    fill(2);
    with_f(SYS_getpid, 0, 0, 0x41, 3000000, &fcsr);
    cbad += same("child after running alongside the parent") + (fcsr != 0x41);
    exit_(cbad ? 10 : 0);
  }
  bad += same("fork parent") + (fcsr != 0x85);
  fill(3);
  with_f(SYS_getpid, 0, 0, 0x2a, 3000000, &fcsr);
  bad += same("parent after running alongside the child") + (fcsr != 0x2a);
  int info[32] = { 0 }; /* siginfo_t: si_status at offset 20 for SIGCHLD */
  sc4(SYS_waitid, P_PID, pid, info, WEXITED);
  kv("child_status", info[5]);
  /* a signal handler clobbering every f register and fcsr */
  u32 act[4] = { (u32)handler, 0, 0, 0 };
  sc4(SYS_rt_sigaction, SIGUSR1, act, 0, 8);
  fill(4);
  long self = sc0(SYS_getpid);
  with_f(SYS_kill, self, SIGUSR1, 0xff, 0, &fcsr);
  kv("handled", handled);
  bad += same("after the handler") + (fcsr != 0xff);
  kv("fcsr_after_handler", (long)fcsr);
  kv("bad", bad);
  return bad;
}
