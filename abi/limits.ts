// Limits a program can run into, with Linux's values where Linux has one (include/uapi/linux/limits.h,
// binfmts.h, uio.h). This file imports nothing.

/** Longest path a system call accepts, NUL included. */
export const PATH_MAX = 4096;
/** Longest file name (one path component). */
export const NAME_MAX = 255;
/** Total bytes of execve's argv and envp strings with their NULs and pointers (Linux: a quarter of the
 *  stack limit, at least 128 KiB). */
export const ARG_MAX = 256 * 1024;
/** Longest single execve argument or environment string (MAX_ARG_STRLEN: 32 pages). */
export const MAX_ARG_STRLEN = 32 * 4096;
/** Most iovecs readv/writev take (UIO_MAXIOV). */
export const IOV_MAX = 1024;
