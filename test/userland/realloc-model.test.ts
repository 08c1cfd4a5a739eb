// userland/tools/realloc-model.mjs models the dl policy's placement on mallocbench's realloc workload so
// that placement rules can be compared over many seeds; these checks keep it tied to the benchmark.
import { describe, expect, it } from 'vitest';
import { compareSeeds, runRealloc } from '../../userland/tools/realloc-model.mjs';

describe('realloc placement model', () => {
  it("reproduces mallocbench's realloc figures for the old rules (best fit, 32 KiB growth)", () => {
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
