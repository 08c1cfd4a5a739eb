/* syscall_arch.h: raw system calls for 32-bit RISC-V (Linux ABI, Pagoda extensions).
 * __syscallN(number, args...) issues `ecall` with the number in a7 and the arguments in a0-a5
 * (libc/arch/riscv32/syscall.s) and returns the raw result: -4095..-1 means -errno.
 * Internal to libc; programs use the wrappers in unistd.h and friends. */
#ifndef _PAGODA_SYSCALL_ARCH_H
#define _PAGODA_SYSCALL_ARCH_H

long __syscall0(long n);
long __syscall1(long n, long a);
long __syscall2(long n, long a, long b);
long __syscall3(long n, long a, long b, long c);
long __syscall4(long n, long a, long b, long c, long d);
long __syscall5(long n, long a, long b, long c, long d, long e);
long __syscall6(long n, long a, long b, long c, long d, long e, long f);

/* Turns a raw result into the C convention: -1 with errno set, or the value. */
long __syscall_ret(long r);

#define SYS_getcwd 17
#define SYS_dup 23
#define SYS_dup3 24
#define SYS_fcntl64 25
#define SYS_ioctl 29
#define SYS_mkdirat 34
#define SYS_unlinkat 35
#define SYS_linkat 37
#define SYS_truncate64 45
#define SYS_ftruncate64 46
#define SYS_chdir 49
#define SYS_fchmod 52
#define SYS_fchmodat 53
#define SYS_openat 56
#define SYS_close 57
#define SYS_pipe2 59
#define SYS_getdents64 61
#define SYS__llseek 62
#define SYS_read 63
#define SYS_write 64
#define SYS_readv 65
#define SYS_writev 66
#define SYS_exit 93
#define SYS_exit_group 94
#define SYS_waitid 95
#define SYS_set_tid_address 96
#define SYS_kill 129
#define SYS_rt_sigaction 134
#define SYS_rt_sigprocmask 135
#define SYS_times 153
#define SYS_setpgid 154
#define SYS_getpgid 155
#define SYS_getsid 156
#define SYS_setsid 157
#define SYS_uname 160
#define SYS_umask 166
#define SYS_getpid 172
#define SYS_getppid 173
#define SYS_getuid 174
#define SYS_geteuid 175
#define SYS_getgid 176
#define SYS_getegid 177
#define SYS_gettid 178
#define SYS_brk 214
#define SYS_munmap 215
#define SYS_clone 220
#define SYS_execve 221
#define SYS_mmap2 222
#define SYS_mprotect 226
#define SYS_wait4 260
#define SYS_renameat2 276
#define SYS_statx 291
#define SYS_clock_gettime64 403
#define SYS_clock_nanosleep_time64 407
#define SYS_ppoll_time64 414
#define SYS_sbrk 1000
#define SYS_host_export 1004
#define SYS_heap_register 1001
#define SYS_perf_ctl 1002
#define SYS_symbolize 1003

#define AT_FDCWD (-100)
#define AT_REMOVEDIR 0x200
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_EMPTY_PATH 0x1000

#endif
