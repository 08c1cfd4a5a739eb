/* The Mandelbrot set in double and in single precision: an ASCII picture, the iteration counts summed, and
   the exact bits of one orbit's last point. With -O2 gcc contracts zr*zr - zi*zi + cr into fused multiply-adds. */
#include "fp.h"

#define W 64
#define H 24
#define MAX 256

static int escape_d(double cr, double ci, double *last) {
  double zr = 0, zi = 0;
  int n = 0;
  while (n < MAX && zr * zr + zi * zi <= 4.0) {
    double t = zr * zr - zi * zi + cr;
    zi = 2 * zr * zi + ci;
    zr = t;
    n++;
  }
  *last = zr;
  return n;
}

static int escape_f(float cr, float ci) {
  float zr = 0, zi = 0;
  int n = 0;
  while (n < MAX && zr * zr + zi * zi <= 4.0f) {
    float t = zr * zr - zi * zi + cr;
    zi = 2 * zr * zi + ci;
    zr = t;
    n++;
  }
  return n;
}

int main(void) {
  char line[W + 1];
  u32 sum_d = 0, sum_f = 0, differ = 0;
  double last = 0, lastsum = 0;
  for (int y = 0; y < H; y++) {
    double ci = -1.2 + 2.4 * y / (H - 1);
    for (int x = 0; x < W; x++) {
      double cr = -2.1 + 2.8 * x / (W - 1);
      int n = escape_d(cr, ci, &last);
      int m = escape_f((float)cr, (float)ci);
      lastsum += last;
      sum_d += (u32)n * (u32)(x + 1 + y);
      sum_f += (u32)m * (u32)(x + 1 + y);
      differ += n != m;
      line[x] = n >= MAX ? '#' : " .,:;-=+*%@"[n % 11];
    }
    line[W] = '\n';
    sc3(SYS_write, 1, line, W + 1);
  }
  kv("sum_double", (long)sum_d);
  kv("sum_single", (long)sum_f);
  kv("points_where_precisions_differ", (long)differ);
  showd("sum_of_last_zr", lastsum);
  puts_("fflags="); putflags(get_fflags()); puts_("\n");
  return (int)(sum_d % 101);
}
