// Every wake source, one at a time: a process sleeps on one kind of object, is never retried while nothing
// changes it, and completes with the right result when it changes — pipe data, pipe room, the last write end
// closing (end of file), the last read end closing (EPIPE / SIGPIPE), a child's exit (wait4, and WNOHANG that
// does not sleep), console input through the line discipline, Ctrl-C, the console's output share, the timer
// list (nanosleep), a caught signal (EINTR with the time left), and power-off while everything sleeps.
import { describe, expect, it } from 'vitest';
import { Signal } from '../../../abi/signals.js';
import { Sys } from '../../../abi/syscalls.js';
import { boot, type BootOptions } from '../../../kernel/boot.js';
import { spawnProcess } from '../../../kernel/proc/spawn.js';
import type { Kernel } from '../../../kernel/kernel.js';
import type { Process } from '../../../kernel/proc/process.js';
import { sendSignal } from '../../../kernel/proc/signal.js';
import { runSlice, type RunState } from '../../../kernel/sched.js';
import { ConsoleSession } from '../../../kernel/session.js';
import {
  ACT, Asm, BUF, CLOCK_MONOTONIC, REM, REQ, STATUS, WNOHANG, a0, a1, a2, at, ra, s0, s1, s2, t0, zero,
} from './waitprogs.js';

const quiet = { bootLog: (): void => {}, message: (): void => {} };

function start(program: Uint8Array, options: BootOptions = {}): { k: Kernel; p: Process } {
  const k = boot({ memMiB: 32, sinks: quiet, ...options });
  const p = spawnProcess(k, { path: '/t', bytes: program, argv: ['t'], envp: [] });
  return { k, p };
}

/** Runs slices until the machine is no longer running (every process sleeps, or none is left). */
function settle(k: Kernel): RunState {
  for (let i = 0; i < 10_000; i++) {
    const s = runSlice(k, 1e7);
    if (s.kind !== 'running') return s;
  }
  throw new Error('settle: still running');
}

/** Runs slices until every process ended, sleeping through timer waits on the host. */
async function finish(k: Kernel): Promise<void> {
  for (let i = 0; i < 10_000; i++) {
    const s = runSlice(k, 1e7);
    if (s.kind === 'done') return;
    if (s.kind === 'waiting') {
      if (s.wakeAtMs === undefined) throw new Error('finish: every process sleeps with nothing to wake it');
      await new Promise((r) => setTimeout(r, Math.max(0, s.wakeAtMs! - k.monotonicMs())));
    }
  }
  throw new Error('finish: never done');
}

/** A handler that returns at once, at TEXT + 4 (the program starts by jumping over it). */
function withHandler(): Asm {
  return new Asm().emit('jal', zero, 'main').emit('jalr', zero, ra, 0).label('main');
}
const HANDLER = 0x10004;

/** The wait status word of the child, as exit code: exit code, or 64 + signal when killed. */
function exitWithChildStatus(p: Asm): Asm {
  p.sys(Sys.wait4, -1, STATUS, 0, 0).li(t0, STATUS).emit('lw', s1, t0, 0);
  p.emit('andi', a0, s1, 0x7f).emit('beq', a0, zero, 'exited').emit('addi', a0, a0, 64).exitA0();
  return p.label('exited').emit('srli', a0, s1, 8).emit('andi', a0, a0, 0xff).exitA0();
}

