// Waiting for children: waitid (Linux 95) and Pagoda's wait4 (260). A child that has ended is reported once
// and reaped (removed from the process table) unless WNOWAIT; with none ended yet the caller sleeps, or with
// WNOHANG returns at once.

import { Errno } from '../../abi/errno.js';
import { Signal } from '../../abi/signals.js';
import { CLD_EXITED, CLD_KILLED } from '../../abi/wait.js';
import type { Kernel } from '../kernel.js';
import { cpuMsOf, waitStatusWord, type Process } from './process.js';


/** Which children a wait accepts: every one, or the one with this pid. */
export type ChildSelector = { pid: number | undefined };

/** The children of `p` the selector accepts. */
function matchingChildren(k: Kernel, p: Process, sel: ChildSelector): Process[] {
  const out: Process[] = [];
  for (const c of k.processes.values()) {
    if (c.ppid === p.pid && c !== p && (sel.pid === undefined || c.pid === sel.pid)) out.push(c);
  }
  return out;
}

/**
 * One attempt: an ended child (reaped unless `keep`), 'none' when no child matches (ECHILD), or 'later'
 * when children are still running.
 */
export function reapChild(k: Kernel, p: Process, sel: ChildSelector, keep: boolean): Process | 'none' | 'later' {
  const children = matchingChildren(k, p, sel);
  if (children.length === 0) return 'none';
  const ended = children.find((c) => !c.alive);
  if (!ended) return 'later';
  if (!keep) {
    k.processes.delete(ended.pid);
    p.reapedCpuMs += cpuMsOf(ended) + ended.reapedCpuMs;
  }
  return ended;
}

/** The siginfo_t waitid writes: si_signo, si_errno, si_code, si_pid, si_uid, si_status (24 bytes). */
export function childSiginfo(c: Process | undefined): Uint8Array {
  const out = new Uint8Array(24);
  if (!c || !c.status) return out;
  const v = new DataView(out.buffer);
  const s = c.status;
  v.setInt32(0, Signal.SIGCHLD, true);
  v.setInt32(8, s.kind === 'exited' ? CLD_EXITED : CLD_KILLED, true);
  v.setInt32(12, c.pid, true);
  v.setInt32(20, s.kind === 'exited' ? s.code : s.signal, true);
  return out;
}

export { waitStatusWord };
