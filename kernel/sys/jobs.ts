// Process groups and sessions: setpgid 154, getpgid 155, getsid 156, setsid 157, with Linux's rules.
// A process group is the unit of job control (the terminal signals its foreground group; kill(-pgid) reaches a
// group); a session is the set of groups sharing one controlling terminal (kernel/tty/jobcontrol.ts).

import { Errno } from '../../abi/errno.js';
import type { Process } from '../proc/process.js';
import type { SysContext } from './context.js';

/** The process `pid` names for the get calls (0: the caller), or undefined (ESRCH). Zombies count until reaped. */
function target(ctx: SysContext, pid: number): Process | undefined {
  return pid === 0 ? ctx.proc : pid > 0 ? ctx.kernel.processes.get(pid) : undefined;
}

/**
 * setpgid(pid, pgid): moves process `pid` (0: the caller), which must be the caller or a child of it in the
 * same session, into group `pgid` (0: a new group named after `pid`), which must exist in that session unless
 * it is new. EINVAL for pgid < 0; ESRCH for other processes; EACCES for a child that has called execve;
 * EPERM for a session leader, a child of another session, or a group of another session.
 */
export function sysSetpgid(ctx: SysContext, pid: number, pgid: number): number {
  const k = ctx.kernel;
  const me = ctx.proc;
  if (pid < 0 || pgid < 0) return -Errno.EINVAL;
  const p = pid === 0 ? me : k.processes.get(pid);
  if (!p || !p.alive || (p !== me && p.ppid !== me.pid)) return -Errno.ESRCH;
  if (p !== me) {
    if (p.sid !== me.sid) return -Errno.EPERM;
    if (p.execed) return -Errno.EACCES;
  }
  if (p.sid === p.pid) return -Errno.EPERM;
  const group = pgid === 0 ? p.pid : pgid;
  if (group !== p.pid) {
    let found = false;
    for (const q of k.processes.values()) {
      if (q.alive && q.pgid === group && q.sid === me.sid) {
        found = true;
        break;
      }
    }
    if (!found) return -Errno.EPERM;
  }
  p.pgid = group;
  return 0;
}

/** getpgid(pid): the process group of `pid` (0: the caller), or ESRCH. */
export function sysGetpgid(ctx: SysContext, pid: number): number {
  const p = target(ctx, pid);
  return p ? p.pgid : -Errno.ESRCH;
}

/** getsid(pid): the session of `pid` (0: the caller), or ESRCH. */
export function sysGetsid(ctx: SysContext, pid: number): number {
  const p = target(ctx, pid);
  return p ? p.sid : -Errno.ESRCH;
}

/**
 * setsid(): the caller leads a new session and a new group, both named after its pid, with no controlling
 * terminal. EPERM when a process group already has that id (the caller leads a group).
 */
export function sysSetsid(ctx: SysContext): number {
  const me = ctx.proc;
  for (const q of ctx.kernel.processes.values()) if (q.pgid === me.pid) return -Errno.EPERM;
  me.sid = me.pid;
  me.pgid = me.pid;
  me.detachedTty = false;
  return me.sid;
}
