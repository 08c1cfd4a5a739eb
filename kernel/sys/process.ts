// Process system calls: clone (fork semantics only), execve, exit, waitid, wait4, kill, rt_sigaction,
// rt_sigprocmask. Process groups and sessions are in jobs.ts.

import { Errno } from '../../abi/errno.js';
import { SIG_BLOCK, SIG_DFL, SIG_SETMASK, SIG_UNBLOCK, Signal } from '../../abi/signals.js';
import { P_ALL, P_PGID, P_PID, WCONTINUED, WEXITED, WNOHANG, WNOWAIT, WSTOPPED, WUNTRACED } from '../../abi/wait.js';
import { copyIn, copyOut } from '../mem/uaccess.js';
import { execProcess } from '../proc/execve.js';
import { forkProcess } from '../proc/fork.js';
import { MAX_SIGNAL, isUncatchable, sendSignal, signalGroup } from '../proc/signal.js';
import { childSiginfo, eventStatusWord, reapChild, type ChildEvent, type ChildSelector } from '../proc/wait.js';
import type { SysContext } from './context.js';

/** clone(flags, stack, ptid, tls, ctid): only fork's form (flags = SIGCHLD, no new stack) is supported. */
export function sysClone(ctx: SysContext, flags: number, stack: number): number {
  if ((flags & ~0xff) !== 0 || (flags & 0xff) !== Signal.SIGCHLD || stack !== 0) return -Errno.EINVAL;
  return forkProcess(ctx.kernel, ctx.proc);
}

/** execve(path, argv, envp): no return on success. */
export function sysExecve(ctx: SysContext, path: number, argv: number, envp: number): number | undefined {
  return execProcess(ctx.kernel, ctx.proc, path, argv, envp);
}

/** exit(code) and exit_group(code): the low 8 bits are the status the parent sees. */
export function sysExit(ctx: SysContext, code: number): undefined {
  ctx.exit({ kind: 'exited', code: code & 0xff });
  return undefined;
}

/** Runs a wait attempt now, or sleeps on the caller's child-exit channel, retrying whenever a child changes
 *  state (ends, stops, continues). */
function waitFor(ctx: SysContext, sel: ChildSelector, options: number, report: (e: ChildEvent | undefined) => number): number | undefined {
  const wants = {
    exited: (options & WEXITED) !== 0, stopped: (options & WSTOPPED) !== 0, continued: (options & WCONTINUED) !== 0,
  };
  const attempt = (): number | undefined => {
    const r = reapChild(ctx.kernel, ctx.proc, sel, (options & WNOWAIT) !== 0, wants);
    if (r === 'none') return -Errno.ECHILD;
    if (r === 'later') return options & WNOHANG ? report(undefined) : undefined;
    return report(r);
  };
  const first = attempt();
  if (first === undefined) ctx.sleep(attempt, { channels: [ctx.proc.childExit], what: 'wait' });
  return first;
}

/** waitid(idtype, id, infop, options, rusage): 0, with the child's siginfo in *infop (zeroed with WNOHANG
 *  when no child has changed state). P_PGID with id 0 is the caller's group, as in Linux. */
export function sysWaitid(ctx: SysContext, idtype: number, id: number, infop: number, options: number): number | undefined {
  if ((options & ~(WNOHANG | WEXITED | WNOWAIT | WSTOPPED | WCONTINUED)) !== 0) return -Errno.EINVAL;
  if ((options & (WEXITED | WSTOPPED | WCONTINUED)) === 0) return -Errno.EINVAL;
  let sel: ChildSelector;
  if (idtype === P_ALL) sel = { pid: undefined };
  else if (idtype === P_PGID && id >= 0) sel = { pid: undefined, pgid: id === 0 ? ctx.proc.pgid : id };
  else if (idtype === P_PID && id > 0) sel = { pid: id };
  else return -Errno.EINVAL;
  return waitFor(ctx, sel, options, (e) => {
    if (infop === 0) return 0;
    const r = copyOut(ctx.proc.space, infop, childSiginfo(e));
    return r < 0 ? r : 0;
  });
}

/** wait4(pid, wstatus, options, rusage): the child's pid (status word in *wstatus), 0 with WNOHANG. pid -1 is
 *  any child, 0 the caller's process group, below -1 the group -pid. */
