// The run queue: which processes can run, which sleep, and which were woken and wait for their retry.
//   ready   alive processes not asleep (the one on the hart included), chosen round robin by pid
//   asleep  on wait channels and/or the timer list (waitchan.ts, timers.ts); the scheduler never looks at them
//   woken   taken off their channels by a wake-up; each is retried once, then runs or sleeps again
// A scheduler pass therefore costs the ready processes plus the woken ones, whatever the number of sleepers;
// `work` counts it so tests can hold the scheduler to that.
//
//   stopped processes held by a stop signal (park): off the ready set, and a sleeping one off its channels
//            and timer too, so nothing retries its call; SIGCONT (unpark) makes it runnable, or retries its call
// The process table (ptable.ts) admits new processes and removes those it drops; exitProcess removes a process
// that ends. A process is on exactly one of the lists while alive (asleep and woken both have `sleep`; a stopped
// sleeper keeps its `sleep`, neither on a channel nor on the woken list).

import type { Process, Resume } from './process.js';
import { TimerList } from './timers.js';
import { Sleep, type SleepOn, type SleepQueue, type WaitChannel } from './waitchan.js';

/** What the scheduler did, counted since boot (tests compare differences). */
export interface SchedulerWork {
  /** Processes looked at while choosing one to run: ready entries scanned and woken entries taken. */
  examined: number;
  /** Sleeping system calls retried (each after a wake-up). */
  retries: number;
  /** Processes woken (by a channel or a timer). */
  wakeups: number;
}

const NO_CHANNELS: readonly WaitChannel[] = [];

export class RunQueue implements SleepQueue {
  private readonly ready = new Set<Process>();
  /** Woken processes, oldest first, from `wokenHead` on (entries whose sleep ended since are skipped). */
  private woken: Process[] = [];
  private wokenHead = 0;
  private readonly timers = new TimerList();
  private asleep = 0;
  private readonly stoppedSet = new Set<Process>();
  readonly work: SchedulerWork = { examined: 0, retries: 0, wakeups: 0 };

  /** Processes asleep or woken (their system call not yet complete). */
  get sleeping(): number { return this.asleep; }

  /** True while some process is alive: runnable, asleep or woken. */
  get live(): boolean {
    if (this.asleep > 0 || this.stoppedSet.size > 0) return true;
    for (const p of this.ready) if (p.alive) return true;
    return false;
  }

  /** The earliest timer deadline (monotonic ms), or undefined. */
  get earliestWakeMs(): number | undefined { return this.timers.earliestMs; }

  /** A new process, runnable. */
  admit(p: Process): void {
    if (p.alive && !p.sleep) this.ready.add(p);
  }

  /** Forgets `p` (it ended or left the process table): its sleep ends without a result. */
  remove(p: Process): void {
    this.stoppedSet.delete(p);
    this.cancel(p);
    this.ready.delete(p);
  }

  /** A stop signal holds `p` (p.stopped is set): it is not run, and its sleeping call (if any) is not retried. */
  park(p: Process): void {
    if (this.stoppedSet.has(p)) return;
    this.stoppedSet.add(p);
    this.ready.delete(p);
    const s = p.sleep;
    if (s && !s.woken) this.detach(p, s);
    // A woken sleeper's entry on the woken list is skipped from now on (takeWoken checks `woken`).
    if (s) s.woken = false;
  }

  /** SIGCONT for parked `p` (p.stopped is clear): runnable again, or its sleeping call retried once (what it
   *  waited for may have happened while it was stopped; a retry that cannot complete sleeps again). */
  unpark(p: Process): void {
    if (!this.stoppedSet.delete(p)) return;
    const s = p.sleep;
    if (!s) {
      if (p.alive) this.ready.add(p);
      return;
    }
    s.woken = true;
    this.work.wakeups++;
    this.woken.push(p);
  }

  /** Puts `p` to sleep: `resume` is retried whenever one of `on.channels` or its deadline wakes it. */
  sleep(p: Process, resume: Resume, on: SleepOn): void {
    this.sleepAgain(p, new Sleep(resume, this, on.channels ?? NO_CHANNELS, on.wakeAtMs, on.what, on.onSignal));
  }

  /** Puts `p` to sleep again on what `s` (its last sleep, now over) waited for: a retry that did not complete. */
  sleepAgain(p: Process, s: Sleep): void {
    if (p.sleep) this.cancel(p);
    s.woken = false;
    p.sleep = s;
    this.asleep++;
    this.ready.delete(p);
    if (!this.stoppedSet.has(p)) this.attach(p, s);
  }

  /** Takes `p` off its channels and timer and queues it for a retry (WaitChannel.wakeAll, due timers). */
  wake(p: Process): void {
    const s = p.sleep;
    if (!s || s.woken || this.stoppedSet.has(p)) return;
    this.detach(p, s);
    s.woken = true;
    this.work.wakeups++;
    this.woken.push(p);
  }

  /** Ends `p`'s sleep without a result: off every channel, timer and the woken list; runnable if alive. */
  cancel(p: Process): void {
    const s = p.sleep;
    if (!s) return;
    if (!s.woken && !this.stoppedSet.has(p)) this.detach(p, s);
    p.sleep = undefined;
    this.asleep--;
    if (p.alive && !this.stoppedSet.has(p)) this.ready.add(p);
  }

  /** Wakes every process whose deadline is at or before `nowMs`. */
  wakeDue(nowMs: number): void {
    if (this.timers.size === 0) return;
    for (let p = this.timers.takeDue(nowMs); p; p = this.timers.takeDue(nowMs)) this.wake(p);
  }

  /** The oldest woken process still waiting for its retry, taken off the list; undefined when none. */
  takeWoken(): Process | undefined {
    while (this.wokenHead < this.woken.length) {
      const p = this.woken[this.wokenHead++];
      this.work.examined++;
      if (p.sleep?.woken) return p;
    }
    this.woken = [];
    this.wokenHead = 0;
    return undefined;
  }

  /**
   * The ready process to run after pid `after`: the lowest pid above it, else the lowest pid (round robin).
   * Drops processes that ended on the way.
   */
  nextReady(after: number): Process | undefined {
    let next: Process | undefined;
    let first: Process | undefined;
    for (const p of this.ready) {
      this.work.examined++;
      if (!p.alive) {
        this.ready.delete(p);
        continue;
      }
      if (p.pid > after && (!next || p.pid < next.pid)) next = p;
      if (!first || p.pid < first.pid) first = p;
    }
    return next ?? first;
  }

  private attach(p: Process, s: Sleep): void {
    for (const c of s.channels) c.add(p);
    if (s.wakeAtMs !== undefined) this.timers.add(p);
  }

  private detach(p: Process, s: Sleep): void {
    for (const c of s.channels) c.remove(p);
    if (s.wakeAtMs !== undefined) this.timers.remove(p);
  }
}
