/* stat, lstat, fstat through statx (291), the only stat call 32-bit RISC-V Linux has. */
#include <sys/stat.h>
#include <string.h>
#include "../arch/riscv32/syscall_arch.h"

/* struct statx as the kernel writes it (256 bytes); only the fields stat needs are named. */
struct kstatx {
  unsigned mask, blksize;
  unsigned long long attributes;
  unsigned nlink, uid, gid;
  unsigned short mode, pad1;
  unsigned long long ino, size, blocks, attributes_mask;
  struct { long long sec; unsigned nsec; int pad; } atime, btime, ctime, mtime;
  unsigned rdev_major, rdev_minor, dev_major, dev_minor;
  unsigned long long spare[14];
};

#define STATX_BASIC_STATS 0x7ff

static dev_t make_dev(unsigned major, unsigned minor) {
  return ((dev_t)major << 8) | minor;
}

static int do_statx(int dirfd, const char *path, int flags, struct stat *st) {
  struct kstatx kx;
  long r = __syscall5(SYS_statx, dirfd, (long)path, flags, STATX_BASIC_STATS, (long)&kx);
  if (__syscall_ret(r) < 0) return -1;
  memset(st, 0, sizeof *st);
  st->st_dev = make_dev(kx.dev_major, kx.dev_minor);
  st->st_ino = kx.ino;
  st->st_mode = kx.mode;
  st->st_nlink = kx.nlink;
  st->st_uid = kx.uid;
  st->st_gid = kx.gid;
  st->st_rdev = make_dev(kx.rdev_major, kx.rdev_minor);
  st->st_size = (off_t)kx.size;
  st->st_blksize = (blksize_t)kx.blksize;
  st->st_blocks = (blkcnt_t)kx.blocks;
  st->st_atim.tv_sec = kx.atime.sec;
  st->st_atim.tv_nsec = (long)kx.atime.nsec;
  st->st_mtim.tv_sec = kx.mtime.sec;
  st->st_mtim.tv_nsec = (long)kx.mtime.nsec;
  st->st_ctim.tv_sec = kx.ctime.sec;
  st->st_ctim.tv_nsec = (long)kx.ctime.nsec;
  return 0;
}

int stat(const char *path, struct stat *st) {
  return do_statx(AT_FDCWD, path, 0, st);
}

int lstat(const char *path, struct stat *st) {
  return do_statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, st);
}

int fstat(int fd, struct stat *st) {
  return do_statx(fd, "", AT_EMPTY_PATH, st);
}
