import { execFileSync } from 'node:child_process';
import { it } from 'vitest';
import { measure, table } from '/work/wt/libm/test/libm/check.js';
it('dev', () => {
  const n = process.env.N ?? '200';
  const args = [n]; if (process.env.FN) args.push(process.env.FN);
  const out = execFileSync('qemu-riscv32', ['/tmp/lm/acc', ...args], { encoding: 'latin1', maxBuffer: 1 << 30 });
  const t0 = Date.now();
  const rows = measure(out);
  console.log(table(rows), '\nreference time', Date.now() - t0);
  for (const r of rows) { if (r.failures.length) console.log(r.name, r.failures.length, r.failures.slice(0, 4).join('\n  ')); }
}, 600000);
