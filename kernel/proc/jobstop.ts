// Stopping and continuing processes, the kernel's half of job control. A stop signal whose action is the
// default (SIGSTOP always) stops a process: it leaves the run queue (a sleeping call stays pending but is not
// retried) until SIGCONT continues it or SIGKILL ends it. Each stop and each continue is reported to the
// parent once: its wait sees it (wait4 WUNTRACED / WCONTINUED, waitid WSTOPPED / WCONTINUED) and it gets
// SIGCHLD unless its SIGCHLD action has SA_NOCLDSTOP, as in Linux.

import { SA_NOCLDSTOP, Signal } from '../../abi/signals.js';
import type { Kernel } from '../kernel.js';
import type { Process } from './process.js';
import { interruptForPending, sendSignal } from './signal.js';

/** SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU: the signals whose default action stops. */
export const isStopSignal = (sig: number): boolean =>
  sig === Signal.SIGSTOP || sig === Signal.SIGTSTP || sig === Signal.SIGTTIN || sig === Signal.SIGTTOU;

/** Tells `p`'s parent that `p` stopped or continued: its wait is retried, and SIGCHLD unless SA_NOCLDSTOP. */
function tellParent(k: Kernel, p: Process): void {
  const parent = k.processes.get(p.ppid);
  if (!parent || !parent.alive || parent === p) return;
  parent.childExit.wakeAll();
  const act = parent.sigactions.get(Signal.SIGCHLD);
  if (!act || (act.flags & SA_NOCLDSTOP) === 0) sendSignal(k, parent, Signal.SIGCHLD);
}

/** Stops live `p` with stop signal `sig` (nothing when it is stopped already). */
export function stopProcess(k: Kernel, p: Process, sig: number): void {
  if (!p.alive || p.stopped) return;
  p.stopSignal = sig;
  k.runQueue.park(p);
  p.jobReport = { kind: 'stopped', signal: sig };
  tellParent(k, p);
}

/** Continues stopped `p` (SIGCONT): runnable again, its sleeping call retried or cut short by a caught signal
 *  that came while it was stopped. */
export function continueProcess(k: Kernel, p: Process): void {
  if (!p.alive || !p.stopped) return;
  p.stopSignal = 0;
  k.runQueue.unpark(p);
  p.jobReport = { kind: 'continued' };
  tellParent(k, p);
  interruptForPending(k, p);
}

/**
 * True when process group `pgid` is orphaned (POSIX): no live member has a parent in another group of the
 * same session — nobody left who could continue it, so the terminal's stop signals are dropped for it.
 */
export function orphanedGroup(k: Kernel, pgid: number): boolean {
  for (const m of k.processes.values()) {
    if (!m.alive || m.pgid !== pgid) continue;
    const parent = k.processes.get(m.ppid);
    if (parent && parent.alive && parent.pgid !== pgid && parent.sid === m.sid) return false;
  }
  return true;
}
