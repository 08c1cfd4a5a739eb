// open/openat flags, the *at calls' dirfd and flags, and fcntl commands: Linux's asm-generic values
// (include/uapi/asm-generic/fcntl.h, linux/fcntl.h), as userland/libc/include/fcntl.h carries them.
// This file imports nothing.

export const O_RDONLY = 0o0;
export const O_WRONLY = 0o1;
export const O_RDWR = 0o2;
/** The access-mode bits of the flags (O_RDONLY, O_WRONLY or O_RDWR). */
export const O_ACCMODE = 0o3;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_NOCTTY = 0o400;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_LARGEFILE = 0o100000;
export const O_DIRECTORY = 0o200000;
export const O_NOFOLLOW = 0o400000;
export const O_CLOEXEC = 0o2000000;

/** dirfd meaning "the working directory" for the *at calls. */
export const AT_FDCWD = -100;
export const AT_SYMLINK_NOFOLLOW = 0x100;
/** unlinkat: remove a directory (rmdir). */
export const AT_REMOVEDIR = 0x200;
/** statx and the like: an empty path names dirfd itself. */
export const AT_SYMLINK_FOLLOW = 0x400;
export const AT_EMPTY_PATH = 0x1000;

export const F_DUPFD = 0;
export const F_GETFD = 1;
export const F_SETFD = 2;
export const F_GETFL = 3;
export const F_SETFL = 4;
export const F_DUPFD_CLOEXEC = 1030;
/** The one descriptor flag of F_GETFD/F_SETFD. */
export const FD_CLOEXEC = 1;
