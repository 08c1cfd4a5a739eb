// C compiler speed: lines of C per second (preprocessing included) on a generated unit.
// Row: group `toolchain`, name `cc`, with `linesPerSecond`.
import { generateBenchSource } from '../toolchain/cc/bench-source.js';
import { compile } from '../toolchain/cc/index.js';
import { BenchRow } from './row.js';

/** Compiles a generated ~`lines`-line file at -O1 after a warm-up; returns the `cc` row. */
export function ccBench(lines = 50_000): BenchRow[] {
  compile(generateBenchSource(lines / 10), 'warmup.c', { opt: 1 });
  const src = generateBenchSource(lines);
  const actual = src.split('\n').length;
  const start = performance.now();
  const r = compile(src, 'bench.c', { opt: 1 });
  const seconds = (performance.now() - start) / 1000;
  if (!r.ok) throw new Error(`bench: cc failed: ${r.diagnostics[0]?.message}`);
  return [{ group: 'toolchain', name: 'cc', lines: actual, seconds: Number(seconds.toFixed(4)), linesPerSecond: Math.round(actual / seconds) }];
}
