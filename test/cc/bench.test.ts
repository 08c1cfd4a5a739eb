// The compile-speed benchmark input must stay valid C: `pagoda bench` times it (no timing asserted here).
import { describe, expect, it } from 'vitest';
import { generateBenchSource, measureCompileSpeed } from '../../toolchain/cc/bench-source.js';
import { compile } from '../../toolchain/cc/index.js';
import { ccBench } from '../../bench/cc.js';

describe('cc benchmark source', () => {
  it('is generated to about the requested size and compiles without a diagnostic at -O0 and -O1', () => {
    const src = generateBenchSource(3000);
    const lines = src.split('\n').length;
    expect(lines).toBeGreaterThanOrEqual(2900);
    for (const opt of [0, 1]) {
      const r = compile(src, 'bench.c', { opt });
      expect(r.diagnostics).toEqual([]);
      expect(r.ok).toBe(true);
    }
  });

  it('reports lines, seconds and lines per second', () => {
    const m = measureCompileSpeed(2000);
    expect(m.lines).toBeGreaterThan(1900);
    expect(m.linesPerSecond).toBeGreaterThan(0);
  });

  it('numbers function groups from firstGroup, so units from different groups share no function names', () => {
    const names = (src: string): Set<string> => new Set(src.match(/\b(?:helper|lookup|mix)_\d+/g));
    const a = names(generateBenchSource(1000, 0));
    const b = names(generateBenchSource(1000, 1_000_000));
    expect(a.size).toBeGreaterThan(10);
    expect([...b].filter((n) => a.has(n))).toEqual([]);
    expect(generateBenchSource(1000, 1_000_000).split('\n').length).toBe(generateBenchSource(1000, 0).split('\n').length);
  });

  it('gives the toolchain/cc row with steady-state and first-compile rates', () => {
    const [row] = ccBench(1000);
    expect(row).toMatchObject({ group: 'toolchain', name: 'cc' });
    expect(row.lines).toBeGreaterThan(900);
    expect(row.linesPerSecond).toBeGreaterThan(0);
    expect(row.firstLinesPerSecond).toBeGreaterThan(0);
  });
});
