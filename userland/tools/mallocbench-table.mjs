// mallocbench-table.mjs: runs mallocbench for every policy and workload, one process each (so
// each row's peak heap is its own), under rv32sim for exact retired-instruction counts, and
// prints the table (or the JSON rows pagoda bench uses, with --json).
//
//   node userland/tools/mallocbench-table.mjs [--json] [PATH-TO-MALLOCBENCH]
// Without a path it builds userland with gcc into a temporary directory first.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLibc, buildProgram, readManifest } from '../build-gcc.mjs';
import { runRv32 } from './rv32sim.mjs';

export const POLICIES = ['dl', 'first', 'next', 'best', 'buddy', 'quick'];
export const WORKLOADS = ['small', 'mixed', 'realloc', 'fragment'];

/** Runs one policy/workload; returns mallocbench's JSON row. */
export function benchRow(elf, policy, workload) {
  const r = runRv32(elf, { argv: ['mallocbench', '--json', workload], env: [`MALLOC_POLICY=${policy}`] });
  if (r.exitCode !== 0) throw new Error(`mallocbench ${policy}/${workload} failed: ${r.stderr || r.stdout}`);
  return JSON.parse(r.stdout.trim());
}

function main() {
  const args = process.argv.slice(2);
  const json = args[0] === '--json';
  if (json) args.shift();
  let path = args[0];
  let tmp = '';
  if (!path) {
    tmp = mkdtempSync(join(tmpdir(), 'pagoda-bench-'));
    const manifest = readManifest();
    buildLibc(tmp, manifest);
    path = buildProgram(tmp, 'mallocbench', manifest.programs.mallocbench, manifest);
  }
  const elf = readFileSync(path);
  if (!json) {
    console.log('policy workload      ops  instr/op  peak heap  peak live  heap/live  syscalls');
  }
  for (const policy of POLICIES) {
    for (const workload of WORKLOADS) {
      const row = benchRow(elf, policy, workload);
      if (json) console.log(JSON.stringify(row));
      else {
        console.log(
          `${policy.padEnd(6)} ${workload.padEnd(9)} ${String(row.ops).padStart(7)} ${row.instructionsPerOp.toFixed(2).padStart(9)} ` +
            `${String(row.peakHeap).padStart(10)} ${String(row.peakLive).padStart(10)} ${row.peakHeapOverLive.toFixed(2).padStart(10)} ${String(row.syscalls).padStart(9)}`,
        );
      }
    }
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  try {
    main();
  } catch (e) {
    console.error(`mallocbench-table: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
    process.exit(1);
  }
}
