// The compile-speed benchmark input must stay valid C: `pagoda bench` times it (no timing asserted here).
import { describe, expect, it } from 'vitest';
import { generateBenchSource, measureCompileSpeed } from '../../toolchain/cc/bench-source.js';
import { compile } from '../../toolchain/cc/index.js';

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
});
