// Waiting for children: waitid (Linux 95) and Pagoda's wait4 (260). A child that has ended is reported once
// and reaped (removed from the process table) unless WNOWAIT; a child that stopped or continued is reported
// once to a wait that asks for it (WUNTRACED/WSTOPPED, WCONTINUED). With nothing to report the caller sleeps,
// or with WNOHANG returns at once.

import { Signal } from '../../abi/signals.js';
import { CLD_CONTINUED, CLD_EXITED, CLD_KILLED, CLD_STOPPED } from '../../abi/wait.js';
import type { Kernel } from '../kernel.js';
import { cpuMsOf, waitStatusWord as exitStatusWord, type Process } from './process.js';

/** Which children a wait accepts: every one, the one with this pid, or the members of one process group. */
export type ChildSelector = { pid: number | undefined; pgid?: number };

/** What a wait reports about a child: it ended (a zombie), stopped with a signal, or continued. */
export type ChildEvent =
  | { child: Process; kind: 'exited' }
  | { child: Process; kind: 'stopped'; signal: number }
  | { child: Process; kind: 'continued' };

/** Which kinds of change the wait asks for, besides the ends of children (WEXITED). */
export interface WaitWants {
  exited: boolean;
  stopped: boolean;
  continued: boolean;
}

/** The children of `p` the selector accepts, in pid order. */
function matchingChildren(k: Kernel, p: Process, sel: ChildSelector): Process[] {
  const out: Process[] = [];
  for (const c of k.processes.values()) {
    if (c.ppid !== p.pid || c === p) continue;
    if (sel.pid !== undefined && c.pid !== sel.pid) continue;
    if (sel.pgid !== undefined && c.pgid !== sel.pgid) continue;
    out.push(c);
  }
  return out;
}

/**
 * One attempt: the first child with something the wait wants to hear (an ended child is reaped unless `keep`;
 * a stop or continue report is used up unless `keep`), 'none' when no child matches (ECHILD), or 'later'
 * when the matching children have nothing to report yet.
 */
export function reapChild(k: Kernel, p: Process, sel: ChildSelector, keep: boolean, wants: WaitWants = { exited: true, stopped: false, continued: false }): ChildEvent | 'none' | 'later' {
  const children = matchingChildren(k, p, sel);
  if (children.length === 0) return 'none';
  for (const c of children) {
    if (!c.alive) {
      if (!wants.exited) continue;
      if (!keep) {
        k.processes.delete(c.pid);
        p.reapedCpuMs += cpuMsOf(c) + c.reapedCpuMs;
      }
      return { child: c, kind: 'exited' };
    }
    const r = c.jobReport;
    if (!r) continue;
    if (r.kind === 'stopped' && wants.stopped && c.stopped) {
      if (!keep) c.jobReport = undefined;
      return { child: c, kind: 'stopped', signal: r.signal };
    }
    if (r.kind === 'continued' && wants.continued) {
      if (!keep) c.jobReport = undefined;
      return { child: c, kind: 'continued' };
    }
  }
  return 'later';
}

/** Linux's wait status word: code << 8 for an exit, the signal for a kill, 0x7f | sig << 8 for a stop,
 *  0xffff for a continue. */
export function eventStatusWord(e: ChildEvent): number {
  if (e.kind === 'stopped') return 0x7f | ((e.signal & 0xff) << 8);
  if (e.kind === 'continued') return 0xffff;
  return exitStatusWord(e.child.status!);
}

/** The siginfo_t waitid writes: si_signo, si_errno, si_code, si_pid, si_uid, si_status (24 bytes). */
export function childSiginfo(e: ChildEvent | undefined): Uint8Array {
  const out = new Uint8Array(24);
  if (!e) return out;
  const v = new DataView(out.buffer);
  v.setInt32(0, Signal.SIGCHLD, true);
  let code: number;
  let status: number;
  if (e.kind === 'stopped') {
    code = CLD_STOPPED;
    status = e.signal;
  } else if (e.kind === 'continued') {
    code = CLD_CONTINUED;
    status = Signal.SIGCONT;
  } else {
    const s = e.child.status!;
    code = s.kind === 'exited' ? CLD_EXITED : CLD_KILLED;
    status = s.kind === 'exited' ? s.code : s.signal;
  }
  v.setInt32(8, code, true);
  v.setInt32(12, e.child.pid, true);
  v.setInt32(20, status, true);
  return out;
}

export { exitStatusWord as waitStatusWord };
