/* sys/types.h: POSIX scalar types for ilp32 RISC-V with 64-bit time and offsets (as musl rv32). */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H
#include <stddef.h>

typedef int ssize_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef unsigned int nlink_t;
typedef long long off_t;
typedef unsigned long long ino_t;
typedef unsigned long long dev_t;
typedef int blksize_t;
typedef long long blkcnt_t;
typedef long long time_t;
typedef int clockid_t;
typedef int id_t;
typedef long suseconds_t;
typedef unsigned int useconds_t;

#endif
