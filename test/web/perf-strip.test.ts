// The page's counters strip (web/perf-strip.ts): one line of the selected process's perf counters.
import { describe, expect, it } from 'vitest';
import type { PerfCounts } from '../../kernel/perf/session.js';
import { perfStripText } from '../../web/perf-strip.js';

const counts: PerfCounts = {
  instructions: 1000, loads: 200, stores: 100, tlbHits: 297, tlbMisses: 3,
  faults: { demand: 4, cow: 1, stack: 0, stale: 0, fatal: 0 }, syscalls: { write: 2, brk: 1 },
  caches: [{ name: 'l1d', sizeBytes: 32768, ways: 8, lineBytes: 64, latency: 4, hits: 270, misses: 30 }],
  memoryAccesses: 30, cycles: 4100,
};

describe('the counters strip', () => {
  it('sums faults and syscalls and gives miss rates and CPI', () => {
    expect(perfStripText(counts)).toBe(
      'perf: 1000 instr · 200 loads · 100 stores · dTLB miss 1.0% · 5 faults · 3 syscalls · l1d miss 10.0% · CPI 4.10');
  });

  it('leaves out caches and CPI without a cache simulation', () => {
    expect(perfStripText({ ...counts, caches: [], cycles: undefined })).toBe(
      'perf: 1000 instr · 200 loads · 100 stores · dTLB miss 1.0% · 5 faults · 3 syscalls');
  });

  it('says how to count a process that is not counted', () => {
    expect(perfStripText(undefined)).toMatch(/^perf: not counted \(run it as perf stat/);
  });
});
