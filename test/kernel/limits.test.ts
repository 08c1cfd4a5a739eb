// Limits a guest cannot break: a fork bomb, a memory hog past the commit limit, a /tmp filler, 10,000
// open/close cycles, a pipe nobody reads, a console flood, deep recursion. Each time the kernel survives,
// the auditor is clean (the harness audits after every run), every frame comes back, and a shell started
// afterwards still answers.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../kernel/session.js';
import { bootTestKernel } from '../harness.js';
import { hasGcc, program } from './progs/build.js';

const kv = (out: string, key: string): number => Number(new RegExp(`^${key}=(-?\\d+)$`, 'm').exec(out)?.[1]);
const IMAGE = join(resolve(__dirname, '..', '..'), 'dist', 'boot.cpio');

describe.skipIf(!hasGcc)('limits a guest cannot break', () => {
  const limits = (): Uint8Array => program('limits');

  it('a fork bomb meets EAGAIN at the process limit; everything is reaped', async () => {
    const k = bootTestKernel({ memMiB: 64 });
    const r = await k.run(limits(), { argv: ['limits', 'forkbomb'] });
    expect(kv(r.stdout, 'root_made')).toBeGreaterThan(0);
    expect(kv(r.stdout, 'refused')).toBeGreaterThan(0);
    expect(r.status).toBe(Math.min(kv(r.stdout, 'refused'), 199));
    expect([...k.kernel.processes.values()].filter((p) => p.alive)).toEqual([]);
    expect(k.counters()).toEqual(k.bootCounters);
  }, 60_000);

  it('a memory hog gets ENOMEM from mmap and sbrk at the commit limit, never an out-of-memory kill', async () => {
    const k = bootTestKernel({ memMiB: 32 });
    const r = await k.run(limits(), { argv: ['limits', 'memhog'] });
    expect(r.messages).toEqual([]);
    expect(kv(r.stdout, 'mmap_error')).toBe(-12);
    expect(kv(r.stdout, 'sbrk_error')).toBe(-12);
    expect(kv(r.stdout, 'mapped_plenty')).toBe(1);
    expect(r.status).toBe(0);
    expect(k.counters()).toEqual(k.bootCounters);
  }, 60_000);

  it('a /tmp filler gets ENOSPC at the ramfs limit, and the space comes back', async () => {
    const k = bootTestKernel();
    (k.kernel.fs.usage as { limitBytes: number }).limitBytes = 8 << 20;   // a small ramfs keeps the test quick
    const r = await k.run(limits(), { argv: ['limits', 'tmpfill'] });
    expect(kv(r.stdout, 'error')).toBe(-28);
    expect(kv(r.stdout, 'filled_plenty')).toBe(1);
    expect(k.kernel.fs.usage.bytes).toBe(0);
  }, 60_000);

  it('10,000 open/close cycles reuse the lowest fd; opening without closing stops at EMFILE', async () => {
    const k = bootTestKernel();
    const r = await k.run(limits(), { argv: ['limits', 'openclose'] });
    expect(kv(r.stdout, 'highest_fd')).toBe(3);
    expect(kv(r.stdout, 'held_open')).toBe(256 - 3);
    expect(kv(r.stdout, 'then')).toBe(-24);
    expect(r.status).toBe(0);
  }, 60_000);

  it('a writer into a pipe nobody reads blocks at the pipe\'s capacity and can be killed', async () => {
    const k = bootTestKernel();
    const r = await k.run(limits(), { argv: ['limits', 'pipeflood'] });
    expect(kv(r.stdout, 'kill')).toBe(0);
    expect(kv(r.stdout, 'reaped')).toBe(1);
    expect(kv(r.stdout, 'status')).toBe(9);
    expect(k.counters()).toEqual(k.bootCounters);
  }, 60_000);

  it('a console flood of 16 MiB reaches stdout whole and the kernel survives', async () => {
    const k = bootTestKernel();
    const r = await k.run(limits(), { argv: ['limits', 'flood'] });
    expect(r.stdout.length).toBe(16 << 20);
    expect(r.status).toBe(0);
  }, 60_000);

  it('deep recursion (4 MiB of stack grown by faults) runs, and every frame comes back', async () => {
    const k = bootTestKernel();
    const r = await k.run(program('recurse'));
    expect(r.status).toBe(0);
    expect(k.counters()).toEqual(k.bootCounters);
  }, 60_000);

  it.skipIf(!existsSync(IMAGE))('the shell still answers after a fork bomb, a memory hog and a filler', async () => {
    let out = '';
    const s = new ConsoleSession({
      memMiB: 64, bootImage: new Uint8Array(readFileSync(IMAGE)), lineInput: true, audit: true,
      output: (b) => { out += new TextDecoder().decode(b); }, yieldToHost: () => new Promise((r) => setImmediate(r)),
    });
    s.addFile('/home/limits', limits());
    s.input('/home/limits forkbomb\n/home/limits memhog\n/home/limits openclose\necho still here\nexit\n');
    s.endInput();
    const end = await s.start();
    expect(out).toMatch(/refused=[1-9]/);
    expect(out).toContain('mmap_error=-12');
    expect(out).toContain('still here');
    expect(end.kind).toBe('init-exited');
  }, 120_000);
});
