// Kernel programs run on the host's event loop, outside the scheduler's slices: the run loop
// (kernel/driver.ts) must hear when one made progress (it ended, or reached a phase boundary where the
// scheduler should get a pass), even while every process sleeps and the host waits for input.

export class ProgramActivity {
  /** Kernel-program bodies in flight. */
  running = 0;
  private waiters: (() => void)[] = [];

  /** Resolves at the next notify(). */
  next(): Promise<void> {
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** A body ended or reached a checkpoint: wakes the run loop. */
  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
