// Runs the kernel until every process has ended, on behalf of a host (the CLI, the test harness, the web
// worker). The host supplies the waiting: the kernel itself never touches timers or I/O.

import type { Kernel } from './kernel.js';
import { runSlice } from './sched.js';

export interface HostWaits {
  /** Resolves when console input arrives (or the input closes), or after `ms` milliseconds if given. */
  waitForInput(ms: number | undefined): Promise<void>;
  /** Lets the host's event loop run between slices (pending input, output flushing). */
  yieldToHost(): Promise<void>;
}

/** Instructions per slice between host turns. */
export const SLICE_INSTRUCTIONS = 1 << 22;

/**
 * Runs slices until no live process remains, or until `maxInstructions` retired (then returns false: the
 * caller decides what a runaway program means).
 */
export async function runUntilDone(k: Kernel, host: HostWaits, maxInstructions = Infinity): Promise<boolean> {
  const start = k.machine.cpu.instret;
  for (;;) {
    const left = maxInstructions - (k.machine.cpu.instret - start);
    if (left <= 0) return false;
    const state = runSlice(k, Math.min(SLICE_INSTRUCTIONS, left));
    if (state.kind === 'done') return true;
    if (state.kind === 'waiting') {
      const ms = state.wakeAtMs === undefined ? undefined : Math.max(0, state.wakeAtMs - k.monotonicMs());
      const input = host.waitForInput(ms);
      // A kernel program (kernel/programs/) may end or need a scheduler pass while everything sleeps.
      await (k.programs.running > 0 ? Promise.race([input, k.programs.next()]) : input);
    } else {
      await host.yieldToHost();
    }
  }
}
