// Malloc benchmarks (group `malloc`): /bin/mallocbench from the boot image, one process per policy and
// workload under the kernel, each printing one JSON row: `POLICY/WORKLOAD` with instructionsPerOp (retired
// instructions per allocation+free, or per realloc, read with rdinstret), peakHeapOverLive and syscalls.
// The figures count instructions, not time, so they are exact and repeatable.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boot } from '../kernel/boot.js';
import { runUntilDone } from '../kernel/driver.js';
import { spawnProcess } from '../kernel/proc/spawn.js';
import type { BenchRow } from './row.js';

export const MALLOC_POLICIES = ['dl', 'first', 'next', 'best', 'buddy', 'quick'];
export const MALLOC_WORKLOADS = ['small', 'mixed', 'realloc', 'fragment'];
const PROGRAM = '/bin/mallocbench';

/** The boot image `npm run build` writes (or $PAGODA_BOOT_IMAGE), if there is one. */
export function findBootImage(): Uint8Array | undefined {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  for (const c of [process.env.PAGODA_BOOT_IMAGE, join(root, 'dist', 'boot.cpio')]) {
    if (c && existsSync(c)) return new Uint8Array(readFileSync(c));
  }
  return undefined;
}

/** Runs `mallocbench --json WORKLOAD` with MALLOC_POLICY=policy; returns its row, or an error row. */
export async function mallocBenchRow(image: Uint8Array, policy: string, workload: string): Promise<BenchRow> {
  const decoder = new TextDecoder();
  let out = '';
  const k = boot({
    memMiB: 128,
    bootImage: image,
    sinks: { stdout: (b) => { out += decoder.decode(b); }, stderr: () => {}, message: () => {}, bootLog: () => {} },
  });
  const bytes = k.files.get(PROGRAM);
  if (!bytes) return { group: 'malloc', name: `${policy}/${workload}`, error: `${PROGRAM} is not in the boot image` };
  spawnProcess(k, { path: PROGRAM, bytes, argv: ['mallocbench', '--json', workload], envp: [`MALLOC_POLICY=${policy}`] });
  await runUntilDone(k, { waitForInput: async () => {}, yieldToHost: async () => {} });
  const line = out.split('\n').find((l) => l.startsWith('{'));
  if (!line) return { group: 'malloc', name: `${policy}/${workload}`, error: `no result: ${out.trim().slice(0, 80)}` };
  const row = JSON.parse(line) as BenchRow;
  return {
    group: 'malloc',
    name: String(row.name),
    instructionsPerOp: Number(row.instructionsPerOp),
    peakHeapOverLive: Number(row.peakHeapOverLive),
    syscalls: Number(row.syscalls),
  };
}

/** Every policy x workload; no rows (and a note on stderr) when there is no boot image. */
export async function mallocBench(image = findBootImage()): Promise<BenchRow[]> {
  if (!image) {
    process.stderr.write('pagoda bench: no boot image (npm run build): malloc group skipped\n');
    return [];
  }
  const rows: BenchRow[] = [];
  for (const policy of MALLOC_POLICIES) {
    for (const workload of MALLOC_WORKLOADS) rows.push(await mallocBenchRow(image, policy, workload));
  }
  return rows;
}
