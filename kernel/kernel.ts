// The kernel's parts, wired together; no logic lives here. boot.ts builds one, proc/spawn.ts starts programs in
// it, sched.ts runs them, trap.ts handles what the hart reports.

import type { Machine } from '../machine/machine.js';
import type { ChunkMap } from './mem/chunks.js';
import type { CommitLedger } from './mem/commit.js';
import type { FrameAllocator } from './mem/frames.js';
import type { ConsoleInput } from './dev/console.js';
import type { BootFiles } from './fs/bootfiles.js';
import type { Process } from './proc/process.js';
import type { RunQueue } from './proc/runqueue.js';
import type { Vfs } from './fs/vfs.js';
import type { ProgramActivity } from './programs/activity.js';

/** Where the kernel's output goes; the host decides (console, stdout, stderr, a test buffer). */
export interface KernelSinks {
  /** Bytes a process writes to fd 1 (and to /dev/console). */
  stdout: (bytes: Uint8Array) => void;
  /** Bytes a process writes to fd 2. */
  stderr: (bytes: Uint8Array) => void;
  /** One line of kernel messages: fault reports, out-of-memory kills. */
  message: (line: string) => void;
  /** One line of the boot log. */
  bootLog: (line: string) => void;
  /** A file a program hands to the host (host_export: the web page downloads it); absent, the host takes none. */
  exportFile?: (path: string, bytes: Uint8Array) => void;
}

export interface Kernel {
  readonly machine: Machine;
  readonly chunks: ChunkMap;
  readonly frames: FrameAllocator;
  readonly commit: CommitLedger;
  readonly files: BootFiles;
  readonly consoleInput: ConsoleInput;
  readonly sinks: KernelSinks;
  /** 16 random bytes per call (AT_RANDOM). */
  readonly random: () => Uint8Array;
  /** Host clocks in ms: the epoch and a monotonic clock. */
  readonly realtimeMs: () => number;
  readonly monotonicMs: () => number;
  /** Every process by pid, dead ones included until reaped (a ProcessTable: entering one makes it runnable). */
  readonly processes: Map<number, Process>;
  /** Runnable, sleeping and woken processes (sched.ts picks from it; wait channels wake into it). */
  readonly runQueue: RunQueue;
  /** The process on the hart, if any. */
  current: Process | undefined;
  nextPid: number;
  /** The file tree (ramfs, /dev, /proc); set right after boot. */
  fs: Vfs;
  /** Most processes (live and zombie) at once: fork fails with EAGAIN beyond it. */
  maxProcesses: number;
  /** Run the auditor (kernel/audit/) after every process exit: a broken invariant panics at once. */
  audit: boolean;
  /** Round-robin position: the pid that ran last (the next turn goes to the next pid after it). */
  lastPid: number;
  /** Kernel-provided programs in flight (kernel/programs/): the run loop waits for them too. */
  readonly programs: ProgramActivity;
}
