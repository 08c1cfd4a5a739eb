// The counters strip under the address-space view: the selected process's perf counters in one line, when the
// kernel counts it (`perf stat CMD` in the shell; kernel/perf/session.ts), else a hint saying how to count it.

import type { PerfCounts } from '../kernel/perf/session.js';

const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');

/** The strip's text for counters `c` (undefined: the process is not counted). */
export function perfStripText(c: PerfCounts | undefined): string {
  if (!c) return 'perf: not counted (run it as perf stat [--cache SPEC] CMD)';
  const faults = Object.values(c.faults).reduce((a, b) => a + b, 0);
  const calls = Object.values(c.syscalls).reduce((a, b) => a + b, 0);
  const parts = [
    `${c.instructions} instr`, `${c.loads} loads`, `${c.stores} stores`,
    `dTLB miss ${pct(c.tlbMisses, c.tlbHits + c.tlbMisses)}`, `${faults} faults`, `${calls} syscalls`,
  ];
  for (const l of c.caches) parts.push(`${l.name} miss ${pct(l.misses, l.hits + l.misses)}`);
  if (c.cycles !== undefined && c.instructions) parts.push(`CPI ${(c.cycles / c.instructions).toFixed(2)}`);
  return 'perf: ' + parts.join(' · ');
}
