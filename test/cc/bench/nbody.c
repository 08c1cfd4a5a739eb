/* nbody: a floating-point workload (gravitational n-body, leapfrog steps in double precision) for the
 * instruction-count comparison with gcc -O1 (test/cc/float-bench.test.ts). Self-checking: the energy must be
 * conserved to 1e-4 over the run, and equal the value computed once by this program built
 * with gcc (within rounding: gcc may fuse multiply-adds). */
#include "test.h"

#define NB 5
struct body { double x, y, z, vx, vy, vz, m; };

static struct body bodies[NB] = {
  { 0, 0, 0, 0, 0, 0, 39.47841760435743 },
  { 4.8, -1.2, -0.1, 0.6, 2.8, -0.02, 0.037 },
  { 8.3, 4.1, -0.4, -1.0, 1.8, 0.008, 0.011 },
  { 12.9, -15.1, -0.2, 1.08, 0.86, -0.01, 0.0017 },
  { 15.4, -25.9, 0.18, 0.98, 0.59, -0.035, 0.002 },
};

static double sqrt_newton(double x) {
  /* no libm here: Newton's iteration from a bit-level first guess, to full precision */
  union { double d; unsigned long long u; } g;
  g.d = x;
  g.u = (g.u >> 1) + 0x1ff8000000000000ULL;
  double r = g.d;
  for (int i = 0; i < 5; i++) r = 0.5 * (r + x / r);
  return r;
}

static void advance(struct body *b, int n, double dt) {
  for (int i = 0; i < n; i++) {
    struct body *p = &b[i];
    for (int j = i + 1; j < n; j++) {
      struct body *q = &b[j];
      double dx = p->x - q->x, dy = p->y - q->y, dz = p->z - q->z;
      double d2 = dx * dx + dy * dy + dz * dz;
      double mag = dt / (d2 * sqrt_newton(d2));
      double pm = p->m * mag, qm = q->m * mag;
      p->vx -= dx * qm; p->vy -= dy * qm; p->vz -= dz * qm;
      q->vx += dx * pm; q->vy += dy * pm; q->vz += dz * pm;
    }
  }
  for (int i = 0; i < n; i++) {
    b[i].x += dt * b[i].vx;
    b[i].y += dt * b[i].vy;
    b[i].z += dt * b[i].vz;
  }
}

static double energy(const struct body *b, int n) {
  double e = 0;
  for (int i = 0; i < n; i++) {
    e += 0.5 * b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
    for (int j = i + 1; j < n; j++) {
      double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
      e -= b[i].m * b[j].m / sqrt_newton(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

int main(void) {
  double e0 = energy(bodies, NB);
  for (int s = 0; s < 1000; s++) advance(bodies, NB, 0.001);
  double e1 = energy(bodies, NB);
  double drift = (e1 - e0) / e0;
  ASSERT(1, drift < 1e-4 && drift > -1e-4);
  ASSERT(-170146, (long long)(e0 * 1e6));
  ASSERT(-170145, (long long)(e1 * 1e6));
  return t_done("nbody");
}
