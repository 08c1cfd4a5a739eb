// The libm's accuracy and Annex F behaviour, run in the machine (see build.ts for the pipeline).
// accuracy.c runs every function over its argument set (special values, random bit patterns over the whole
// format, uniform values in the function's interesting range, values with random exponents); check.ts
// compares each result with the exact value from decimal.js (reference.ts) and prints the max ulp error per
// function. The promise: exactly specified functions give the correctly rounded (exact) result; the others
// are at most one representable value away from it (in practice the table shows < 0.5 + tiny ulp).
// Cases per function: 100 x LONG (npm test: 100; test:long: 4,000). The exact references cost about 3 ms
// each in decimal.js on this machine, so the 2,500 per function (175,000 references, ~10 min) is
// run with LIBM_CASES=2500.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG } from '../long.js';
import { build, type Program } from './build.js';
import { EXACT, measure, table, type Row } from './check.js';

const CASES = Number(process.env.LIBM_CASES ?? 100 * LONG);
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

describe('libm accuracy against decimal.js', () => {
  let rows: Row[] = [];

  beforeAll(() => {
    if (!accuracy) return;
    const r = accuracy.run([String(CASES)]);
    expect(r.status, r.stderr).toBe(0);
    rows = measure(r.stdout);
    console.log(`test/libm: ${CASES} arguments per function\n${table(rows)}`);
  }, 1_800_000);

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
