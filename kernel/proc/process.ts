// A process: pid, parent, program name, address space, open files, working directory, signal dispositions,
// registers (its trapframe), and how it ended. The one hart runs from the current process's trapframe; the
// others' wait in theirs.
// A process that has ended stays in the kernel's table as a zombie until its parent reaps it with
// waitid/wait4 (or, with no parent to do so, until the kernel reaps it at once: `autoReap`).

import { SIG_DFL } from '../../abi/signals.js';
import { Hart } from '../../machine/hart.js';
import type { AddressSpace } from '../mem/addrspace.js';
import type { HeapRegistration } from '../mem/heap/descriptor.js';
import type { Region } from '../mem/region.js';
import { FdTable } from './fdtable.js';
import { WaitChannel, type Sleep } from './waitchan.js';
import type { PerfSession } from '../perf/session.js';
import type { CacheLevelSpec } from '../../machine/perf/cache.js';

/** How a process ended: exit(code) or killed by a signal. */
export type ExitStatus = { kind: 'exited'; code: number } | { kind: 'signaled'; signal: number };

/** Instructions per ms at the nominal 100 MHz the CPU-time clocks count in. */
export const INSTRUCTIONS_PER_MS = 100_000;

/** CPU time `p` used, in ms: its instructions at the nominal clock rate plus host time a kernel program's
 *  body spent on its behalf. */
export const cpuMsOf = (p: Process): number => p.instructions / INSTRUCTIONS_PER_MS + p.hostCpuMs;

/** Shell-style status: the exit code, or 128 + the signal. */
export const shellStatus = (s: ExitStatus): number => (s.kind === 'exited' ? s.code & 0xff : 128 + s.signal);

/** Linux's wait status word: code << 8 for an exit, the signal number for a kill. */
export const waitStatusWord = (s: ExitStatus): number => (s.kind === 'exited' ? (s.code & 0xff) << 8 : s.signal & 0x7f);

/** A sleeping system call: retried after each wake-up until it returns a number (the syscall's result). */
export type Resume = () => number | undefined;

/** A signal's disposition as rt_sigaction stores it: handler (0 default, 1 ignore, else an address). */
export interface SigAction {
  handler: number;
  flags: number;
  mask: [number, number];
}

export class Process {
  fds = new FdTable();
  /**
   * The trapframe: x and f registers, pc, fcsr. While the process is current the CPU runs from this very
   * object (lifecycle.ts switchTo), so it always holds the process's registers as of the last trap.
   */
  readonly tf = new Hart();
  /** The parent's pid; 0 when the host started the process (the host then reads its status). */
  ppid = 0;
  /** Reaped by the kernel the moment it ends (an orphan with no init to adopt it). */
  autoReap = false;
  /** The absolute, normalised working directory. */
  cwd = '/';
  /** Dispositions by signal number (absent: SIG_DFL). */
  readonly sigactions = new Map<number, SigAction>();
  /** rt_sigprocmask's mask: caught signals in it wait in pendingSignals (default actions are not held back). */
  sigmask: [number, number] = [0, 0];
  /** Caught signals waiting for delivery to their handlers, oldest first. */
  pendingSignals: number[] = [];
  /** Process group and session ids (setpgid, setsid): a spawned process leads both; fork inherits them. */
  pgid: number;
  sid: number;
  /** The stop signal that stopped the process (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU), 0 while it is not stopped.
   *  A stopped process is never scheduled (RunQueue.park) until SIGCONT or SIGKILL. */
  stopSignal = 0;
  /** A change its parent's wait has not seen yet: stopped by that signal, or continued. */
  jobReport: { kind: 'stopped'; signal: number } | { kind: 'continued' } | undefined;
  /** TIOCNOTTY by a process that does not lead its session: the console is no longer its terminal. */
  detachedTty = false;
  /** Set once the process has called execve (setpgid on it from its parent then fails with EACCES). */
  execed = false;
  /** The file-mode creation mask (umask). */
  umask = 0o022;
  /** argv as exec gave it (for /proc/PID/cmdline and ps). */
  argv: readonly string[] = [];
  /** The executable's bytes as exec loaded them (for symbolize, kernel/proc/symbols.ts). */
  image: Uint8Array | undefined;
  /** Perf counting (kernel/perf/session.ts): while set, the scheduler runs the process through its stepper. */
  perf: PerfSession | undefined;
  /** perf_ctl ENABLE_AT_EXEC: the cache levels (or null for none) of the session the next execve starts. */
  perfAtExec: readonly CacheLevelSpec[] | null | undefined;
  /** User instructions retired while this process was on the hart. */
  instructions = 0;
  /** Host CPU time in ms spent on this process's behalf outside the hart (a kernel program's body). */
  hostCpuMs = 0;
  /** CPU ms of the children this process reaped (theirs and their reaped children's): times()'s cutime. */
  reapedCpuMs = 0;
  /** Called once when the process ends (a kernel program's body stops waiting then). */
  onExit: (() => void) | undefined;
  /** Monotonic ms at creation (fork or spawn). */
  startMs = 0;
  /** set_tid_address's pointer (cleared at exit; no threads yet, so nothing waits on it). */
  clearChildTid = 0;
  /** Set while a system call sleeps (see waitchan.ts, runqueue.ts); undefined while the process can run. */
  sleep: Sleep | undefined;
  /** Woken when a child of this process ends (or a zombie is given to it): its waitid/wait4 sleep here. */
  readonly childExit = new WaitChannel('child exit');
  status: ExitStatus | undefined;
  /** Where the libc keeps its heap structures (heap_register, 1001); fork copies it, exec forgets it. */
  heap: HeapRegistration | undefined;
  /** The regions as they were when the process ended (for tests and post-mortems). */
  finalRegions: Region[] = [];

  constructor(
    readonly pid: number,
    /** The program path, as in fault reports and /proc/PID/status (exec changes it). */
    public name: string,
    public space: AddressSpace,
  ) {
    this.pgid = pid;
    this.sid = pid;
  }

  get alive(): boolean { return this.status === undefined; }

  /** True while a system call of this process sleeps. */
  get blocked(): boolean { return this.sleep !== undefined; }

  /** True while a stop signal holds the process. */
  get stopped(): boolean { return this.stopSignal !== 0; }

  /** What the process sleeps for, for /proc/PID/status and ps ('' when it can run). */
  get waitChannel(): string { return this.sleep?.what ?? ''; }

  /** The handler registered for `sig` (SIG_DFL when none). */
  handlerOf(sig: number): number { return this.sigactions.get(sig)?.handler ?? SIG_DFL; }
}

/**
 * Finishes the system call `p` made with `result`: a0 gets it and pc moves past the ecall. The same whether or
 * not `p` is on the hart, since the hart runs from `p.tf`.
 */
export function completeSyscall(p: Process, result: number): void {
  p.tf.a0 = result;
  p.tf.pc = (p.tf.pc + 4) >>> 0;
}
