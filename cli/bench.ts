// `pagoda bench [--json] [--no-jit]`: runs every benchmark group and prints a table or one JSON object. The cpu
// rows (and the c-workload rows) always run on both CPU tiers; --no-jit runs every other group on the interpreter.

import { ccBench } from '../bench/cc.js';
import { grindBench } from '../bench/grind.js';
import { readBootImage } from './boot-image.js';
import { cpuBench } from '../bench/cpu.js';
import { kernelBench } from '../bench/kernel.js';
import { mallocBench } from '../bench/malloc.js';
import { procBench } from '../bench/proc.js';
import { BenchGroup, BenchRow } from '../bench/row.js';
import { toolchainBench } from '../bench/toolchain.js';
import { workloadBench } from '../bench/workload.js';

/** In the order of the layers: machine, toolchain, kernel, processes, libc's malloc. */
const GROUPS: BenchGroup[] = [
  () => cpuBench(),
  () => workloadBench(readBootImage()),
  () => [...toolchainBench(), ...ccBench()],
  () => kernelBench(),
  () => procBench(),
  () => grindBench(readBootImage()),
  () => mallocBench(),
];

function table(rows: BenchRow[]): string {
  const lines = [`Pagoda bench — Node ${process.version}`, ''];
  for (const r of rows) {
    const figures = Object.entries(r)
      .filter(([k]) => k !== 'group' && k !== 'name')
      .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en-US') : v}`);
    lines.push(`${r.group.padEnd(10)} ${r.name.padEnd(16)} ${figures.join('  ')}`);
  }
  return lines.join('\n') + '\n';
}

const USAGE = 'usage: pagoda bench [--json] [--no-jit]   (runs the benchmark suite; --json prints one JSON object;\n' +
  '  --no-jit: every group but cpu on the interpreter)\n';

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a !== '--json' && a !== '--no-jit');
  if (argv.includes('--no-jit')) process.env.PAGODA_JIT = '0'; // machine/tier.ts: every machine built from now on
  if (unknown.length > 0) {
    process.stderr.write(`pagoda bench: unknown argument '${unknown[0]}'\n${USAGE}`);
    return 2;
  }
  const rows: BenchRow[] = [];
  for (const group of GROUPS) rows.push(...(await group()));
  process.stdout.write(json ? JSON.stringify({ node: process.version, rows }) + '\n' : table(rows));
  return 0;
}
