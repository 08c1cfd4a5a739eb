// exit, exit_group, getpid, set_tid_address, and the uid/gid queries (everyone is root for now).

import type { SysContext } from './context.js';

/** exit(code) and exit_group(code): the low 8 bits are the status the parent sees. */
export function sysExit(ctx: SysContext, code: number): undefined {
  ctx.exit({ kind: 'exited', code: code & 0xff });
  return undefined;
}

/** getpid() and gettid(): the pid (one thread per process). */
export function sysGetpid(ctx: SysContext): number { return ctx.proc.pid; }

/** set_tid_address(tidptr): remembers the pointer and returns the thread id (the pid: one thread each). */
export function sysSetTidAddress(ctx: SysContext, tidptr: number): number {
  ctx.proc.clearChildTid = tidptr >>> 0;
  return ctx.proc.pid;
}

/** getuid/geteuid/getgid/getegid: 0, everyone is root until users exist. */
export function sysGetuid(): number { return 0; }
