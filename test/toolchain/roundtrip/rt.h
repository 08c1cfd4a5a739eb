/* Tiny runtime for the gcc -S round-trip programs: syscall stubs live in crt.s; printing helpers here. */
typedef unsigned int size_t;
int sys_write(int fd, const void *buf, size_t n);
void sys_exit(int status) __attribute__((noreturn));
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

#define UNUSED __attribute__((unused))

static UNUSED size_t str_len(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

static UNUSED void put_str(const char *s) { sys_write(1, s, str_len(s)); }

static UNUSED void put_char(char c) { sys_write(1, &c, 1); }

static UNUSED void put_uint(unsigned v) {
  char buf[12];
  int i = 11;
  buf[i] = 0;
  do { buf[--i] = (char)('0' + v % 10); v /= 10; } while (v);
  put_str(buf + i);
}

static UNUSED void put_int(int v) {
  if (v < 0) { put_char('-'); put_uint(0u - (unsigned)v); } else put_uint((unsigned)v);
}

static UNUSED void put_hex(unsigned v) {
  static const char digits[] = "0123456789abcdef";
  char buf[9];
  for (int i = 7; i >= 0; i--) { buf[i] = digits[v & 15]; v >>= 4; }
  buf[8] = 0;
  put_str(buf);
}

static UNUSED void put_u64(unsigned long long v) {
  char buf[24];
  int i = 23;
  buf[i] = 0;
  do { buf[--i] = (char)('0' + (int)(v % 10)); v /= 10; } while (v);
  put_str(buf + i);
}

static UNUSED void put_i64(long long v) {
  if (v < 0) { put_char('-'); put_u64(0ull - (unsigned long long)v); } else put_u64((unsigned long long)v);
}

static UNUSED void put_line(const char *label, int v) { put_str(label); put_str(" = "); put_int(v); put_char('\n'); }