describe('pipes wake their sleepers', () => {
  it('wakes a reader when data arrives, and only then retries it', () => {
    // The child reads; the parent stays asleep on the console until the test types; then it writes 3 bytes.
    const p = new Asm().pipeAt(zero).fork().emit('beq', a0, zero, 'child');
    p.sys(Sys.read, 0, BUF, 1).loadFd(a0, zero, 1).li(a1, BUF).li(a2, 3).sys(Sys.write);
    exitWithChildStatus(p);
    p.label('child').loadFd(a0, zero, 0).li(a1, BUF).li(a2, 100).sys(Sys.read).exitA0();
    const { k, p: parent } = start(p.executable());
    expect(settle(k).kind).toBe('waiting');
    const child = k.processes.get(parent.pid + 1)!;
    expect(child.waitChannel).toBe('read');
    const before = { ...k.runQueue.work };
    for (let i = 0; i < 5; i++) expect(settle(k).kind).toBe('waiting');
    expect(k.runQueue.work.retries).toBe(before.retries);
    k.machine.uart.pushInput('x');
    expect(settle(k).kind).toBe('done');
    expect(parent.status).toEqual({ kind: 'exited', code: 3 });
  });

  it('gives a sleeping reader end of file when the last write end closes', () => {
    // The child keeps no write end and reads; the parent closes its write end, then waits.
    const p = new Asm().pipeAt(zero).fork().emit('beq', a0, zero, 'child');
    p.sys(Sys.read, 0, BUF, 1).loadFd(a0, zero, 1).sys(Sys.close);
    exitWithChildStatus(p);
    p.label('child').loadFd(a0, zero, 1).sys(Sys.close).loadFd(a0, zero, 0).li(a1, BUF).li(a2, 100).sys(Sys.read);
    p.emit('addi', a0, a0, 20).exitA0();
    const { k, p: parent } = start(p.executable());
    expect(settle(k).kind).toBe('waiting');
    k.machine.uart.pushInput('x');
    expect(settle(k).kind).toBe('done');
    expect(parent.status).toEqual({ kind: 'exited', code: 20 });
  });

  /**
   * A writer child fills the pipe with 4 KiB writes and sleeps for room; the parent reads 4 KiB (room for one
   * more write), sleeps 20 ms so the writer can use it, then closes the read end. With SIGPIPE ignored the
   * writer exits with its count of full writes; with the default action SIGPIPE kills it.
   */
  function fullPipe(ignoreSigpipe: boolean): Uint8Array {
    const p = new Asm().pipeAt(zero).fork().emit('beq', a0, zero, 'child');
    p.loadFd(a0, zero, 1).sys(Sys.close);
    p.loadFd(a0, zero, 0).li(a1, BUF).li(a2, 4096).sys(Sys.read);
    p.sys(Sys.clock_nanosleep_time64, CLOCK_MONOTONIC, 0, REQ, 0);
    p.loadFd(a0, zero, 0).sys(Sys.close);
    exitWithChildStatus(p);
    p.label('child');
    if (ignoreSigpipe) p.sys(Sys.rt_sigaction, Signal.SIGPIPE, ACT, 0, 8);
    p.loadFd(a0, zero, 0).sys(Sys.close).li(s0, 0).label('write');
    p.loadFd(a0, zero, 1).li(a1, BUF).li(a2, 4096).sys(Sys.write);
    p.emit('blt', a0, zero, 'epipe').emit('addi', s0, s0, 1).emit('jal', zero, 'write');
    p.label('epipe').li(t0, -32).emit('bne', a0, t0, 'bad').emit('addi', a0, s0, 0).exitA0();
    p.label('bad').sys(Sys.exit, 99);
    return p.executable((v) => {
      v.setUint32(at(ACT), 1, true); // SIG_IGN
      v.setBigInt64(at(REQ) + 8, 20_000_000n, true);
    });
  }

  it('wakes a writer when a read makes room, and gives it EPIPE when the last reader goes', async () => {
    const { k, p } = start(fullPipe(true));
    await finish(k);
    // 16 writes fill 64 KiB, the parent's read makes room for a 17th, then the read end closes.
    expect(p.status).toEqual({ kind: 'exited', code: 17 });
  });

  it('kills a sleeping writer with SIGPIPE when the last reader goes', async () => {
    const { k, p } = start(fullPipe(false));
    await finish(k);
    expect(p.status).toEqual({ kind: 'exited', code: 64 + Signal.SIGPIPE });
  });
});

