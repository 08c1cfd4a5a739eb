// The libm's accuracy and Annex F behaviour, run in the machine (see build.ts for the pipeline).
// accuracy.c runs every function over its argument set (special values, random bit patterns over the whole
// format, uniform values in the function's interesting range, values with random exponents); check.ts
// compares each result with the exact value from decimal.js (reference.ts) and prints the max ulp error per
// function. The promise: exactly specified functions give the correctly rounded (exact) result; the others
// are at most one representable value away from it (in practice the table shows < 0.5 + tiny ulp).
// Cases per function: npm test 100 (decimal.js); with LONG > 1, 2,500 x LONG (test:long: 100,000) measured
// by the mpmath reference (reference.py, ~100x faster than decimal.js) when python3 has mpmath, else by
// decimal.js with a notice (hours). LIBM_CASES=N overrides. The same long table runs outside vitest with
// `npm run libm:accuracy -- --cases 100000 --via qemu` (run-accuracy.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG } from '../long.js';
import { build, type Program } from './build.js';
import { EXACT, measure, measureMpmath, mpmath, table, type Row } from './check.js';

const CASES = Number(process.env.LIBM_CASES ?? (LONG > 1 ? 2500 * LONG : 100));
const MPMATH = LONG > 1 ? mpmath() : 'the quick run uses decimal.js';
const dir = mkdtempSync(join(tmpdir(), 'pagoda-libm-'));
let accuracy: Program | undefined;
let special: Program | undefined;

beforeAll(() => {
  accuracy = build('accuracy', dir);
  special = build('special', dir);
  if (accuracy) console.log(`test/libm: built with ${accuracy.how}`);
  else console.warn('test/libm: no pipeline (dist not built and no riscv64-unknown-elf-gcc/qemu-riscv32): libm tests skipped');
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`libm accuracy against ${MPMATH === true ? 'mpmath' : 'decimal.js'}`, () => {
  let rows: Row[] = [];
  let output = '';

  beforeAll(() => {
    if (!accuracy) return;
    const r = accuracy.run([String(CASES)]);
    expect(r.status, r.stderr).toBe(0);
    output = r.stdout;
    if (LONG > 1 && MPMATH !== true) console.warn(`test/libm: ${MPMATH}: the long run measures with decimal.js and will take hours`);
    rows = MPMATH === true ? measureMpmath(r.stdout) : measure(r.stdout);
    console.log(`test/libm: ${CASES} arguments per function (${MPMATH === true ? 'mpmath' : 'decimal.js'})\n${table(rows)}`);
  }, LONG > 1 ? 86_400_000 : 1_800_000);

  it('measures every function of the table', () => {
    if (!accuracy) return;
    expect(rows.length).toBe(71);
    for (const r of rows) expect(r.cases, r.name).toBe(CASES);
  });

  it('gives the correctly rounded result for the exactly specified functions', () => {
    for (const r of rows.filter((row) => EXACT.has(row.name))) expect(r.failures, r.name).toEqual([]);
  });

  it('stays within 1 ulp of the correctly rounded result for every other function', () => {
    for (const r of rows.filter((row) => !EXACT.has(row.name))) {
      expect(r.failures, r.name).toEqual([]);
      expect(r.maxUlp, `${r.name}: ${r.worst}`).toBeLessThanOrEqual(1.5);
    }
  });

  // The long runs trust reference.py: on the quick set, both references must measure the same table.
  it('measures the same table with mpmath (reference.py) as with decimal.js, when python3 has mpmath', () => {
    if (!accuracy || LONG > 1 || mpmath() !== true) return;
    const other = new Map(measureMpmath(output).map((r) => [r.name, r]));
    expect(other.size).toBe(rows.length);
    for (const r of rows) {
      const m = other.get(r.name)!;
      expect([m.cases, m.maxSteps, m.failures.length], r.name).toEqual([r.cases, r.maxSteps, r.failures.length]);
      expect(Math.abs(m.maxUlp - r.maxUlp), r.name).toBeLessThan(1e-6);
    }
  });
});

describe('libm special values, errno and exceptions (C99 Annex F), <fenv.h>', () => {
  it('passes every check in special.c', () => {
    if (!special) return;
    const r = special.run([]);
    const failed = r.stdout.split('\n').filter((l) => l.startsWith('FAIL'));
    expect(failed).toEqual([]);
    expect(r.stdout).toContain('0 failures');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('ok')).length).toBeGreaterThan(190);
    expect(r.status).toBe(0);
  });
});
