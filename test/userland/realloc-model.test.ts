// userland/tools/realloc-model.mjs models the dl policy's placement on mallocbench's realloc workload so
// that placement rules can be compared over many seeds; these checks keep it tied to the benchmark: the
// model's figures for the current rules must be the ones /bin/mallocbench measures under the kernel.
import { describe, expect, it } from 'vitest';
import { compareSeeds, runRealloc } from '../../userland/tools/realloc-model.mjs';
import { bootTestKernel } from '../harness.js';
import { bootImage } from '../system/system.js';

describe('realloc placement model', () => {
  it('gives the peak heap and peak live that mallocbench measures for dl/realloc', async () => {
    const k = bootTestKernel({ memMiB: 64, bootImage: bootImage().image });
    const r = await k.run('/bin/mallocbench', { argv: ['mallocbench', '--json', 'realloc'], envp: ['MALLOC_POLICY=dl'] });
    expect(r.status).toBe(0);
    const row = JSON.parse(r.stdout.split('\n').find((l) => l.startsWith('{')) ?? 'null');
    expect(row).toMatchObject({ name: 'dl/realloc', ops: 40000 });
    const model = runRealloc({ policy: 'sink' });
    expect({ peakHeap: model.peakHeap, peakLive: model.peakLive }).toEqual({ peakHeap: row.peakHeap, peakLive: row.peakLive });
  }, 300_000);

  it("reproduces mallocbench's recorded realloc figures for the old rules (best fit, 32 KiB growth)", () => {
    const r = runRealloc({ policy: 'best', growMin: 32768 });
    expect(r.peakLive).toBe(673531);
    expect(r.peakHeap).toBe(884736);
  });

  it('shows the sinking rules lowering peak heap / peak live on average over seeds', () => {
    const before = compareSeeds({ policy: 'best', growMin: 32768 }, 12);
    const after = compareSeeds({ policy: 'sink', growMin: 4096 }, 12);
    expect(after.mean).toBeLessThan(before.mean - 0.02);
    expect(after.worst).toBeLessThan(before.worst);
  });
});
