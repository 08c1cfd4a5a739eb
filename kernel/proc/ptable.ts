// The process table: every process by pid, zombies included until reaped. It is a Map, so everything that
// reads it (ps, /proc, wait, kill) stays a plain lookup; entering a process also makes it runnable on the run
// queue, and dropping one (reaping, a test clearing the table) takes it off the run queue — the only two places
// where processes come and go, so fork and exec need not know the scheduler exists.

import type { Process } from './process.js';
import type { RunQueue } from './runqueue.js';

export class ProcessTable extends Map<number, Process> {
  constructor(private readonly runQueue: RunQueue) {
    super();
  }

  /** Adds `p` under `pid`; a live process becomes runnable. */
  override set(pid: number, p: Process): this {
    const old = super.get(pid);
    if (old && old !== p) this.runQueue.remove(old);
    super.set(pid, p);
    this.runQueue.admit(p);
    return this;
  }

  /** Drops process `pid`; a live one is no longer scheduled (nothing will retry its system call). */
  override delete(pid: number): boolean {
    const p = super.get(pid);
    if (p) this.runQueue.remove(p);
    return super.delete(pid);
  }

  override clear(): void {
    for (const p of super.values()) this.runQueue.remove(p);
    super.clear();
  }
}