describe('a parent waiting for its children', () => {
  it('does not sleep with WNOHANG, and sleeps on its child-exit channel otherwise', () => {
    // The child sleeps reading a pipe; wait4(WNOHANG) returns 0 at once; then the parent closes the write end
    // (the child reads end of file and exits 20) and waits: the exit code carries the WNOHANG result too.
    const p = new Asm().pipeAt(zero).fork().emit('beq', a0, zero, 'child');
    p.sys(Sys.wait4, -1, STATUS, WNOHANG, 0).emit('addi', s2, a0, 0);
    p.sys(Sys.read, 0, BUF, 1).loadFd(a0, zero, 1).sys(Sys.close);
    p.sys(Sys.wait4, -1, STATUS, 0, 0).li(t0, STATUS).emit('lw', s1, t0, 0);
    p.emit('srli', a0, s1, 8).emit('add', a0, a0, s2).exitA0();
    p.label('child').loadFd(a0, zero, 1).sys(Sys.close).loadFd(a0, zero, 0).li(a1, BUF).li(a2, 1).sys(Sys.read);
    p.emit('addi', a0, a0, 20).exitA0();
    const { k, p: parent } = start(p.executable());
    expect(settle(k).kind).toBe('waiting');
    // The parent got past wait4(WNOHANG) and sleeps on the console: the child is still asleep on the pipe.
    expect(parent.waitChannel).toBe('read');
    expect(k.processes.get(parent.pid + 1)!.waitChannel).toBe('read');
    k.machine.uart.pushInput('x');
    expect(settle(k).kind).toBe('done');
    expect(parent.status).toEqual({ kind: 'exited', code: 20 });
  });
});

describe('the console wakes its readers', () => {
  /** The child reads a line from the console and exits with its length; the parent waits for it. */
  function lineReader(): Uint8Array {
    const p = new Asm().fork().emit('beq', a0, zero, 'child');
    exitWithChildStatus(p);
    p.label('child').sys(Sys.read, 0, BUF, 100).exitA0();
    return p.executable();
  }

  it('wakes a reader only when the line discipline completes a line', () => {
    const { k, p } = start(lineReader(), { terminal: true });
    expect(settle(k).kind).toBe('waiting');
    const before = { ...k.runQueue.work };
    k.machine.uart.pushInput('hi');
    expect(settle(k).kind).toBe('waiting');
    expect(k.runQueue.work.retries).toBe(before.retries);
    k.machine.uart.pushInput('\r');
    expect(settle(k).kind).toBe('done');
    expect(p.status).toEqual({ kind: 'exited', code: 3 });
  });

  it('gives a sleeping reader end of file when the host input closes', () => {
    const { k, p } = start(lineReader());
    expect(settle(k).kind).toBe('waiting');
    k.consoleInput.closed = true;
    expect(settle(k).kind).toBe('done');
    expect(p.status).toEqual({ kind: 'exited', code: 0 });
  });

  it('lets Ctrl-C kill a process asleep on the console', () => {
    const { k, p } = start(lineReader(), { terminal: true });
    expect(settle(k).kind).toBe('waiting');
    k.machine.uart.pushInput('ab\x03');
    expect(settle(k).kind).toBe('done');
    expect(p.status).toEqual({ kind: 'exited', code: 64 + Signal.SIGINT });
  });

  it('puts a writer past the output share to sleep until the next slice refills it', () => {
    let out = 0;
    const p = new Asm().sys(Sys.write, 1, BUF, 250).exitA0();
    const { k, p: proc } = start(p.executable(), { consoleOutputPerTurn: 100, sinks: { ...quiet, stdout: (b) => { out += b.length; } } });
    expect(runSlice(k, 1e7).kind).toBe('running');
    expect(proc.waitChannel).toBe('write');
    expect(out).toBe(100);
    expect(runSlice(k, 1e7).kind).toBe('running');
    expect(out).toBe(200);
    expect(runSlice(k, 1e7).kind).toBe('done');
    expect(out).toBe(250);
    expect(proc.status).toEqual({ kind: 'exited', code: 250 });
  });
});

