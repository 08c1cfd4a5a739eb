import { describe, expect, it } from 'vitest';
import { spawnProcess } from '../../../kernel/proc/spawn.js';
import { runSlice } from '../../../kernel/sched.js';
import { bootTestKernel } from '../../harness.js';
import { hasGcc, program } from '../progs/build.js';

if (!hasGcc) console.warn('riscv64-unknown-elf-gcc not found: skipping the blocking-read test');

describe.skipIf(!hasGcc)('a read on the console with no input yet', () => {
  it('puts the process to sleep, and the read completes when input arrives', async () => {
    const t = bootTestKernel();
    const k = t.kernel;
    let out = '';
    k.sinks.stdout = (b) => { out += new TextDecoder().decode(b); };
    const p = spawnProcess(k, { path: '/bin/devices', bytes: program('devices'), argv: ['devices'], envp: [] });
    let state = runSlice(k, 1e7);
    expect(state).toEqual({ kind: 'waiting', wakeAtMs: undefined });
    expect(out).toContain('writev=7\n');
    expect(out).not.toContain('readv=');
    state = runSlice(k, 1e7);
    expect(state.kind).toBe('waiting');
    k.machine.uart.pushInput('abcdefgh');
    for (let i = 0; i < 1000 && state.kind !== 'done'; i++) {
      state = runSlice(k, 1e7);
      if (state.kind === 'waiting' && state.wakeAtMs === undefined) k.consoleInput.closed = true;
      if (state.kind === 'waiting' && state.wakeAtMs !== undefined) await new Promise((r) => setTimeout(r, 5));
    }
    expect(out).toContain('readv=8\nabcdefgh\n');
    expect(p.status).toEqual({ kind: 'exited', code: 3 });
  });
});
