// The user address-space boundaries every layer agrees on (shared/ARCHITECTURE.md "User address space").
// The kernel maps within them; the loader refuses executables outside them; the libc may read them.
// This file imports nothing.

/** Page 0 is never mapped: NULL dereferences fault. The lowest address a mapping may use. */
export const USER_MIN = 0x1000;
/** Where the linker puts text by default. */
export const TEXT_BASE = 0x10000;
/** First address of the kernel half, never accessible from user mode; user mappings end at or below it. */
export const KERNEL_BASE = 0xc0000000;
/** The stack's top: the initial stack image ends here. */
export const STACK_TOP = KERNEL_BASE;
/** The stack grows down at most this far (RLIMIT_STACK's usual 8 MiB). */
export const STACK_LIMIT_BYTES = 8 * 1024 * 1024;
