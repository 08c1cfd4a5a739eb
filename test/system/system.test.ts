// The interactive test system itself: a test waiting for the screen must notice the machine stopping.
import { afterEach, describe, expect, it } from 'vitest';
import { Sys } from '../../abi/syscalls.js';
import { panic } from '../../kernel/panic.js';
import { SYSCALLS } from '../../kernel/sys/table.js';
import { System } from './system.js';

const table = SYSCALLS as Map<number, unknown>;
const uname = table.get(Sys.uname);

describe('the test system', () => {
  afterEach(() => { table.set(Sys.uname, uname); });

  it('fails a command at once, naming the panic, when the kernel panics under it', async () => {
    const s = new System({ memMiB: 32 });
    await s.waitFor('pagoda:/$ ');
    table.set(Sys.uname, () => panic('uname: a test asked for a panic'));
    const started = Date.now();
    // Without noticing, this would wait out its whole timeout.
    await expect(s.run('uname', 60_000)).rejects.toThrow(/the machine stopped: kernel panic: uname: a test asked for a panic/);
    expect(Date.now() - started).toBeLessThan(20_000);
    await expect(s.ended).rejects.toThrow(/kernel panic/);
  }, 90_000);

  it('fails a wait at once when init exits without showing what was awaited', async () => {
    const s = new System({ memMiB: 32 });
    await s.waitFor('pagoda:/$ ');
    s.type('exit 3\r');
    await expect(s.waitFor('never printed', 1, 60_000)).rejects.toThrow(/the session ended .*"status":3/);
  }, 90_000);
});
