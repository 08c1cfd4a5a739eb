// waitid/wait4 options, waitid's id types and the si_code values it reports: Linux's values
// (include/uapi/linux/wait.h, asm-generic/siginfo.h), as userland/libc/include/sys/wait.h carries them.
// This file imports nothing.

export const WNOHANG = 1;
export const WUNTRACED = 2;
export const WSTOPPED = 2;
export const WEXITED = 4;
export const WCONTINUED = 8;
export const WNOWAIT = 0x1000000;

/** waitid's idtype: any child, one pid, one process group. */
export const P_ALL = 0;
export const P_PID = 1;
export const P_PGID = 2;

/** si_code of a child's SIGCHLD/waitid report: it exited, or a signal killed it. */
export const CLD_EXITED = 1;
export const CLD_KILLED = 2;
/** si_code of a report that a child stopped (a stop signal) or continued (SIGCONT). */
export const CLD_STOPPED = 5;
export const CLD_CONTINUED = 6;
