// The long libm accuracy run outside vitest:
// `npm run libm:accuracy -- --cases N [--via qemu|pagoda] [--only NAME] [--reference decimal]`.
// Builds accuracy.c (Pagoda's pipeline, or with --via qemu the gcc -march=rv32imafd -mabi=ilp32d build of the same
// libc sources run under qemu-riscv32: much faster), runs it function by function and measures every result
// against the mpmath reference (reference.py), or decimal.js when python3/mpmath are missing (hours at 100,000).
// Prints the max ulp table and the times; exits 1 when a function fails its promise (exact, or within 1 ulp).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from './build.js';
import { EXACT, measure, measureMpmath, mpmath, table, type Row } from './check.js';

/** The functions accuracy.c measures, in its order (the table's rows). */
function names(run: (args: string[]) => { stdout: string }): string[] {
  const out = run(['1']).stdout;
  return out.split('\n').map((l) => l.split(' ')[0]).filter((n) => n.length > 0);
}

function main(argv: string[]): number {
  const opt = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const cases = Number(opt('--cases') ?? 100000);
  const via = opt('--via') as 'qemu' | 'pagoda' | undefined;
  if (via !== undefined && via !== 'qemu' && via !== 'pagoda') throw new Error(`--via ${via}: qemu or pagoda`);
  const only = opt('--only');
  const dir = mkdtempSync(join(tmpdir(), 'pagoda-libm-'));
  try {
    const t0 = Date.now();
    const program = build('accuracy', dir, via);
    if (!program) throw new Error('no pipeline: npm run build, or install riscv64-unknown-elf-gcc and qemu-riscv32');
    const ok = opt('--reference') === 'decimal' ? 'decimal.js asked for' : mpmath();
    const reference = ok === true ? 'mpmath (test/libm/reference.py)' : 'decimal.js';
    if (ok !== true && opt('--reference') !== 'decimal') console.warn(`libm:accuracy: ${ok}; falling back to decimal.js (~3 ms per reference: hours for 100,000 per function)`);
    console.log(`libm:accuracy: ${cases} arguments per function, built with ${program.how} (${((Date.now() - t0) / 1000).toFixed(1)} s), reference ${reference}`);
    const rows: Row[] = [];
    let runTime = 0;
    let refTime = 0;
    for (const name of only ? [only] : names(program.run)) {
      const t1 = Date.now();
      const r = program.run([String(cases), name]);
      if (r.status !== 0) throw new Error(`accuracy ${cases} ${name}: status ${r.status}\n${r.stderr}`);
      const t2 = Date.now();
      const row = ok === true ? measureMpmath(r.stdout) : measure(r.stdout);
      const t3 = Date.now();
      runTime += t2 - t1;
      refTime += t3 - t2;
      rows.push(...row);
      for (const x of row) console.log(`  ${x.name.padEnd(12)} max ulp ${x.maxUlp.toFixed(6)} at ${x.worst}; run ${((t2 - t1) / 1000).toFixed(1)} s, reference ${((t3 - t2) / 1000).toFixed(1)} s`);
    }
    console.log(table(rows));
    console.log(`libm:accuracy: libm runs ${(runTime / 1000).toFixed(1)} s, references ${(refTime / 1000).toFixed(1)} s, total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    let bad = 0;
    for (const r of rows) {
      const over = !EXACT.has(r.name) && r.maxUlp > 1.5;
      if (r.failures.length === 0 && !over) continue;
      bad++;
      console.log(`FAIL ${r.name}: max ${r.maxUlp.toFixed(3)} ulp at ${r.worst}`);
      for (const f of r.failures) console.log(`  ${f}`);
    }
    return bad ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2));
