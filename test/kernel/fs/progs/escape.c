#include "rt.h"
/* Tries every way out of the shared host directory (the working directory, /host) and prints the result of
   each (a file descriptor is printed as "fd", an error as its negative errno). argv[1] is the host's absolute
   path of a file outside the shared directory; the directory holds link_out -> ../outside.txt,
   link_up -> .., link_abs -> argv[1], link_in -> inside.txt and inside.txt. */
#define SYS_getcwd 17
#define SYS_mkdirat 34
#define SYS_unlinkat 35
#define SYS_truncate64 45
#define SYS_chdir 49
#define SYS_renameat2 276
#define SYS_statx 291
#define AT_FDCWD (-100)
#define O_RDONLY 0
#define O_WRONLY 1
#define O_CREAT 0x40

static void try_open(const char *label, const char *path, int flags) {
  long fd = sc4(SYS_openat, AT_FDCWD, path, flags, 0644);
  puts_(label);
  if (fd >= 0) {
    char b[64];
    long n = sc3(SYS_read, fd, b, sizeof b - 1);
    puts_("=fd ");
    if (n > 0) { b[n] = 0; puts_(b); } else puts_("\n");
    sc1(SYS_close, fd);
  } else {
    puts_("="); puti(fd); puts_("\n");
  }
}
static void res(const char *label, long r) { kv(label, r); }

int main(int argc, char **argv) {
  static unsigned char st[256];
  static char big[5000];
  static char cwd[256];
  try_open("inside", "inside.txt", O_RDONLY);
  try_open("link_in", "link_in", O_RDONLY);
  try_open("dotdot", "../outside.txt", O_RDONLY);
  try_open("host_dotdot", "/host/../outside.txt", O_RDONLY);
  try_open("deep_dotdot", "../../../../../../../../outside.txt", O_RDONLY);
  try_open("absolute", argv[1], O_RDONLY);
  try_open("host_absolute", "/host/..//outside.txt", O_RDONLY);
  try_open("link_out", "link_out", O_RDONLY);
  try_open("link_abs", "link_abs", O_RDONLY);
  try_open("via_link_up", "link_up/outside.txt", O_RDONLY);
  try_open("create_via_link_up", "link_up/created.txt", O_CREAT | O_WRONLY);
  try_open("write_link_out", "link_out", O_WRONLY);
  res("stat_link_out", sc6(SYS_statx, AT_FDCWD, (long)"link_out", 0, 0x7ff, (long)st, 0));
  res("truncate_link_out", sc3(SYS_truncate64, "link_out", 0, 0));
  res("mkdir_via_link_up", sc3(SYS_mkdirat, AT_FDCWD, "link_up/newdir", 0755));
  res("rename_out", sc6(SYS_renameat2, AT_FDCWD, (long)"inside.txt", AT_FDCWD, (long)"link_up/stolen.txt", 0, 0));
  res("rename_in", sc6(SYS_renameat2, AT_FDCWD, (long)"link_up/outside.txt", AT_FDCWD, (long)"taken.txt", 0, 0));
  res("unlink_via_link_up", sc3(SYS_unlinkat, AT_FDCWD, "link_up/outside.txt", 0));
  res("chdir_link_up", sc1(SYS_chdir, "link_up"));
  for (int i = 0; i < 300; i++) big[i] = 'n';
  big[300] = 0;
  try_open("long_name", big, O_CREAT | O_WRONLY);
  for (int i = 0; i < 4999; i++) big[i] = (i % 100 == 99) ? '/' : 'p';
  big[4999] = 0;
  try_open("long_path", big, O_RDONLY);
  res("chdir_host", sc1(SYS_chdir, "/host"));
  res("chdir_up", sc1(SYS_chdir, ".."));
  res("chdir_up_again", sc1(SYS_chdir, ".."));
  sc2(SYS_getcwd, cwd, sizeof cwd);
  puts_("cwd="); puts_(cwd); puts_("\n");
  try_open("from_root", "outside.txt", O_RDONLY);
  return 0;
}