describe('timers and signals', () => {
  it('sleeps on the timer list: the host is told the deadline and nothing is retried before it', async () => {
    const p = new Asm().sys(Sys.clock_nanosleep_time64, CLOCK_MONOTONIC, 0, REQ, REM).emit('addi', a0, a0, 7).exitA0();
    const { k, p: proc } = start(p.executable((v) => v.setBigInt64(at(REQ) + 8, 30_000_000n, true)));
    const t = k.monotonicMs();
    const s = runSlice(k, 1e7);
    expect(s.kind).toBe('waiting');
    const wakeAtMs = (s as { wakeAtMs: number }).wakeAtMs;
    expect(wakeAtMs).toBeGreaterThanOrEqual(t + 30);
    expect(wakeAtMs).toBeLessThan(k.monotonicMs() + 31);
    expect(proc.waitChannel).toBe('nanosleep');
    expect(settle(k).kind).toBe('waiting');
    expect(k.runQueue.work.retries).toBe(0);
    await finish(k);
    expect(k.monotonicMs()).toBeGreaterThanOrEqual(wakeAtMs);
    expect(proc.status).toEqual({ kind: 'exited', code: 7 });
    expect(k.runQueue.work.retries).toBe(1);
  });

  it('wakes each of ten timer sleepers at its own deadline, with one retry per wake-up', async () => {
    // Children i = 0..9 sleep 10 + 3i ms and exit i; the parent reaps them all.
    const p = new Asm().li(s0, 0).li(s1, 10).label('fork').fork().emit('beq', a0, zero, 'child');
    p.emit('addi', s0, s0, 1).emit('bne', s0, s1, 'fork').label('reap');
    p.sys(Sys.wait4, -1, 0, 0, 0).emit('bge', a0, zero, 'reap').sys(Sys.exit, 0);
    p.label('child').li(t0, 3_000_000).emit('mul', t0, t0, s0).li(a0, 10_000_000).emit('add', a0, a0, t0);
    p.li(t0, REQ).emit('sw', a0, t0, 8);
    p.sys(Sys.clock_nanosleep_time64, CLOCK_MONOTONIC, 0, REQ, 0).emit('addi', a0, s0, 0).exitA0();
    const { k, p: parent } = start(p.executable());
    const t0ms = k.monotonicMs();
    expect(settle(k).kind).toBe('waiting');
    expect(k.runQueue.sleeping).toBe(11);
    const children = [...k.processes.values()].filter((c) => c !== parent);
    const endedAt = new Map<Process, number>();
    const before = { ...k.runQueue.work };
    for (let i = 0; i < 10_000 && parent.alive; i++) {
      const s = runSlice(k, 1e7);
      for (const c of children) if (!c.alive && !endedAt.has(c)) endedAt.set(c, k.monotonicMs());
      if (s.kind === 'waiting') await new Promise((r) => setTimeout(r, Math.max(0, (s.wakeAtMs ?? 0) - k.monotonicMs())));
    }
    expect(parent.status).toEqual({ kind: 'exited', code: 0 });
    for (const c of children) {
      const i = (c.status as { code: number }).code;
      expect(endedAt.get(c)).toBeGreaterThanOrEqual(t0ms + 10 + 3 * i);
    }
    // Ten timers and ten child exits woke someone; every wake-up was retried once, and nothing else was.
    expect(k.runQueue.work.wakeups - before.wakeups).toBeLessThanOrEqual(20);
    expect(k.runQueue.work.retries - before.retries).toBe(k.runQueue.work.wakeups - before.wakeups);
  });

  it('ends a nanosleep early on a caught signal with EINTR and writes the time left', () => {
    // sleep 10 s with a SIGUSR1 handler; exit with rem.tv_sec (9 when the signal comes at once), 99 if not EINTR.
    const p = withHandler().sys(Sys.rt_sigaction, Signal.SIGUSR1, ACT, 0, 8);
    p.sys(Sys.clock_nanosleep_time64, CLOCK_MONOTONIC, 0, REQ, REM).li(t0, -4).emit('bne', a0, t0, 'bad');
    p.li(t0, REM).emit('lw', a0, t0, 0).exitA0().label('bad').sys(Sys.exit, 99);
    const { k, p: proc } = start(p.executable((v) => {
      v.setUint32(at(ACT), HANDLER, true);
      v.setBigInt64(at(REQ), 10n, true);
    }));
    expect(settle(k).kind).toBe('waiting');
    expect(proc.waitChannel).toBe('nanosleep');
    sendSignal(k, proc, Signal.SIGUSR1);
    expect(proc.blocked).toBe(false);
    expect(settle(k).kind).toBe('done');
    expect(proc.status).toEqual({ kind: 'exited', code: 9 });
    expect(k.runQueue.earliestWakeMs).toBeUndefined();
  });

  it('interrupts a pipe read with EINTR on a caught signal and takes it off the channel', () => {
    const p = withHandler().sys(Sys.rt_sigaction, Signal.SIGUSR1, ACT, 0, 8).pipeAt(zero);
    p.loadFd(a0, zero, 0).li(a1, BUF).li(a2, 1).sys(Sys.read).emit('sub', a0, zero, a0).exitA0();
    const { k, p: proc } = start(p.executable((v) => v.setUint32(at(ACT), HANDLER, true)));
    expect(settle(k).kind).toBe('waiting');
    sendSignal(k, proc, Signal.SIGUSR1);
    expect(settle(k).kind).toBe('done');
    expect(proc.status).toEqual({ kind: 'exited', code: 4 }); // -(-EINTR)
  });
});

