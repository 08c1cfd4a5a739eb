// Sending and delivering signals.
//   SIG_IGN: the signal is discarded (never SIGKILL or SIGSTOP).
//   SIG_DFL: the process ends with the signal, except for those ignored by default (SIGCHLD, SIGCONT,
//            SIGURG, SIGWINCH) and the stop signals (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU), which stop it (see
//            jobstop.ts; SIGCONT continues it whatever its disposition, SIGKILL ends it even stopped).
//   a handler: the signal is queued; a sleeping system call is interrupted (-EINTR, or restarted after the
//            handler with SA_RESTART); before the process next runs the kernel pushes a signal frame on its
//            stack (Linux's rt_sigframe: siginfo, then a ucontext holding the old mask and the whole hart
//            state: x1..x31, pc, f registers, fcsr; see sigframe.ts) and calls handler(sig, &info, &uc) with
//            ra = SIGRETURN_VA, an address in the kernel half: the handler's return faults there, and the
//            kernel restores the frame.

import { NSIG, SA_NODEFER, SA_RESETHAND, SA_RESTART, Signal, SIG_DFL, SIG_IGN } from '../../abi/signals.js';
import type { Kernel } from '../kernel.js';
import { SIGFRAME_BYTES, UC_OFFSET } from '../../abi/sigframe.js';
import { copyIn, copyOut } from '../mem/uaccess.js';
import { exitProcess } from './lifecycle.js';
import { completeSyscall, type Process } from './process.js';
import { restoreFrame, saveFrame } from './sigframe.js';
import { endSleepBySignal } from './waitchan.js';
import { continueProcess, isStopSignal, orphanedGroup, stopProcess } from './jobstop.js';

/** Highest signal number accepted by kill and rt_sigaction. */
export const MAX_SIGNAL = NSIG - 1;
const IGNORED_BY_DEFAULT: ReadonlySet<number> = new Set([Signal.SIGCHLD, Signal.SIGCONT, Signal.SIGURG, Signal.SIGWINCH]);
/** Where a handler "returns" to: never mappable (kernel half), so the return traps into the kernel. */
export const SIGRETURN_VA = 0xfffff000;

/** True for the signals no process may catch or ignore. */
export const isUncatchable = (sig: number): boolean => sig === Signal.SIGKILL || sig === Signal.SIGSTOP;

const maskBit = (sig: number): [number, number] => (sig <= 32 ? [1 << (sig - 1), 0] : [0, 1 << (sig - 33)]);
const isMasked = (p: Process, sig: number): boolean => {
  const [lo, hi] = maskBit(sig);
  return ((p.sigmask[0] & lo) | (p.sigmask[1] & hi)) !== 0;
};

/**
 * Delivers `sig` (1..64) to `p`: ends it, queues it for its handler, or does nothing (ended, ignored).
 * Returns true when `p` was killed.
 */
export function sendSignal(k: Kernel, p: Process, sig: number): boolean {
  if (!p.alive) return false;
  // SIGCONT continues whatever its disposition and drops pending stops; a stop signal drops a pending SIGCONT.
  if (sig === Signal.SIGCONT) {
    p.pendingSignals = p.pendingSignals.filter((s) => !isStopSignal(s));
    continueProcess(k, p);
  } else if (isStopSignal(sig)) {
    p.pendingSignals = p.pendingSignals.filter((s) => s !== Signal.SIGCONT);
  }
  const handler = isUncatchable(sig) ? SIG_DFL : p.handlerOf(sig);
  if (handler === SIG_IGN) return false;
  if (handler === SIG_DFL) {
    if (IGNORED_BY_DEFAULT.has(sig)) return false;
    if (isStopSignal(sig)) {
      // Linux drops the terminal's stop signals for a group no shell could continue (an orphaned group).
      if (sig === Signal.SIGSTOP || !orphanedGroup(k, p.pgid)) stopProcess(k, p, sig);
      return false;
    }
    exitProcess(k, p, { kind: 'signaled', signal: sig });
    return true;
  }
  if (!p.pendingSignals.includes(sig)) p.pendingSignals.push(sig);
  // A stopped process takes its signals once continued (continueProcess interrupts its sleep then).
  if (p.blocked && !p.stopped && !isMasked(p, sig)) interruptSleep(k, p, sig);
  return false;
}

