// What a system call handler may use: the calling process and a few kernel services. Handlers decode their
// arguments, validate them, and return the result (a value or -errno). `undefined` means no result now: the
// process sleeps (its Resume will produce the result after a wake-up) or is gone (exit).

import type { ExitStatus, Process, Resume } from '../proc/process.js';
import type { SleepOn } from '../proc/waitchan.js';
import type { Kernel } from '../kernel.js';

export interface SysContext {
  readonly proc: Process;
  /** The whole kernel, for the calls that reach beyond the caller (fork, wait, kill, the file tree). */
  readonly kernel: Kernel;
  /** Ends the calling process. */
  exit(status: ExitStatus): void;
  /**
   * Puts the calling process to sleep on `on.channels` and/or until `on.wakeAtMs`; `resume` is retried at each
   * wake-up until it returns the call's result. The handler then returns undefined.
   */
  sleep(resume: Resume, on: SleepOn): void;
  /** Host time in ms: wall clock (epoch) and monotonic since boot. */
  realtimeMs(): number;
  monotonicMs(): number;
  /** User instructions the process has retired (for the CPU-time clocks). */
  cpuInstructions(): number;
}

export type SyscallHandler = (ctx: SysContext, a0: number, a1: number, a2: number, a3: number, a4: number, a5: number) => number | undefined;
