// Measures the libm's results printed by accuracy.c against the exact references: reference.ts (decimal.js,
// ~3 ms per reference) or reference.py (mpmath, ~100x faster, for the long runs), which share the measure.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ordinal, reference, roundTo, ulpError } from './reference.js';

/** Functions C99/IEEE specify exactly (or correctly rounded): their results must be the rounded exact value. */
export const EXACT = new Set(['sqrt', 'floor', 'ceil', 'trunc', 'round', 'rint', 'nearbyint', 'fmod', 'remainder',
  'sqrtf', 'floorf', 'ceilf', 'truncf', 'roundf', 'rintf', 'fmodf', 'remainderf']);

export interface Row {
  name: string;
  cases: number;
  /** the largest |result - exact| in ulps of the exact value */
  maxUlp: number;
  /** the largest distance, in representable values, from the correctly rounded result */
  maxSteps: number;
  worst: string;
  failures: string[];
}

function parseHex(h: string, single: boolean): number {
  const dv = new DataView(new ArrayBuffer(8));
  if (single) {
    dv.setUint32(0, parseInt(h, 16));
    return dv.getFloat32(0);
  }
  dv.setBigUint64(0, BigInt('0x' + h));
  return dv.getFloat64(0);
}

/** One row per function in the output of accuracy.c. */
export function measure(output: string): Row[] {
  const rows = new Map<string, Row>();
  for (const line of output.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 3) continue;
    const name = parts[0];
    const single = parts[1].length === 8;
    const nums = parts.slice(1).map((h) => parseHex(h, single));
    const y = nums.pop() as number;
    let row = rows.get(name);
    if (!row) {
      row = { name, cases: 0, maxUlp: 0, maxSteps: 0, worst: '', failures: [] };
      rows.set(name, row);
    }
    row.cases++;
    const ref = reference(name, nums);
    const where = `${name}(${nums.map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(', ')}) = ${y}`;
    if (typeof ref === 'number') {
      const ok = Number.isNaN(ref) ? Number.isNaN(y) : Object.is(y, ref) || (ref === y);
      if (!ok) row.failures.push(`${where}, expected ${ref}`);
      continue;
    }
    const cr = roundTo(ref, single);
    if (Number.isNaN(y)) {
      row.failures.push(`${where}, expected ${cr}`);
      continue;
    }
    const steps = Number(ordinal(y, single) - ordinal(cr, single));
    const err = Number.isFinite(cr) ? ulpError(y, ref, single) : steps === 0 ? 0 : Infinity;
    if (Math.abs(steps) > row.maxSteps) row.maxSteps = Math.abs(steps);
    if (err > row.maxUlp) {
      row.maxUlp = err;
      row.worst = `${where} (correctly rounded ${cr})`;
    }
    const limit = EXACT.has(name) ? 0 : 1;
    if (Math.abs(steps) > limit) row.failures.push(`${where}, correctly rounded ${cr}: ${Math.abs(steps)} steps`);
  }
  return [...rows.values()];
}

const MPMATH = join(fileURLToPath(new URL('.', import.meta.url)), '../../test/libm/reference.py');

/** Whether python3 with mpmath is here to run reference.py; else the reason. */
export function mpmath(): true | string {
  const r = spawnSync('python3', ['-c', 'import mpmath'], { encoding: 'utf8' });
  if (r.error) return 'python3 not found';
  return r.status === 0 ? true : 'python3 has no mpmath (Debian: python3-mpmath)';
}

/** measure() with the mpmath reference (test/libm/reference.py): the same rows, at most 20 failures each. */
export function measureMpmath(output: string): Row[] {
  const r = spawnSync('python3', [MPMATH, [...EXACT].join(',')], { input: output, encoding: 'latin1', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`reference.py: ${r.error ?? r.stderr}`);
  const rows = JSON.parse(r.stdout) as Row[];
  for (const row of rows) if (row.maxUlp >= 1e308) row.maxUlp = Infinity;
  return rows;
}

/** The table the test prints: max ulp error per function. */
export function table(rows: Row[]): string {
  const lines = ['function      cases   max ulp error  max steps from correctly rounded'];
  for (const r of rows) lines.push(`${r.name.padEnd(12)} ${String(r.cases).padStart(6)}   ${r.maxUlp.toFixed(3).padStart(13)}  ${r.maxSteps}`);
  return lines.join('\n');
}
