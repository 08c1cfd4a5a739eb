// The timer: an interrupt every `interval` retired instructions (0 = off). The CPU checks it
// once per run() slice, never per instruction: run() stops exactly at the deadline.

export class Timer {
  private intervalValue: number;
  /** Instructions left before the next interrupt. */
  remaining: number;

  constructor(interval = 0) {
    this.intervalValue = Timer.check(interval);
    this.remaining = this.intervalValue;
  }

  get interval(): number {
    return this.intervalValue;
  }

  /** Sets the period in retired instructions (0 turns the timer off) and restarts the countdown. */
  set interval(value: number) {
    this.intervalValue = Timer.check(value);
    this.remaining = this.intervalValue;
  }

  /** How many instructions may run before the interrupt (Infinity when off). */
  get budget(): number {
    return this.intervalValue === 0 ? Infinity : this.remaining;
  }

  /** Accounts for `n` retired instructions; true when the interrupt fires (and rearms). */
  advance(n: number): boolean {
    if (this.intervalValue === 0) return false;
    this.remaining -= n;
    if (this.remaining > 0) return false;
    this.remaining = this.intervalValue;
    return true;
  }

  private static check(v: number): number {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`Timer: interval must be a non-negative integer, got ${v}`);
    return v;
  }
}