describe('a console session (the host of the terminal and of the web worker)', () => {
  it('waits on its own host timer while every process sleeps, and wakes the sleeper at its deadline', async () => {
    const p = new Asm().sys(Sys.clock_nanosleep_time64, CLOCK_MONOTONIC, 0, REQ, REM).emit('addi', a0, a0, 7).exitA0();
    const session = new ConsoleSession({
      memMiB: 32, files: { '/sbin/init': p.executable((v) => v.setBigInt64(at(REQ) + 8, 40_000_000n, true)) },
      output: () => {}, yieldToHost: () => new Promise((r) => setImmediate(r)),
    });
    const t = performance.now();
    const end = await session.start();
    expect(performance.now() - t).toBeGreaterThanOrEqual(40);
    expect(end).toMatchObject({ kind: 'init-exited', status: 7 });
    expect(session.kernel.runQueue.work.retries).toBe(1);
  });
});

describe('power-off', () => {
  it('ends a session whose processes all sleep forever', async () => {
    // The child reads a pipe whose write ends both keep; the parent waits for it: nothing can ever wake them.
    const p = new Asm().pipeAt(zero).fork().emit('beq', a0, zero, 'child');
    exitWithChildStatus(p);
    p.label('child').loadFd(a0, zero, 0).li(a1, BUF).li(a2, 1).sys(Sys.read).exitA0();
    const session = new ConsoleSession({
      memMiB: 32, files: { '/sbin/init': p.executable() }, output: () => {},
      yieldToHost: () => new Promise((r) => setImmediate(r)),
    });
    const ended = session.start();
    const k = session.kernel;
    for (let i = 0; i < 500 && k.runQueue.sleeping < 2; i++) await new Promise((r) => setTimeout(r, 2));
    expect(k.runQueue.sleeping).toBe(2);
    expect(k.runQueue.earliestWakeMs).toBeUndefined();
    session.powerOff();
    expect(await ended).toEqual({ kind: 'power-off' });
    expect(k.runQueue.sleeping).toBe(0);
    expect({ freeChunks: k.chunks.freeChunks, usedFrames: k.frames.usedFrames }).toEqual(session.bootCounters);
  });
});
