// The timer list: processes sleeping until a monotonic deadline (nanosleep, clock_nanosleep), earliest first.
// The scheduler takes the due ones off the front at each pass and tells the host the earliest deadline left,
// which the host turns into its own timer (setTimeout in Node and in the web worker) while every process
// sleeps. Deadlines that are equal keep their order of arrival.

import type { Process } from './process.js';

export class TimerList {
  /** Sleepers by deadline, earliest first (each has sleep.wakeAtMs set). */
  private readonly byDeadline: Process[] = [];

  get size(): number { return this.byDeadline.length; }

  /** The earliest deadline (monotonic ms), or undefined when no process has one. */
  get earliestMs(): number | undefined {
    return this.byDeadline.length > 0 ? deadlineOf(this.byDeadline[0]) : undefined;
  }

  /** Adds `p`, which sleeps with a deadline, after every process due no later (binary search). */
  add(p: Process): void {
    const at = deadlineOf(p);
    let lo = 0;
    let hi = this.byDeadline.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (deadlineOf(this.byDeadline[mid]) <= at) lo = mid + 1;
      else hi = mid;
    }
    this.byDeadline.splice(lo, 0, p);
  }

  /** Removes `p` if present (its sleep ended some other way: a signal, its exit). */
  remove(p: Process): void {
    const i = this.byDeadline.indexOf(p);
    if (i >= 0) this.byDeadline.splice(i, 1);
  }

  /** Takes off and returns the first process if its deadline is at or before `nowMs`. */
  takeDue(nowMs: number): Process | undefined {
    if (this.byDeadline.length === 0 || deadlineOf(this.byDeadline[0]) > nowMs) return undefined;
    return this.byDeadline.shift();
  }
}

const deadlineOf = (p: Process): number => p.sleep?.wakeAtMs ?? 0;
