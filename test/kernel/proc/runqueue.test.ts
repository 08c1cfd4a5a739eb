// The run queue, its timer list and the process table that feeds it, without a CPU: which processes the
// scheduler may look at, in what order sleepers wake, and what happens to a sleep cut short.
import { describe, expect, it } from 'vitest';
import type { AddressSpace } from '../../../kernel/mem/addrspace.js';
import { Process } from '../../../kernel/proc/process.js';
import { ProcessTable } from '../../../kernel/proc/ptable.js';
import { RunQueue } from '../../../kernel/proc/runqueue.js';
import { WaitChannel, endSleepBySignal } from '../../../kernel/proc/waitchan.js';

const proc = (pid: number): Process => new Process(pid, `p${pid}`, {} as AddressSpace);
const never = (): number | undefined => undefined;

function queueWith(...pids: number[]): { q: RunQueue; table: ProcessTable; ps: Process[] } {
  const q = new RunQueue();
  const table = new ProcessTable(q);
  const ps = pids.map(proc);
  for (const p of ps) table.set(p.pid, p);
  return { q, table, ps };
}

/** The woken processes, in the order the scheduler would retry them. */
function drainWoken(q: RunQueue): number[] {
  const out: number[] = [];
  for (let p = q.takeWoken(); p; p = q.takeWoken()) out.push(p.pid);
  return out;
}

describe('RunQueue', () => {
  it('chooses the ready pids round robin and never looks at sleepers', () => {
    const { q, ps } = queueWith(1, 2, 3, 4, 5, 6);
    const chan = new WaitChannel('test');
    for (const p of ps.slice(2)) q.sleep(p, never, { channels: [chan], what: 'read' });
    expect(q.sleeping).toBe(4);
    const before = q.work.examined;
    expect(q.nextReady(1)?.pid).toBe(2);
    expect(q.nextReady(2)?.pid).toBe(1);
    expect(q.work.examined - before).toBe(4); // two ready processes, twice
  });

  it('moves every sleeper of a channel to the woken list once, and leaves other channels alone', () => {
    const { q, ps } = queueWith(1, 2, 3);
    const a = new WaitChannel('a');
    const b = new WaitChannel('b');
    q.sleep(ps[0], never, { channels: [a], what: 'read' });
    q.sleep(ps[1], never, { channels: [a, b], what: 'read' });
    q.sleep(ps[2], never, { channels: [b], what: 'read' });
    a.wakeAll();
    expect(a.sleeperCount).toBe(0);
    expect(b.sleeperCount).toBe(1); // pid 2 left b too: it is woken once, not twice
    b.wakeAll();
    expect(drainWoken(q)).toEqual([1, 2, 3]);
    expect(q.work.wakeups).toBe(3);
    expect(q.nextReady(0)).toBeUndefined(); // woken is not ready: the retry decides
  });

  it('wakes timer sleepers in deadline order, only those due, and reports the earliest deadline left', () => {
    const { q, ps } = queueWith(1, 2, 3, 4);
    [30, 10, 20, 10].forEach((ms, i) => q.sleep(ps[i], never, { wakeAtMs: ms, what: 'nanosleep' }));
    expect(q.earliestWakeMs).toBe(10);
    q.wakeDue(9);
    expect(drainWoken(q)).toEqual([]);
    q.wakeDue(20);
    expect(drainWoken(q)).toEqual([2, 4, 3]);
    expect(q.earliestWakeMs).toBe(30);
  });

  it('cancels a sleep everywhere: channel, timer and woken list', () => {
    const { q, ps } = queueWith(1, 2);
    const chan = new WaitChannel('c');
    q.sleep(ps[0], never, { channels: [chan], wakeAtMs: 5, what: 'read' });
    q.sleep(ps[1], never, { channels: [chan], what: 'read' });
    q.cancel(ps[0]);
    expect(chan.sleeperCount).toBe(1);
    expect(q.earliestWakeMs).toBeUndefined();
    chan.wakeAll();
    q.cancel(ps[1]);
    expect(drainWoken(q)).toEqual([]);
    expect(q.sleeping).toBe(0);
    expect(q.nextReady(0)?.pid).toBe(1);
  });

  it('is live while any process sleeps, and not once all have ended', () => {
    const { q, ps } = queueWith(1);
    q.sleep(ps[0], never, { what: 'wait' });
    expect(q.live).toBe(true);
    ps[0].status = { kind: 'exited', code: 0 };
    q.remove(ps[0]);
    expect(q.live).toBe(false);
  });
});

describe('ProcessTable', () => {
  it('makes an entered process runnable and a dropped one unschedulable', () => {
    const { q, table, ps } = queueWith(1, 2);
    const chan = new WaitChannel('c');
    q.sleep(ps[1], never, { channels: [chan], what: 'read' });
    table.delete(2);
    expect(chan.sleeperCount).toBe(0);
    expect(q.sleeping).toBe(0);
    table.delete(1);
    expect(q.nextReady(0)).toBeUndefined();
    table.set(3, proc(3));
    table.clear();
    expect(q.live).toBe(false);
  });
});

describe('endSleepBySignal', () => {
  it('returns the result of a call that can complete now, before any interruption', () => {
    const { q, ps } = queueWith(1);
    q.sleep(ps[0], () => 42, { what: 'wait' });
    expect(endSleepBySignal(ps[0], false)).toBe(42);
    expect(ps[0].blocked).toBe(false);
  });

  it('gives -EINTR, or a restart with SA_RESTART, or what onSignal says', () => {
    const { q, ps } = queueWith(1);
    q.sleep(ps[0], never, { what: 'read' });
    expect(endSleepBySignal(ps[0], false)).toBe(-4);
    q.sleep(ps[0], never, { what: 'read' });
    expect(endSleepBySignal(ps[0], true)).toBeUndefined();
    expect(q.nextReady(0)?.pid).toBe(1);
    q.sleep(ps[0], never, { what: 'nanosleep', onSignal: () => -99 });
    expect(endSleepBySignal(ps[0], true)).toBe(-99);
  });
});
