// Running processes on the one hart, round robin. The current process keeps the hart until it sleeps, ends,
// or the timer fires (every `timer.interval` instructions); then the next runnable pid after it gets a turn.
// A sleeping process (its system call blocked: read on an empty tty or pipe, wait, nanosleep) sits on wait
// channels (proc/waitchan.ts) and is never looked at; when something wakes it, its system call is retried
// once at the next pass, and it runs again once that completes (else it sleeps again). The work of a pass is
// the runnable and woken processes, never the sleepers (RunQueue.work counts it). The host asks the kernel
// to run a slice and hears back whether it is still running, waiting (every live process sleeps: for console
// input or a timer), or done. Console output is limited per host turn when the host asks for it
// (ConsoleInput.outputPerTurn): a writer past the share sleeps until the next slice refills it.

import { Trap, TRAP_NAMES } from '../machine/trap.js';
import { hex8, panic } from './panic.js';
import type { Kernel } from './kernel.js';
import { switchTo } from './proc/lifecycle.js';
import { deliverPending } from './proc/signal.js';
import { completeSyscall, type Process } from './proc/process.js';
import { handleTrap } from './trap.js';

export type RunState =
  /** Call runSlice again. */
  | { kind: 'running' }
  /** Every live process sleeps: wake on console input, or at `wakeAtMs` (monotonic) if set. */
  | { kind: 'waiting'; wakeAtMs: number | undefined }
  /** No live process is left. */
  | { kind: 'done' };

/**
 * Retries the system call of every woken process, awake (a signal it raises itself is queued, not taken for
 * an interruption): completed calls make their process runnable, the others sleep again on the same objects.
 * A retry may wake others (a SIGPIPE ends a process, which wakes its parent's wait): they are retried too.
 */
function retryWoken(k: Kernel): void {
  const q = k.runQueue;
  for (let p = q.takeWoken(); p; p = q.takeWoken()) {
    const s = p.sleep!;
    q.cancel(p);
    q.work.retries++;
    const result = s.resume();
    if (!p.alive) continue;
    if (result === undefined) q.sleepAgain(p, s);
    else completeSyscall(p, result);
  }
}

/**
 * The process to run next: the current one unless it sleeps, ended or its turn is over (`rotate`), else the
 * first runnable pid after it in order, once due timers and woken processes have been dealt with. Undefined
 * when none can run; `live` tells whether any exists, `wakeAtMs` the earliest timer deadline.
 */
function pickProcess(k: Kernel, rotate: boolean): { next: Process | undefined; live: boolean; wakeAtMs: number | undefined } {
  const cur = k.current;
  const q = k.runQueue;
  if (cur && !rotate && cur.alive && !cur.sleep && !cur.stopped) return { next: cur, live: true, wakeAtMs: undefined };
  if (q.earliestWakeMs !== undefined) q.wakeDue(k.monotonicMs());
  retryWoken(k);
  const next = q.nextReady(cur ? cur.pid : k.lastPid);
  return { next, live: next !== undefined || q.live, wakeAtMs: q.earliestWakeMs };
}

/** Runs the hart for up to `budget` instructions (several traps may be handled) and says what comes next. */
export function runSlice(k: Kernel, budget: number): RunState {
  const cpu = k.machine.cpu;
  const stopAt = cpu.instret + budget;
  let stalled = 0;
  let rotate = false;
  k.consoleInput.refillOutput();
  for (;;) {
    k.consoleInput.pump();
    const { next: p, live, wakeAtMs } = pickProcess(k, rotate);
    rotate = false;
    if (!p) {
      if (!live) return { kind: 'done' };
      // A writer waits for the console's next share of output: the host takes its turn, then we go on.
      if (k.consoleInput.outputStarved) return { kind: 'running' };
      return { kind: 'waiting', wakeAtMs };
    }
    switchTo(k, p);
    k.lastPid = p.pid;
    if (p.pendingSignals.length > 0) {
      deliverPending(k, p);
      if (!p.alive) continue;
    }
    const left = stopAt - cpu.instret;
    if (left <= 0) return { kind: 'running' };
    const before = cpu.instret;
    // Perf counting runs the process through its counting stepper; otherwise the CPU runs untouched.
    const trap: Trap = p.perf ? p.perf.stepper.run(cpu, left) : cpu.run(left);
    p.instructions += cpu.instret - before;
    // A fault that keeps coming back with no instruction retired is a kernel bug, not a user error.
    stalled = cpu.instret === before && trap !== Trap.Ecall && trap !== Trap.Timer ? stalled + 1 : 0;
    if (stalled >= 16) panic(`runSlice: ${TRAP_NAMES[trap]} at ${hex8(cpu.tval)} repeats at pc ${hex8(cpu.pc)}`);
    handleTrap(k, p, trap);
    if (trap === Trap.Timer) rotate = true;
  }
}
