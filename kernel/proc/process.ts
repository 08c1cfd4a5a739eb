// A process: pid, program name, address space, open files, saved registers, and how it ended.
// One hart runs the current process; the others' registers wait here.

import type { AddressSpace } from '../mem/addrspace.js';
import type { Region } from '../mem/region.js';
import { FdTable } from './fdtable.js';

/** How a process ended: exit(code) or killed by a signal. */
export type ExitStatus = { kind: 'exited'; code: number } | { kind: 'signaled'; signal: number };

/** Shell-style status: the exit code, or 128 + the signal. */
export const shellStatus = (s: ExitStatus): number => (s.kind === 'exited' ? s.code & 0xff : 128 + s.signal);

/** A blocked system call: retried until it returns a number (the syscall's result). */
export type Resume = () => number | undefined;

export class Process {
  readonly fds = new FdTable();
  /** Saved x0..x31 and pc while the process is not on the hart. */
  readonly x = new Int32Array(32);
  pc = 0;
  /** set_tid_address's pointer (cleared at exit; no threads yet, so nothing waits on it). */
  clearChildTid = 0;
  /** Set while a system call sleeps: retried by the scheduler until it completes. */
  blocked: Resume | undefined;
  /** When blocked on a timer, the host time (ms) to retry at. */
  wakeAtMs = 0;
  status: ExitStatus | undefined;
  /** The regions as they were when the process ended (for tests and post-mortems). */
  finalRegions: Region[] = [];

  constructor(
    readonly pid: number,
    /** The program path, as in fault reports and /proc/PID/comm. */
    readonly name: string,
    public space: AddressSpace,
  ) {}

  get alive(): boolean { return this.status === undefined; }
}
