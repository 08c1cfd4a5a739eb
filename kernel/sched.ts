// Running processes on the one hart, round robin. The current process keeps the hart until it sleeps, ends,
// or the timer fires (every `timer.interval` instructions); then the next runnable pid after it gets a turn.
// A sleeping process (its system call blocked: read on an empty tty or pipe, wait, nanosleep) is not run:
// its system call is retried when the scheduler looks for work, and it runs again once that completes. The
// host asks the kernel to run a slice and hears back whether it is still running, waiting (every live
// process sleeps: for console input or a timer), or done. Console output is limited per host turn when the
// host asks for it (ConsoleInput.outputPerTurn): a writer past the share sleeps until the next slice.

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

/** Retries a sleeping system call; true when the process can run (it completed, or there was none). */
function retryBlocked(k: Kernel, p: Process): boolean {
  if (!p.blocked) return true;
  const result = p.blocked();
  if (result === undefined || !p.blocked) return false;
  p.blocked = undefined;
  p.waitChannel = '';
  if (p.alive) completeSyscall(p, result);
  return p.alive;
}

/**
 * The process to run next: the current one unless it sleeps, ended or its turn is over (`rotate`), else the
 * first runnable pid after it in order. Undefined when none can run; `live` tells whether any exists.
 */
function pickProcess(k: Kernel, rotate: boolean): { next: Process | undefined; live: boolean; wakeAtMs: number } {
  const cur = k.current;
  if (cur && !rotate && cur.alive && !cur.blocked) return { next: cur, live: true, wakeAtMs: 0 };
  const after = cur ? cur.pid : k.lastPid;
  for (;;) {
    const all = [...k.processes.values()];
    const liveBefore = all.filter((p) => p.alive).length;
    let start = all.findIndex((p) => p.pid > after);
    if (start < 0) start = 0;
    let wakeAtMs = 0;
    for (let i = 0; i < all.length; i++) {
      const p = all[(start + i) % all.length];
      if (!p.alive) continue;
      if (retryBlocked(k, p)) return { next: p, live: true, wakeAtMs };
      if (p.alive && p.wakeAtMs && (wakeAtMs === 0 || p.wakeAtMs < wakeAtMs)) wakeAtMs = p.wakeAtMs;
    }
    // A retried call may have ended its process (SIGPIPE), which may be what an earlier sleeper waits for
    // (its exit, its pipe end closing): look again until a pass changes nothing.
    const liveAfter = all.filter((p) => p.alive).length;
    if (liveAfter === liveBefore) return { next: undefined, live: liveAfter > 0, wakeAtMs };
  }
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
      return { kind: 'waiting', wakeAtMs: wakeAtMs || undefined };
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
    const trap: Trap = cpu.run(left);
    p.instructions += cpu.instret - before;
    // A fault that keeps coming back with no instruction retired is a kernel bug, not a user error.
    stalled = cpu.instret === before && trap !== Trap.Ecall && trap !== Trap.Timer ? stalled + 1 : 0;
    if (stalled >= 16) panic(`runSlice: ${TRAP_NAMES[trap]} at ${hex8(cpu.tval)} repeats at pc ${hex8(cpu.pc)}`);
    handleTrap(k, p, trap);
    if (trap === Trap.Timer) rotate = true;
  }
}
