import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../../harness.js';
import { hasGcc, program } from '../progs/build.js';

if (!hasGcc) console.warn('riscv64-unknown-elf-gcc not found: skipping kernel integration tests');

describe.skipIf(!hasGcc)('running programs', () => {
  it('runs hello and returns its exit status, with every frame back', async () => {
    const k = bootTestKernel();
    const r = await k.run(program('hello'));
    expect(r.messages).toEqual([]);
    expect(r.stdout).toBe('hello from user mode\n');
    expect(r.status).toBe(0);
    expect(k.counters()).toEqual(k.bootCounters);
    const r2 = await k.run(program('hello'), { argv: ['hello', 'x'] });
    expect(r2.status).toBe(42);
    expect(k.counters()).toEqual(k.bootCounters);
  });
});
