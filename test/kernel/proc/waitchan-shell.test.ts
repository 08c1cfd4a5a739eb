// Wait channels as a person at the terminal meets them (the boot image's shell on a terminal console):
// Ctrl-C ends a `sleep` asleep on the timer list, a pipeline's reader sleeps on its pipe until the writer
// ends, and a shell with sleeping children costs the scheduler nothing while nothing happens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { System } from '../../system/system.js';

describe('the shell on wait channels', () => {
  let s: System;
  beforeAll(async () => {
    s = new System();
    await s.waitFor('pagoda:/$ ');
  }, 120_000);
  afterAll(async () => {
    if (!s) return;
    await s.powerOff();
    expect(s.counters()).toEqual(s.session.bootCounters);
  });

  it('ends a foreground sleep with Ctrl-C long before its deadline', async () => {
    const prompts = s.prompts();
    const t = performance.now();
    s.type('sleep 30\r');
    for (let i = 0; i < 500 && ![...s.kernel.processes.values()].some((p) => p.waitChannel === 'nanosleep'); i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(s.kernel.runQueue.earliestWakeMs).toBeDefined();
    s.type('\x03');
    await s.waitFor(/pagoda:[^\n$]*\$ /, prompts + 1, 10_000);
    expect(performance.now() - t).toBeLessThan(10_000);
    expect(s.kernel.runQueue.earliestWakeMs).toBeUndefined();
    expect(await s.run('echo $?')).toBe('130');
  });

  it('runs a pipeline whose reader sleeps on the pipe until the writer is done', async () => {
    expect(await s.run('echo one two three | wc -w')).toMatch(/^\s*3\s*$/);
  });

  it('does no scheduler work while the shell and its background sleepers wait', async () => {
    await s.run('sleep 5 &');
    await s.run('sleep 5 &');
    await new Promise((r) => setTimeout(r, 50));
    const before = { ...s.kernel.runQueue.work };
    await new Promise((r) => setTimeout(r, 300));
    expect(s.kernel.runQueue.work).toEqual(before);
  });
});
