// Sleepers cost the scheduler nothing: with N children each asleep on its own pipe, waking them one at a time
// costs the same scheduler work per wake-up for N = 60 as for N = 5. RunQueue.work counts that work: the
// processes looked at while choosing one to run, and the sleeping calls retried.
import { describe, expect, it } from 'vitest';
import { Sys } from '../../../abi/syscalls.js';
import { boot } from '../../../kernel/boot.js';
import { spawnProcess } from '../../../kernel/proc/spawn.js';
import type { Kernel } from '../../../kernel/kernel.js';
import { runSlice, type RunState } from '../../../kernel/sched.js';
import { Asm, BUF, a0, a1, a2, a3, s0, s1, zero } from './waitprogs.js';

/**
 * The parent makes `n` pipes and forks a child per pipe that reads one byte from it. Then it reads one byte
 * of console input (the test's go), and for each child in turn writes a byte to its pipe and waits for it.
 */
function sleepersProgram(n: number): Uint8Array {
  const p = new Asm().li(s0, 0).li(s1, n).label('fork');
  p.pipeAt(s0).fork().emit('beq', a0, zero, 'child');
  p.loadFd(a0, s0, 0).sys(Sys.close);
  p.emit('addi', s0, s0, 1).emit('bne', s0, s1, 'fork');
  p.sys(Sys.read, 0, BUF, 1);
  p.li(s0, 0).label('wake');
  p.loadFd(a0, s0, 1).li(a1, BUF).li(a2, 1).sys(Sys.write);
  p.sys(Sys.wait4, -1, 0, 0, 0);
  p.emit('addi', s0, s0, 1).emit('bne', s0, s1, 'wake');
  p.sys(Sys.exit, 0);
  p.label('child').loadFd(a0, s0, 0).li(a1, BUF).li(a2, 1).sys(Sys.read).exitA0();
  return p.executable();
}

function runUntil(k: Kernel, done: (s: RunState) => boolean): RunState {
  for (let i = 0; i < 10_000; i++) {
    const s = runSlice(k, 1e7);
    if (done(s)) return s;
  }
  throw new Error('runUntil: never reached the state');
}

interface WakePhase { wakeups: number; retries: number; examined: number; sleepersAtStart: number }

/** Runs the program with `n` sleepers; the scheduler's work from the go to the end. */
function measure(n: number): WakePhase {
  const k = boot({ memMiB: 64, maxProcesses: 64, sinks: { bootLog: () => {}, message: () => {} } });
  const parent = spawnProcess(k, { path: '/sleepers', bytes: sleepersProgram(n), argv: ['sleepers'], envp: [] });
  const waiting = runUntil(k, (s) => s.kind !== 'running');
  expect(waiting).toEqual({ kind: 'waiting', wakeAtMs: undefined });
  const sleepersAtStart = k.runQueue.sleeping;
  const before = { ...k.runQueue.work };
  k.machine.uart.pushInput('g');
  runUntil(k, (s) => s.kind === 'done');
  expect(parent.status).toEqual({ kind: 'exited', code: 0 });
  const w = k.runQueue.work;
  return { wakeups: w.wakeups - before.wakeups, retries: w.retries - before.retries, examined: w.examined - before.examined, sleepersAtStart };
}

describe('the scheduler with many sleepers', () => {
  it('does the same work per wake-up with 60 sleeping children as with 5', () => {
    const few = measure(5);
    const many = measure(60);
    // Everyone slept: the parent on the console, each child on its own pipe.
    expect(few.sleepersAtStart).toBe(6);
    expect(many.sleepersAtStart).toBe(61);
    // One wake-up per console byte, per pipe write and per child exit, and exactly one retry per wake-up:
    // no sleeper is retried unless something woke it.
    expect(few.wakeups).toBe(2 * 5 + 1);
    expect(many.wakeups).toBe(2 * 60 + 1);
    expect(many.retries).toBe(many.wakeups);
    expect(few.retries).toBe(few.wakeups);
    const perWake = (m: WakePhase): number => m.examined / m.wakeups;
    console.log(`scheduler work per wake-up: ${perWake(few).toFixed(2)} processes examined with 5 sleepers, ${perWake(many).toFixed(2)} with 60`);
    // Polling would look at every sleeper at every pass: 60 sleepers would cost at least 60 per wake-up.
    expect(perWake(many)).toBeLessThan(5);
    expect(Math.abs(perWake(many) - perWake(few))).toBeLessThan(0.5);
  });
});
