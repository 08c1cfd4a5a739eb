// The `grind` row: userland/bin/grind (random processes, pipes, memory, files and signals, each result
// checked) run for a fixed time from the boot image; the figure is its checked operations per second. A
// second figure runs it with the kernel auditor after every process exit, to show what --audit costs.

import { boot } from '../kernel/boot.js';
import { runUntilDone } from '../kernel/driver.js';
import { spawnProcess } from '../kernel/proc/spawn.js';
import type { BenchRow } from './row.js';

/** Runs grind for `seconds` (seed 1) and returns its operations per second, or -1 when it fails. */
export async function measureGrind(bootImage: Uint8Array, seconds: number, audit: boolean): Promise<number> {
  let out = '';
  const dec = new TextDecoder();
  const k = boot({
    memMiB: 64, bootImage, audit,
    sinks: { stdout: (b) => { out += dec.decode(b, { stream: true }); }, stderr: () => {}, message: () => {}, bootLog: () => {} },
  });
  const p = spawnProcess(k, { path: '/bin/grind', bytes: k.files.get('/bin/grind')!, argv: ['grind', String(seconds), '1'], envp: [] });
  const later = (ms?: number): Promise<void> => new Promise((r) => setTimeout(r, ms ?? 0));
  await runUntilDone(k, { waitForInput: later, yieldToHost: () => new Promise((r) => setImmediate(r)) });
  const m = /(\d+) operations \((\d+)\/s\), all checks passed/.exec(out);
  return p.status?.kind === 'exited' && p.status.code === 0 && m ? Number(m[2]) : -1;
}

/** The `grind` row, or none without a boot image holding /bin/grind. */
export async function grindBench(bootImage: Uint8Array | undefined, seconds = 10): Promise<BenchRow[]> {
  if (!bootImage) return [];
  const plain = await measureGrind(bootImage, seconds, false);
  const audited = await measureGrind(bootImage, seconds, true);
  return [{ group: 'proc', name: 'grind', seconds, opsPerSecond: plain, auditedOpsPerSecond: audited }];
}
