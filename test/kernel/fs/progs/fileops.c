#include "rt.h"
/* File operations in the working directory, each result printed: write with a hole, lseek, ftruncate,
   truncate, mkdir, rename (and RENAME_NOREPLACE), getdents64, unlink, rmdir. Run in a host directory under
   Pagoda (/host) and under qemu-riscv32: the output and the files left behind must be the same. */
#define SYS_mkdirat 34
#define SYS_unlinkat 35
#define SYS_truncate64 45
#define SYS_ftruncate64 46
#define SYS_getdents64 61
#define SYS__llseek 62
#define SYS_renameat2 276
#define SYS_statx 291
#define AT_FDCWD (-100)
#define AT_REMOVEDIR 0x200
#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_CREAT 0x40
#define O_TRUNC 0x200
#define O_APPEND 0x400
#define O_DIRECTORY 0x10000

static long open_(const char *p, int flags) { return sc4(SYS_openat, AT_FDCWD, p, flags, 0644); }
static long seek_(int fd, long off, int whence) {
  long long at = 0;
  long r = sc6(SYS__llseek, fd, off < 0 ? -1 : 0, off, (long)&at, whence, 0);
  return r < 0 ? r : (long)at;
}
static long size_(const char *p) {
  static unsigned char st[256];
  long r = sc6(SYS_statx, AT_FDCWD, (long)p, 0, 0x7ff, (long)st, 0);
  if (r < 0) return r;
  return (long)(st[40] | st[41] << 8 | st[42] << 16 | (u32)st[43] << 24);
}
static void dump(const char *label, const unsigned char *b, long n) {
  puts_(label);
  for (long i = 0; i < n; i++) { char h[3] = { "0123456789abcdef"[b[i] >> 4], "0123456789abcdef"[b[i] & 15], 0 }; puts_(h); }
  puts_("\n");
}
/* Names in directory p, in the order of the sorted list the test expects: printed as they come, then sorted
   by the test (host listings have no fixed order). */
static void list(const char *p) {
  static char buf[1024];
  long fd = sc4(SYS_openat, AT_FDCWD, p, O_RDONLY | O_DIRECTORY, 0);
  kv("opendir", fd >= 0);
  for (;;) {
    long n = sc3(SYS_getdents64, fd, buf, sizeof buf);
    if (n <= 0) break;
    for (long at = 0; at < n;) {
      unsigned short reclen = *(unsigned short *)(buf + at + 16);
      const char *name = buf + at + 19;
      if (!(name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0)))) {
        puts_("entry: "); puts_(name); puts_(buf[at + 18] == 4 ? " dir\n" : buf[at + 18] == 8 ? " file\n" : " other\n");
      }
      at += reclen;
    }
  }
  sc1(SYS_close, fd);
}

int main(void) {
  unsigned char b[32];
  long fd = open_("a.txt", O_CREAT | O_TRUNC | O_RDWR);
  kv("open", fd >= 0);
  kv("write", sc3(SYS_write, fd, "abcdef", 6));
  kv("seek_end", seek_(fd, 0, 2));
  kv("seek_hole", seek_(fd, 10, 0));
  kv("write_past", sc3(SYS_write, fd, "X", 1));
  kv("size", size_("a.txt"));
  kv("seek_back", seek_(fd, -4, 1));
  long n = sc3(SYS_read, fd, b, sizeof b);
  dump("tail=", b, n);
  kv("seek_set", seek_(fd, 0, 0));
  n = sc3(SYS_read, fd, b, sizeof b);
  dump("all=", b, n);
  kv("ftruncate4", sc3(SYS_ftruncate64, fd, 4, 0));
  kv("size", size_("a.txt"));
  kv("truncate9", sc3(SYS_truncate64, "a.txt", 9, 0));
  kv("size", size_("a.txt"));
  kv("seek_set", seek_(fd, 0, 0));
  n = sc3(SYS_read, fd, b, sizeof b);
  dump("after=", b, n);
  kv("close", sc1(SYS_close, fd));
  long ro = open_("a.txt", O_RDONLY);
  kv("ftruncate_readonly", sc3(SYS_ftruncate64, ro, 0, 0));
  kv("write_readonly", sc3(SYS_write, ro, "x", 1));
  sc1(SYS_close, ro);
  long ap = open_("a.txt", O_WRONLY | O_APPEND);
  kv("append", sc3(SYS_write, ap, "END", 3));
  sc1(SYS_close, ap);
  kv("size", size_("a.txt"));

  kv("mkdir", sc3(SYS_mkdirat, AT_FDCWD, "d", 0755));
  kv("mkdir_again", sc3(SYS_mkdirat, AT_FDCWD, "d", 0755));
  kv("rename", sc6(SYS_renameat2, AT_FDCWD, (long)"a.txt", AT_FDCWD, (long)"d/b.txt", 0, 0));
  kv("old_gone", size_("a.txt"));
  kv("new_size", size_("d/b.txt"));
  fd = open_("c.txt", O_CREAT | O_WRONLY);
  sc3(SYS_write, fd, "c", 1);
  sc1(SYS_close, fd);
  kv("noreplace", sc6(SYS_renameat2, AT_FDCWD, (long)"c.txt", AT_FDCWD, (long)"d/b.txt", 1, 0));
  kv("replace", sc6(SYS_renameat2, AT_FDCWD, (long)"c.txt", AT_FDCWD, (long)"d/b.txt", 0, 0));
  kv("replaced_size", size_("d/b.txt"));
  kv("rename_into_self", sc6(SYS_renameat2, AT_FDCWD, (long)"d", AT_FDCWD, (long)"d/e", 0, 0));
  kv("rename_missing", sc6(SYS_renameat2, AT_FDCWD, (long)"nope", AT_FDCWD, (long)"x", 0, 0));
  list("d");
  kv("rmdir_full", sc3(SYS_unlinkat, AT_FDCWD, "d", AT_REMOVEDIR));
  kv("unlink_dir", sc3(SYS_unlinkat, AT_FDCWD, "d", 0));
  kv("rmdir_file", sc3(SYS_unlinkat, AT_FDCWD, "d/b.txt", AT_REMOVEDIR));
  kv("mkdir_sub", sc3(SYS_mkdirat, AT_FDCWD, "d/sub", 0755));
  kv("rename_dir", sc6(SYS_renameat2, AT_FDCWD, (long)"d/sub", AT_FDCWD, (long)"kept", 0, 0));
  kv("unlink", sc3(SYS_unlinkat, AT_FDCWD, "d/b.txt", 0));
  kv("unlink_again", sc3(SYS_unlinkat, AT_FDCWD, "d/b.txt", 0));
  kv("rmdir", sc3(SYS_unlinkat, AT_FDCWD, "d", AT_REMOVEDIR));
  fd = open_("kept/last.txt", O_CREAT | O_WRONLY);
  kv("last", sc3(SYS_write, fd, "still here\n", 11));
  sc1(SYS_close, fd);
  list(".");
  return 0;
}
