// Running processes on the one hart. For now one process runs at a time: the host asks the kernel to run a
// slice, and hears back whether it is still running, waiting (for console input or a timer), or done.

import { Trap, TRAP_NAMES } from '../machine/trap.js';
import { hex8, panic } from './panic.js';
import type { Kernel } from './kernel.js';
import { switchTo } from './proc/lifecycle.js';
import type { Process } from './proc/process.js';
import { completeSyscall, handleTrap } from './trap.js';

export type RunState =
  /** Call runSlice again. */
  | { kind: 'running' }
  /** Every live process sleeps: wake on console input, or at `wakeAtMs` (monotonic) if set. */
  | { kind: 'waiting'; wakeAtMs: number | undefined }
  /** No live process is left. */
  | { kind: 'done' };

/** The first live process (lowest pid), if any. */
function pickProcess(k: Kernel): Process | undefined {
  for (const p of k.processes.values()) if (p.alive) return p;
  return undefined;
}

/** Retries a blocked system call; true when it completed (or there was none). */
function retryBlocked(k: Kernel, p: Process): boolean {
  if (!p.blocked) return true;
  const result = p.blocked();
  if (result === undefined) return false;
  p.blocked = undefined;
  if (p.alive) completeSyscall(k, result);
  return true;
}

/** Runs the hart for up to `budget` instructions (several traps may be handled) and says what comes next. */
export function runSlice(k: Kernel, budget: number): RunState {
  const cpu = k.machine.cpu;
  const stopAt = cpu.instret + budget;
  let stalled = 0;
  for (;;) {
    const p = pickProcess(k);
    if (!p) return { kind: 'done' };
    switchTo(k, p);
    if (!retryBlocked(k, p)) return { kind: 'waiting', wakeAtMs: p.wakeAtMs || undefined };
    const left = stopAt - cpu.instret;
    if (left <= 0) return { kind: 'running' };
    const before = cpu.instret;
    const trap: Trap = cpu.run(left);
    // A fault that keeps coming back with no instruction retired is a kernel bug, not a user error.
    stalled = cpu.instret === before && trap !== Trap.Ecall ? stalled + 1 : 0;
    if (stalled >= 16) panic(`runSlice: ${TRAP_NAMES[trap]} at ${hex8(cpu.tval)} repeats at pc ${hex8(cpu.pc)}`);
    handleTrap(k, p, trap);
  }
}
