// Who the caller is: getpid, gettid, getppid, set_tid_address, and the uid/gid queries (everyone is root
// for now).

import type { SysContext } from './context.js';

/** getpid() and gettid(): the pid (one thread per process). */
export function sysGetpid(ctx: SysContext): number { return ctx.proc.pid; }

/** getppid(): the parent's pid (0 when the host started the process). */
export function sysGetppid(ctx: SysContext): number { return ctx.proc.ppid; }

/** set_tid_address(tidptr): remembers the pointer and returns the thread id (the pid: one thread each). */
export function sysSetTidAddress(ctx: SysContext, tidptr: number): number {
  ctx.proc.clearChildTid = tidptr >>> 0;
  return ctx.proc.pid;
}

/** getuid/geteuid/getgid/getegid: 0, everyone is root until users exist. */
export function sysGetuid(): number { return 0; }
