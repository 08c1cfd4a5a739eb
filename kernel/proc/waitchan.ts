// Wait channels, as xv6's sleep/wakeup: a system call that cannot complete yet sleeps on the objects whose
// change could complete it — a pipe's data or its room, a parent's child-exit channel, console input or the
// console's output share — and whatever changes such an object wakes that channel. Waking moves each sleeper
// to its run queue's woken list (runqueue.ts), and the scheduler retries only those. A retry that still
// cannot complete sleeps again on the same channels, so a spurious wake-up costs one retry and nothing else;
// sleepers nobody wakes cost nothing at all.
//
// Rule for the objects: every change that could let a sleeping call complete calls wakeAll() on the channel
// that call sleeps on (more data or end of file for readers; room or a closed read end for writers; a child's
// end for its parent). Missing a wake-up leaves a process asleep for good, so when in doubt, wake.

import { Errno } from '../../abi/errno.js';
import type { Process, Resume } from './process.js';

export class WaitChannel {
  private readonly sleepers = new Set<Process>();

  /** `name` says what the channel stands for ("pipe data", "child exit"), for debugging. */
  constructor(readonly name: string) {}

  /** How many processes sleep here now. */
  get sleeperCount(): number { return this.sleepers.size; }

  /** Wakes every sleeper: each is retried once at the scheduler's next pass. Cheap when nobody sleeps. */
  wakeAll(): void {
    if (this.sleepers.size === 0) return;
    // wake() takes each sleeper off this set (and its other channels) as it goes: deleting the entry being
    // visited is safe in a Set's iteration.
    for (const p of this.sleepers) p.sleep?.queue.wake(p);
    this.sleepers.clear();
  }

  /** The run queue's side: `p` sleeps here (RunQueue.sleep) or no longer does (its wake or cancel). */
  add(p: Process): void { this.sleepers.add(p); }
  remove(p: Process): void { this.sleepers.delete(p); }
}

/** What a sleeping process waits for: the objects, a deadline, and how to end the sleep. */
export interface SleepOn {
  /** The channels whose wake-up retries the call. */
  readonly channels?: readonly WaitChannel[];
  /** Monotonic ms at which the run queue's timer list wakes the process (absent: no deadline). */
  readonly wakeAtMs?: number;
  /** For ps and /proc: what the call waits for ("read", "wait", "nanosleep"). */
  readonly what: string;
  /**
   * The call's result when a caught signal cuts the sleep short, whatever SA_RESTART says (nanosleep: -EINTR
   * after writing the time left). Absent: -EINTR, or a restart of the call with SA_RESTART.
   */
  readonly onSignal?: () => number;
}

/** The interface of the run queue that sleepers need (runqueue.ts implements it). */
export interface SleepQueue {
  /** Moves `p` from its channels and timer to the woken list. */
  wake(p: Process): void;
  /** Ends `p`'s sleep without a result (signal, exit): `p` is runnable again if alive. */
  cancel(p: Process): void;
}

/** A process's sleep: its retry, what it waits on, and the queue that holds it (one shape: a class). */
export class Sleep implements SleepOn {
  /** On the woken list, waiting for its retry (no longer on any channel or timer). */
  woken = false;

  constructor(
    readonly resume: Resume,
    readonly queue: SleepQueue,
    readonly channels: readonly WaitChannel[],
    readonly wakeAtMs: number | undefined,
    readonly what: string,
    readonly onSignal: (() => number) | undefined,
  ) {}
}

/**
 * A caught signal reaches `p` while it sleeps: ends the sleep and returns the system call's result — what a
 * last retry gives if the call can complete now (a child's exit that also sent the SIGCHLD: that result
 * wins), else `onSignal`'s, else -EINTR; or undefined when the call is to run again after the handler
 * (SA_RESTART, `restart`). `p` is runnable afterwards. The retry runs awake, so a signal it raises itself
 * (SIGPIPE) is queued, not treated as a second interruption.
 */
export function endSleepBySignal(p: Process, restart: boolean): number | undefined {
  const s = p.sleep;
  if (!s) return undefined;
  s.queue.cancel(p);
  const done = s.resume();
  if (done !== undefined) return done;
  if (s.onSignal) return s.onSignal();
  return restart ? undefined : -Errno.EINTR;
}
