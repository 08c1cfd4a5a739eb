// Sending signals. Every signal's default action here is to end the process, except those whose default is
// to be ignored (SIGCHLD, SIGCONT, SIGURG, SIGWINCH). SIG_IGN discards a signal (never SIGKILL). A handler
// installed with rt_sigaction is recorded, but handlers are not run yet: such a signal takes its default
// action.

import { Signal } from '../../abi/signals.js';
import type { Kernel } from '../kernel.js';
import { exitProcess } from './lifecycle.js';
import { SIG_IGN, type Process } from './process.js';

/** Highest signal number accepted by kill and rt_sigaction. */
export const MAX_SIGNAL = 64;
const SIGSTOP = 19;
const IGNORED_BY_DEFAULT: ReadonlySet<number> = new Set([Signal.SIGCHLD, 18, 23, 28]);

/** True for the signals no process may catch or ignore. */
export const isUncatchable = (sig: number): boolean => sig === Signal.SIGKILL || sig === SIGSTOP;

/**
 * Delivers `sig` (1..64) to `p`: ends it with the signal, or does nothing when `p` has ended, ignores the
 * signal, or the signal is ignored by default. Returns true when `p` was killed.
 */
export function sendSignal(k: Kernel, p: Process, sig: number): boolean {
  if (!p.alive) return false;
  if (!isUncatchable(sig)) {
    if (p.handlerOf(sig) === SIG_IGN) return false;
    if (IGNORED_BY_DEFAULT.has(sig)) return false;
  }
  exitProcess(k, p, { kind: 'signaled', signal: sig });
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
