/* Conversions between integers and floating point, edge values included: saturation of out-of-range and NaN
   inputs (fcvt's rules), rounding of integers too wide for the format, single <-> double (NaN quieting), the
   64-bit conversions libgcc does, each in every rounding mode, with the accrued flags after each. Values come
   from volatile arrays so gcc cannot fold them at compile time. */
#include "fp.h"

static volatile u64 dbits[] = {
  0x0000000000000000ull, 0x8000000000000000ull, 0x3fe0000000000000ull /* 0.5 */, 0xbfe0000000000000ull /* -0.5 */,
  0x3ff8000000000000ull /* 1.5 */, 0xc004000000000000ull /* -2.5 */, 0x41dfffffffc00000ull /* 2147483647 */,
  0x41dfffffffe00000ull /* 2147483647.5 */, 0x41e0000000000000ull /* 2^31 */, 0xc1e0000000000000ull /* -2^31 */,
  0xc1e0000000100000ull /* -2147483648.5 */, 0x41efffffffe00000ull /* 4294967295 */, 0x41f0000000000000ull /* 2^32 */,
  0x4202a05f20000000ull /* 1e10 */, 0xc202a05f20000000ull, 0x7ff0000000000000ull /* inf */, 0xfff0000000000000ull,
  0x7ff8000000000000ull /* qNaN */, 0x7ff0000000000001ull /* sNaN */, 0xfff8000000000123ull /* -qNaN payload */,
  0x0000000000000001ull /* min subnormal */, 0x000fffffffffffffull /* max subnormal */, 0x0010000000000000ull /* min normal */,
  0x7fefffffffffffffull /* max */, 0x36a0000000000000ull /* tiny for single */, 0x47efffffe0000000ull /* > single max */,
  0x3fd5555555555555ull /* 1/3 */, 0x43e0000000000000ull /* 2^63 */, 0xc3e0000000000001ull,
};
static volatile int ints[] = { 0, 1, -1, 16777216, 16777217, -16777217, 2147483647, -2147483647 - 1, 123456789, 33554435 };
static volatile u32 fbits[] = { 0x7f800001u /* sNaN */, 0xffc00123u, 0x00000001u, 0x7f7fffffu, 0x3eaaaaabu, 0xcf000000u, 0x4f800000u };

static const char *const MODES[] = { "rne", "rtz", "rdn", "rup", "rmm" };

static void flags_then_clear(void) { puts_(" "); putflags(get_fflags()); puts_("\n"); clear_fflags(); }

int main(void) {
  for (u32 rm = 0; rm < 5; rm++) {
    set_frm(rm);
    puts_("== frm "); puts_(MODES[rm]); puts_(" fcsr="); putx(get_fcsr()); puts_("\n");
    for (u32 i = 0; i < sizeof dbits / sizeof dbits[0]; i++) {
      double d = from_bits_d(dbits[i]);
      putbits_d(d);
      int w; u32 wu; float s; i64 l;
      /* C casts truncate (rtz); the dynamic-mode conversions round with frm. */
      w = (int)d; puts_(" w="); puti(w); puts_(" "); putflags(get_fflags()); clear_fflags();
      wu = (u32)d; puts_(" wu="); putu(wu); puts_(" "); putflags(get_fflags()); clear_fflags();
      __asm__ volatile("fcvt.w.d %0, %1, dyn" : "=r"(w) : "f"(d)); puts_(" w.dyn="); puti(w); puts_(" "); putflags(get_fflags()); clear_fflags();
      __asm__ volatile("fcvt.wu.d %0, %1, dyn" : "=r"(wu) : "f"(d)); puts_(" wu.dyn="); putu(wu); puts_(" "); putflags(get_fflags()); clear_fflags();
      s = (float)d; puts_(" s="); putbits_f(s); puts_(" "); putflags(get_fflags()); clear_fflags();
      l = (i64)d; puts_(" l="); puti64(l);
      flags_then_clear();
    }
    for (u32 i = 0; i < sizeof ints / sizeof ints[0]; i++) {
      int v = ints[i];
      puti(v);
      puts_(" s="); putbits_f((float)v); puts_(" "); putflags(get_fflags()); clear_fflags();
      puts_(" su="); putbits_f((float)(u32)v); puts_(" "); putflags(get_fflags()); clear_fflags();
      puts_(" d="); putbits_d((double)v);
      puts_(" du="); putbits_d((double)(u32)v);
      puts_(" dl="); putbits_d((double)((i64)v * 1000003));
      flags_then_clear();
    }
    for (u32 i = 0; i < sizeof fbits / sizeof fbits[0]; i++) {
      float f = from_bits_f(fbits[i]);
      putbits_f(f);
      puts_(" d="); putbits_d((double)f); puts_(" "); putflags(get_fflags()); clear_fflags();
      puts_(" w="); puti((int)f); puts_(" "); putflags(get_fflags()); clear_fflags();
      puts_(" third="); putbits_f(f / 3.0f);
      flags_then_clear();
    }
  }
  return 7;
}
