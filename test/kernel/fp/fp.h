/* Printing floating-point values without a libc printf: raw bits in hex (the exact truth), and a decimal
   rendering computed with integer arithmetic from the value (so the output is the same on any machine that
   computes the same bits). Also fcsr access. Built with -march=rv32imafd -mabi=ilp32d. */
#include "rt.h"

typedef unsigned long long u64;
typedef long long i64;

static u64 bits_d(double d) { union { double d; u64 u; } x; x.d = d; return x.u; }
static u32 bits_f(float f) { union { float f; u32 u; } x; x.f = f; return x.u; }
static double from_bits_d(u64 u) { union { double d; u64 u; } x; x.u = u; return x.d; }
static float from_bits_f(u32 u) { union { float f; u32 u; } x; x.u = u; return x.f; }

static void puthex(u32 v, int digits) {
  char b[9]; b[digits] = 0;
  for (int i = 0; i < digits; i++) b[digits - 1 - i] = "0123456789abcdef"[(v >> (4 * i)) & 15];
  puts_(b);
}
static void putbits_d(double d) { u64 u = bits_d(d); puts_("0x"); puthex((u32)(u >> 32), 8); puthex((u32)u, 8); }
static void putbits_f(float f) { puts_("0x"); puthex(bits_f(f), 8); }

static void putu64(u64 v) {
  char b[24]; int i = 23; b[i] = 0;
  do { b[--i] = '0' + (char)(v % 10); v /= 10; } while (v);
  puts_(b + i);
}
static void puti64(i64 v) { if (v < 0) { puts_("-"); putu64((u64)-v); } else putu64((u64)v); }

/* x with `decimals` digits after the point, truncated (not rounded: the digits come from exact operations). */
static void putdec(double x, int decimals) {
  if (x != x) { puts_("nan"); return; }
  if (x < 0 || (x == 0 && (bits_d(x) >> 63))) { puts_("-"); x = -x; }
  if (x > 1.8e19) { puts_(x > 1.7e308 ? "inf" : "huge"); return; }
  u64 ip = (u64)x;
  putu64(ip);
  double frac = x - (double)ip;
  if (decimals > 0) puts_(".");
  for (int i = 0; i < decimals; i++) {
    frac *= 10;
    int d = (int)frac;
    char c[2] = { (char)('0' + d), 0 };
    puts_(c);
    frac -= d;
  }
}

/* A value both ways: "1.2500 (0x3ff4000000000000)". */
static void showd(const char *name, double d) { puts_(name); puts_("="); putdec(d, 9); puts_(" ("); putbits_d(d); puts_(")\n"); }
static void showf(const char *name, float f) { puts_(name); puts_("="); putdec(f, 6); puts_(" ("); putbits_f(f); puts_(")\n"); }

static u32 get_fflags(void) { u32 f; __asm__ volatile("frflags %0" : "=r"(f)); return f; }
static void clear_fflags(void) { __asm__ volatile("fsflags zero"); }
static void set_frm(u32 rm) { __asm__ volatile("fsrm %0" : : "r"(rm)); }
static u32 get_fcsr(void) { u32 f; __asm__ volatile("frcsr %0" : "=r"(f)); return f; }

/* The flags as letters: NV DZ OF UF NX, '-' for clear ones. */
static void putflags(u32 f) {
  char s[6] = { f & 16 ? 'V' : '-', f & 8 ? 'Z' : '-', f & 4 ? 'O' : '-', f & 2 ? 'U' : '-', f & 1 ? 'X' : '-', 0 };
  puts_(s);
}
