/* __floatsitf __floatunsitf __floatditf __floatunditf: integers to binary128, always exact. */
#include "tf.h"

static struct tf from_magnitude(uint64_t m, int sign) {
  struct tf r;
  uint32_t sig[4] = {0, 0, 0, 0};
  int z;
  if (m == 0) {
    r.w[0] = r.w[1] = r.w[2] = 0;
    r.w[3] = 0;
    return r;
  }
  sig[0] = (uint32_t)m;
  sig[1] = (uint32_t)(m >> 32);
  z = __u128_clz(sig);
  __u128_shl(sig, z);
  __fp_pack(&__fp_binary128, sign, 127 - z, sig, 0, r.w);
  return r;
}

struct tf __floatsitf(int i) {
  return from_magnitude(i < 0 ? 0 - (uint64_t)(int64_t)i : (uint64_t)i, i < 0);
}

struct tf __floatunsitf(unsigned i) {
  return from_magnitude(i, 0);
}

struct tf __floatditf(long long i) {
  return from_magnitude(i < 0 ? 0 - (uint64_t)i : (uint64_t)i, i < 0);
}

struct tf __floatunditf(unsigned long long i) {
  return from_magnitude(i, 0);
}
