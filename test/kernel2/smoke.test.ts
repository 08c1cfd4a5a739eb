import { describe, expect, it } from 'vitest';
import { System } from './system.js';

describe('the shell on the console', () => {
  it('boots to a prompt and runs echo', async () => {
    const s = new System();
    await s.waitFor('pagoda:/$ ');
    expect(await s.run('echo hello world')).toBe('hello world');
    expect(await s.run('ls /bin | wc -l')).toMatch(/^\s+\d+$/);
    const end = await s.powerOff();
    expect(end.kind).toBe('power-off');
    expect(s.counters()).toEqual(s.session.bootCounters);
  }, 120_000);
});
