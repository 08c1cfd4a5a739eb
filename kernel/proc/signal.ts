// Sending and delivering signals.
//   SIG_IGN: the signal is discarded (never SIGKILL or SIGSTOP).
//   SIG_DFL: the process ends with the signal, except for those ignored by default (SIGCHLD, SIGCONT,
//            SIGURG, SIGWINCH).
//   a handler: the signal is queued; a sleeping system call is interrupted (-EINTR, or restarted after the
//            handler with SA_RESTART); before the process next runs the kernel pushes a signal frame on its
//            stack (x1..x31, pc, the old mask) and calls handler(sig) with ra = SIGRETURN_VA, an address in
//            the kernel half: the handler's return faults there, and the kernel restores the frame.

import { Signal } from '../../abi/signals.js';
import type { Kernel } from '../kernel.js';
import { copyIn, copyOut } from '../mem/uaccess.js';
import { exitProcess } from './lifecycle.js';
import { SIG_DFL, SIG_IGN, type Process } from './process.js';
import { endSleepBySignal } from './waitchan.js';

/** Highest signal number accepted by kill and rt_sigaction. */
export const MAX_SIGNAL = 64;
const SIGSTOP = 19;
const IGNORED_BY_DEFAULT: ReadonlySet<number> = new Set([Signal.SIGCHLD, 18, 23, 28]);
export const SA_RESTART = 0x10000000;
export const SA_NODEFER = 0x40000000;
export const SA_RESETHAND = 0x80000000;
/** Where a handler "returns" to: never mappable (kernel half), so the return traps into the kernel. */
export const SIGRETURN_VA = 0xfffff000;
/** The signal frame: x1..x31, pc, and the two words of the mask to restore. */
const FRAME_WORDS = 34;
const FRAME_BYTES = 144;

/** True for the signals no process may catch or ignore. */
export const isUncatchable = (sig: number): boolean => sig === Signal.SIGKILL || sig === SIGSTOP;

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
  const handler = isUncatchable(sig) ? SIG_DFL : p.handlerOf(sig);
  if (handler === SIG_IGN) return false;
  if (handler === SIG_DFL) {
    if (IGNORED_BY_DEFAULT.has(sig)) return false;
    exitProcess(k, p, { kind: 'signaled', signal: sig });
    return true;
  }
  if (!p.pendingSignals.includes(sig)) p.pendingSignals.push(sig);
  if (p.blocked && !isMasked(p, sig)) interruptSleep(k, p, sig);
  return false;
}

/** Wakes `p` from its sleeping system call: -EINTR, or (SA_RESTART) the ecall runs again after the handler. */
function interruptSleep(k: Kernel, p: Process, sig: number): void {
  // What woke the sleeper may also have completed its call (a child's exit ends a wait): that result wins.
  const result = endSleepBySignal(p, (p.sigactions.get(sig)!.flags & SA_RESTART) !== 0);
  if (result === undefined) return;
  if (k.current === p) {
    k.machine.cpu.x[10] = result;
    k.machine.cpu.pc = (k.machine.cpu.pc + 4) >>> 0;
  } else {
    p.x[10] = result;
    p.pc = (p.pc + 4) >>> 0;
  }
}

/**
 * Before `p` (on the hart) runs: calls the handler of its first pending, unmasked signal by pushing a signal
 * frame. A stack that cannot take the frame kills the process with SIGSEGV.
 */
export function deliverPending(k: Kernel, p: Process): void {
  if (p.pendingSignals.length === 0 || p.blocked) return;
  const i = p.pendingSignals.findIndex((s) => !isMasked(p, s));
  if (i < 0) return;
  const sig = p.pendingSignals.splice(i, 1)[0];
  const act = p.sigactions.get(sig);
  if (!act || act.handler === SIG_DFL || act.handler === SIG_IGN) return; // reset since it was queued
  const cpu = k.machine.cpu;
  const frame = new Uint8Array(FRAME_BYTES);
  const v = new DataView(frame.buffer);
  for (let r = 1; r < 32; r++) v.setInt32((r - 1) * 4, cpu.x[r], true);
  v.setUint32(31 * 4, cpu.pc >>> 0, true);
  v.setUint32(32 * 4, p.sigmask[0], true);
  v.setUint32(33 * 4, p.sigmask[1], true);
  const sp = ((cpu.x[2] >>> 0) - FRAME_BYTES) & ~15;
  if (copyOut(p.space, sp, frame) < 0) {
    exitProcess(k, p, { kind: 'signaled', signal: Signal.SIGSEGV });
    return;
  }
  if (!(act.flags & SA_NODEFER)) {
    const [lo, hi] = maskBit(sig);
    p.sigmask = [(p.sigmask[0] | act.mask[0] | lo) >>> 0, (p.sigmask[1] | act.mask[1] | hi) >>> 0];
  }
  if (act.flags & SA_RESETHAND) p.sigactions.delete(sig);
  cpu.x[2] = sp;
  cpu.x[1] = SIGRETURN_VA;
  cpu.x[10] = sig;
  cpu.pc = act.handler;
}

/** A handler returned (the fetch at SIGRETURN_VA): restores the frame at sp. False when it is unreadable. */
export function returnFromHandler(k: Kernel, p: Process): boolean {
  const cpu = k.machine.cpu;
  const raw = copyIn(p.space, cpu.x[2] >>> 0, FRAME_WORDS * 4);
  if (typeof raw === 'number') return false;
  const v = new DataView(raw.buffer);
  for (let r = 1; r < 32; r++) cpu.x[r] = v.getInt32((r - 1) * 4, true);
  cpu.pc = v.getUint32(31 * 4, true);
  p.sigmask = [v.getUint32(32 * 4, true), v.getUint32(33 * 4, true)];
  return true;
}

/**
 * A signal from the terminal (Ctrl-C SIGINT, Ctrl-\ SIGQUIT): sent to every live process whose controlling
 * terminal is the console, except init (pid 1, which the kernel shields from it as Linux does).
 */
export function signalTerminal(k: Kernel, sig: number): void {
  for (const p of [...k.processes.values()]) {
    if (p.alive && p.hasTty && p.pid !== 1) sendSignal(k, p, sig);
  }
}
