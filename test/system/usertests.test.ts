// usertests, the xv6-style battery in userland/bin/usertests.c, run from the shell on the console.
import { describe, expect, it } from 'vitest';
import { System } from './system.js';

describe('usertests', () => {
  it('passes every test and returns every frame', async () => {
    const s = new System({ memMiB: 64 });
    await s.waitFor('pagoda:/$ ');
    const out = await s.run('usertests', 240_000);
    const failed = out.split('\n').filter((l) => /FAILED|:\d+: /.test(l));
    expect(failed).toEqual([]);
    expect(out).toMatch(/^test sbrk: OK$/m);
    expect(out).toMatch(/^test oom: OK$/m);
    expect(out.match(/OK$/gm)?.length).toBe(18);
    expect(out).toMatch(/^frames used: (\d+) before, \1 after$/m);
    expect(out).toContain('ALL TESTS PASSED');
    await s.powerOff();
    expect(s.counters()).toEqual(s.session.bootCounters);
  }, 300_000);
});
