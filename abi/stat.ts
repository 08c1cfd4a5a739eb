// The file-type bits of a mode (st_mode, stx_mode, a cpio header's mode): Linux's values
// (include/uapi/linux/stat.h), as userland/libc/include/sys/stat.h carries them. This file imports nothing.

/** The bits that hold the file type. */
export const S_IFMT = 0o170000;
export const S_IFSOCK = 0o140000;
export const S_IFLNK = 0o120000;
export const S_IFREG = 0o100000;
export const S_IFBLK = 0o060000;
export const S_IFDIR = 0o040000;
export const S_IFCHR = 0o020000;
export const S_IFIFO = 0o010000;
