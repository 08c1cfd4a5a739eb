// C compiler speed: lines of C per second (preprocessing included) on a generated unit.
// Row: group `toolchain`, name `cc`, with `linesPerSecond` (steady state: the median of three compiles
// after the JIT has seen one, as a compiler in a long-lived host — the web page, a build — runs) and
// `firstLinesPerSecond` (the first full-size compile after a 5,000-line warm-up, V8 still optimising).
import { generateBenchSource } from '../toolchain/cc/bench-source.js';
import { compile } from '../toolchain/cc/index.js';
import { BenchRow } from './row.js';

/** Compiles a ~`lines`-line unit and returns its line count and the seconds it took (throws if it fails). */
function timeCompile(lines: number, firstGroup: number): { lines: number; seconds: number } {
  const src = generateBenchSource(lines, firstGroup);
  const start = performance.now();
  const r = compile(src, 'bench.c', { opt: 1 });
  const seconds = (performance.now() - start) / 1000;
  if (!r.ok) throw new Error(`bench: cc failed: ${r.diagnostics[0]?.message}`);
  return { lines: src.split('\n').length, seconds };
}

/** Four compiles of different ~`lines`-line units (no shared names) at -O1 after a small warm-up. */
export function ccBench(lines = 50_000): BenchRow[] {
  compile(generateBenchSource(lines / 10, 9_000_000), 'warmup.c', { opt: 1 });
  const runs = [1, 2, 3, 4].map((k) => timeCompile(lines, k * 1_000_000));
  const rates = runs.map((r) => r.lines / r.seconds);
  const steady = rates.slice(1).sort((a, b) => a - b)[1];
  return [{
    group: 'toolchain', name: 'cc', lines: runs[0].lines,
    linesPerSecond: Math.round(steady), firstLinesPerSecond: Math.round(rates[0]),
  }];
}
