// The text of a perf report (pagoda run --perf on stderr, perf stat, /proc/PID/perf): one figure per line,
// a name padded to 20 columns then the value, so a program or a test can pick lines apart:
//
//   instructions        1234567
//   loads               300000
//   stores              120000
//   dtlb-hits           419990 (99.99%)
//   dtlb-misses         10
//   page-faults         3 (demand 2, cow 1, stack 0, stale 0, fatal 0)
//   syscalls            12 (write 9, brk 2, exit_group 1)
//   cache l1d           hits 400000 misses 20000 (4.76% miss) [32k 8-way 64B lines, 4 cycles]
//   cache l2            hits 15000 misses 5000 (25.00% miss) [512k 16-way 64B lines, 14 cycles]
//   memory              5000 accesses [100 cycles]
//   cycles (estimated)  2000000 (CPI 1.62)
//
// The cache and cycle lines appear only with --cache.

import { MEMORY_LATENCY } from '../../machine/perf/cache.js';
import { FAULT_KINDS, type PerfCounts } from './session.js';

const line = (name: string, value: string): string => `${name.padEnd(20)}${value}\n`;
const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(2)}%`);
const size = (bytes: number): string => (bytes % (1 << 20) === 0 ? `${bytes >> 20}m` : bytes % 1024 === 0 ? `${bytes >> 10}k` : `${bytes}`);

/** The report of `c`, headed by `title` (e.g. "perf: pid 1 (/host/prog)"). */
export function formatPerfReport(title: string, c: PerfCounts): string {
  let out = `${title}\n`;
  out += line('instructions', `${c.instructions}`);
  out += line('loads', `${c.loads}`);
  out += line('stores', `${c.stores}`);
  out += line('dtlb-hits', `${c.tlbHits} (${pct(c.tlbHits, c.tlbHits + c.tlbMisses)})`);
  out += line('dtlb-misses', `${c.tlbMisses}`);
  const faults = FAULT_KINDS.reduce((n, k) => n + c.faults[k], 0);
  out += line('page-faults', `${faults} (${FAULT_KINDS.map((k) => `${k} ${c.faults[k]}`).join(', ')})`);
  const calls = Object.entries(c.syscalls);
  const total = calls.reduce((n, [, v]) => n + v, 0);
  out += line('syscalls', `${total}${calls.length ? ` (${calls.map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`);
  for (const l of c.caches) {
    out += line(`cache ${l.name}`, `hits ${l.hits} misses ${l.misses} (${pct(l.misses, l.hits + l.misses)} miss) `
      + `[${size(l.sizeBytes)} ${l.ways}-way ${l.lineBytes}B lines, ${l.latency} cycles]`);
  }
  if (c.cycles !== undefined) {
    out += line('memory', `${c.memoryAccesses} accesses [${MEMORY_LATENCY} cycles]`);
    out += line('cycles (estimated)', `${c.cycles} (CPI ${c.instructions ? (c.cycles / c.instructions).toFixed(2) : '-'})`);
  }
  return out;
}
