// grind, the userland stress program (userland/bin/grind.c), for a short run: its own checks pass, the
// auditor runs after every process exit and at the end, and every frame, chunk and committed page is back.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../harness.js';

const IMAGE = join(resolve(__dirname, '..', '..'), 'dist', 'boot.cpio');
const built = existsSync(IMAGE);
if (!built) console.warn('dist/boot.cpio missing (npm run build): skipping grind');

describe.skipIf(!built)('grind', () => {
  it('survives two seconds of random processes, pipes, memory, files and signals with every invariant audited', async () => {
    const t = bootTestKernel({ memMiB: 64, bootImage: new Uint8Array(readFileSync(IMAGE)) });
    t.kernel.audit = true;
    const r = await t.run('/bin/grind', { argv: ['grind', '2', '7'] });
    expect(r.stdout).toMatch(/^grind: seed 7, \d+\.\d{3} s, \d+ workers started, \d+ killed, \d+ operations \(\d+\/s\), all checks passed\n$/);
    expect(Number(/(\d+) operations/.exec(r.stdout)![1])).toBeGreaterThan(20);
    expect(r.status).toBe(0);
    // Faults grind causes on purpose (a store to a read-only mapping) are reported; nothing else is.
    for (const m of r.messages) expect(m).toMatch(/killed by SIGSEGV: store page fault at 0x[0-9a-f]{8} \(permission denied\)/);
    t.audit('after grind');
    expect(t.counters()).toEqual(t.bootCounters);
    expect(t.kernel.fs.lookup('/tmp')).toMatchObject({ kind: 'dir' });
    expect([...(t.kernel.fs.lookup('/tmp') as { children: Map<string, unknown> }).children.keys()]).toEqual([]);
  }, 120_000);
});
