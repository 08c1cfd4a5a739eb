// The standard descriptors, lseek's whence and access()'s modes: Linux's values, as
// userland/libc/include/unistd.h carries them (stdio.h repeats SEEK_*). This file imports nothing.

export const STDIN_FILENO = 0;
export const STDOUT_FILENO = 1;
export const STDERR_FILENO = 2;

/** lseek/_llseek whence: from the start, from the current offset, from the end. */
export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;

/** access() modes: exists, executable, writable, readable. */
export const F_OK = 0;
export const X_OK = 1;
export const W_OK = 2;
export const R_OK = 4;