export function sysWait4(ctx: SysContext, pid: number, wstatus: number, options: number): number | undefined {
  if ((options & ~(WNOHANG | WUNTRACED | WCONTINUED | WNOWAIT)) !== 0) return -Errno.EINVAL;
  let sel: ChildSelector;
  if (pid > 0) sel = { pid };
  else if (pid === -1) sel = { pid: undefined };
  else if (pid === 0) sel = { pid: undefined, pgid: ctx.proc.pgid };
  else sel = { pid: undefined, pgid: -pid };
  return waitFor(ctx, sel, options | WEXITED, (e) => {
    if (!e) return 0;
    if (wstatus !== 0) {
      const word = new Uint8Array(4);
      new DataView(word.buffer).setInt32(0, eventStatusWord(e), true);
      const r = copyOut(ctx.proc.space, wstatus, word);
      if (r < 0) return r;
    }
    return e.child.pid;
  });
}

/**
 * kill(pid, sig): pid > 0 one process; 0 the caller's process group; -1 every process but init and the caller;
 * below -1 the process group -pid (ESRCH when it has no live member). Signal 0 only checks. Undefined when the
 * caller died.
 */
export function sysKill(ctx: SysContext, pid: number, sig: number): number | undefined {
  const k = ctx.kernel;
  if (sig < 0 || sig > MAX_SIGNAL) return -Errno.EINVAL;
  if (pid > 0) {
    const p = k.processes.get(pid);
    if (!p) return -Errno.ESRCH;
    if (sig !== 0) sendSignal(k, p, sig);
  } else if (pid === -1) {
    const targets = [...k.processes.values()].filter((p) => p.alive && p.pid !== 1 && p !== ctx.proc);
    if (sig !== 0) for (const p of targets) sendSignal(k, p, sig);
  } else {
    if (pid === -0x80000000) return -Errno.ESRCH;
    const pgid = pid === 0 ? ctx.proc.pgid : -pid;
    const members = [...k.processes.values()].filter((p) => p.alive && p.pgid === pgid);
    if (members.length === 0) return -Errno.ESRCH;
    if (sig !== 0) signalGroup(k, pgid, sig);
  }
  return ctx.proc.alive ? 0 : undefined;
}

/** rt_sigaction(sig, act, oldact, sigsetsize): struct { handler, flags, mask[2] } (12 bytes + 4 pad). */
export function sysRtSigaction(ctx: SysContext, sig: number, act: number, oldact: number, setsize: number): number {
  if (setsize !== 8) return -Errno.EINVAL;
  if (sig < 1 || sig > MAX_SIGNAL) return -Errno.EINVAL;
  if (act !== 0 && isUncatchable(sig)) return -Errno.EINVAL;
  const p = ctx.proc;
  if (oldact !== 0) {
    const cur = p.sigactions.get(sig) ?? { handler: SIG_DFL, flags: 0, mask: [0, 0] };
    const out = new Uint8Array(16);
    const v = new DataView(out.buffer);
    v.setUint32(0, cur.handler, true);
    v.setUint32(4, cur.flags, true);
    v.setUint32(8, cur.mask[0], true);
    v.setUint32(12, cur.mask[1], true);
    const r = copyOut(p.space, oldact, out);
    if (r < 0) return r;
  }
  if (act !== 0) {
    const raw = copyIn(p.space, act, 16);
    if (typeof raw === 'number') return raw;
    const v = new DataView(raw.buffer);
    const handler = v.getUint32(0, true);
    if (handler === SIG_DFL) p.sigactions.delete(sig);
    else p.sigactions.set(sig, { handler, flags: v.getUint32(4, true), mask: [v.getUint32(8, true), v.getUint32(12, true)] });
  }
  return 0;
}

/** rt_sigprocmask(how, set, oldset, sigsetsize): the mask is kept and reported (not yet enforced). */
export function sysRtSigprocmask(ctx: SysContext, how: number, set: number, oldset: number, setsize: number): number {
  if (setsize !== 8) return -Errno.EINVAL;
  const p = ctx.proc;
  if (oldset !== 0) {
    const out = new Uint8Array(8);
    new DataView(out.buffer).setUint32(0, p.sigmask[0], true);
    new DataView(out.buffer).setUint32(4, p.sigmask[1], true);
    const r = copyOut(p.space, oldset, out);
    if (r < 0) return r;
  }
  if (set === 0) return 0;
  const raw = copyIn(p.space, set, 8);
  if (typeof raw === 'number') return raw;
  const v = new DataView(raw.buffer);
  const m: [number, number] = [v.getUint32(0, true), v.getUint32(4, true)];
  if (how === SIG_BLOCK) p.sigmask = [(p.sigmask[0] | m[0]) >>> 0, (p.sigmask[1] | m[1]) >>> 0];
  else if (how === SIG_UNBLOCK) p.sigmask = [(p.sigmask[0] & ~m[0]) >>> 0, (p.sigmask[1] & ~m[1]) >>> 0];
  else if (how === SIG_SETMASK) p.sigmask = m;
  else return -Errno.EINVAL;
  return 0;
}