/** After SIGCONT: a sleeping call of `p` is interrupted by the first caught, unmasked signal waiting for it. */
export function interruptForPending(k: Kernel, p: Process): void {
  if (!p.blocked || p.stopped) return;
  const sig = p.pendingSignals.find((s) => !isMasked(p, s) && p.sigactions.has(s));
  if (sig !== undefined) interruptSleep(k, p, sig);
}

/** True when `sig` is blocked or ignored by `p` (a terminal's SIGTTIN/SIGTTOU then is not sent). */
export function blocksOrIgnores(p: Process, sig: number): boolean {
  return isMasked(p, sig) || p.handlerOf(sig) === SIG_IGN;
}

/** Wakes `p` from its sleeping system call: -EINTR, or (SA_RESTART) the ecall runs again after the handler. */
function interruptSleep(k: Kernel, p: Process, sig: number): void {
  // What woke the sleeper may also have completed its call (a child's exit ends a wait): that result wins.
  const result = endSleepBySignal(p, (p.sigactions.get(sig)!.flags & SA_RESTART) !== 0);
  if (result === undefined) return;
  completeSyscall(p, result);
}

/**
 * Before `p` runs: calls the handler of its first pending, unmasked signal by pushing a signal
 * frame. A stack that cannot take the frame kills the process with SIGSEGV.
 */
export function deliverPending(k: Kernel, p: Process): void {
  if (p.pendingSignals.length === 0 || p.blocked) return;
  const i = p.pendingSignals.findIndex((s) => !isMasked(p, s));
  if (i < 0) return;
  const sig = p.pendingSignals.splice(i, 1)[0];
  const act = p.sigactions.get(sig);
  if (!act || act.handler === SIG_DFL || act.handler === SIG_IGN) return; // reset since it was queued
  const tf = p.tf;
  const sp = (((tf.sp >>> 0) - SIGFRAME_BYTES) & ~15) >>> 0;
  if (copyOut(p.space, sp, saveFrame(tf, sig, p.sigmask)) < 0) {
    exitProcess(k, p, { kind: 'signaled', signal: Signal.SIGSEGV });
    return;
  }
  if (!(act.flags & SA_NODEFER)) {
    const [lo, hi] = maskBit(sig);
    p.sigmask = [(p.sigmask[0] | act.mask[0] | lo) >>> 0, (p.sigmask[1] | act.mask[1] | hi) >>> 0];
  }
  if (act.flags & SA_RESETHAND) p.sigactions.delete(sig);
  tf.sp = sp;
  tf.ra = SIGRETURN_VA;
  tf.a0 = sig;
  tf.a1 = sp; // &frame->info
  tf.a2 = sp + UC_OFFSET; // &frame->uc
  tf.pc = act.handler;
}

/** A handler returned (the fetch at SIGRETURN_VA): restores the frame at sp. False when it is unreadable. */
export function returnFromHandler(p: Process): boolean {
  const frame = copyIn(p.space, p.tf.sp >>> 0, SIGFRAME_BYTES);
  if (typeof frame === 'number') return false;
  p.sigmask = restoreFrame(frame, p.tf);
  return true;
}

/**
 * Sends `sig` to every live member of process group `pgid` and returns how many there were. With
 * `shieldInit` (signals from the terminal) init takes only the signals it has a handler for: the kernel
 * shields pid 1 from default actions, as Linux does.
 */
export function signalGroup(k: Kernel, pgid: number, sig: number, shieldInit = false): number {
  let n = 0;
  for (const p of [...k.processes.values()]) {
    if (!p.alive || p.pgid !== pgid) continue;
    n++;
    if (shieldInit && p.pid === 1 && p.handlerOf(sig) === SIG_DFL) continue;
    sendSignal(k, p, sig);
  }
  return n;
}
