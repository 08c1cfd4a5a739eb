// The malloc programs under Pagoda's kernel. bench/malloc.ts (the `malloc` group of pagoda bench) runs
// /bin/mallocbench, one process per policy and workload; malloctest must leave every frame free when it
// exits. Both are built with gcc here and put in a boot image of their own.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S_IFDIR, S_IFREG, writeCpio } from '../../abi/cpio.js';
import { mallocBench, mallocBenchRow, MALLOC_POLICIES, MALLOC_WORKLOADS } from '../../bench/malloc.js';
import { boot } from '../../kernel/boot.js';
import { runUntilDone } from '../../kernel/driver.js';
import { spawnProcess } from '../../kernel/proc/spawn.js';
import { buildLibc, buildProgram, haveGcc, readManifest } from '../../userland/build-gcc.mjs';
import { LONG } from '../long.js';

// The quick form (npm test) runs malloctest for 300 operations and one bench row per policy, each workload at
// least once (a diagonal of the policy x workload table); the long form (npm run test:long) runs 1500 operations
// and the whole table. Six minutes of the suite's ten were here.
const OPERATIONS = LONG > 1 ? 1500 : 300;
const TABLE = MALLOC_POLICIES.flatMap((p, i) => MALLOC_WORKLOADS.filter((_, j) => LONG > 1 || (i + j) % MALLOC_WORKLOADS.length === 0).map((w) => `${p}/${w}`));

const hasGcc = haveGcc();
if (!hasGcc) console.warn('test/userland: riscv64-unknown-elf-gcc missing: malloc bench tests skipped');

describe.skipIf(!hasGcc)('pagoda bench malloc group', () => {
  let dir = '';
  let image = new Uint8Array();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pagoda-mallocbench-'));
    const manifest = readManifest();
    buildLibc(dir, manifest);
    const elf = readFileSync(buildProgram(dir, 'mallocbench', manifest.programs.mallocbench, manifest));
    const test = readFileSync(buildProgram(dir, 'malloctest', manifest.programs.malloctest, manifest));
    image = writeCpio([
      { name: 'bin', mode: S_IFDIR | 0o755, data: new Uint8Array() },
      { name: 'bin/mallocbench', mode: S_IFREG | 0o755, data: new Uint8Array(elf) },
      { name: 'bin/malloctest', mode: S_IFREG | 0o755, data: new Uint8Array(test) },
    ]);
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports dl/small under the kernel: at most 60 instructions per pair, heap/live at most 1.6', async () => {
    const row = await mallocBenchRow(image, 'dl', 'small');
    expect(row).toMatchObject({ group: 'malloc', name: 'dl/small' });
    expect(row.instructionsPerOp).toBeLessThanOrEqual(60);
    expect(row.peakHeapOverLive).toBeLessThanOrEqual(1.6);
    expect(row.syscalls).toBeGreaterThan(0);
  });

  it('names the policy the process really used (MALLOC_POLICY reaches the program)', async () => {
    const row = await mallocBenchRow(image, 'buddy', 'fragment');
    expect(row.name).toBe('buddy/fragment');
  });

  it('gives an error row when the boot image has no mallocbench', async () => {
    const empty = writeCpio([{ name: 'bin', mode: S_IFDIR | 0o755, data: new Uint8Array() }]);
    const row = await mallocBenchRow(empty, 'dl', 'small');
    expect(row.error).toContain('/bin/mallocbench is not in the boot image');
  });

  /** Runs malloctest ARGS under a fresh kernel; returns its output and whether all memory came back. */
  async function malloctest(policy: string, memMiB: number, args: string[]): Promise<{ out: string; allFree: boolean }> {
    let out = '';
    const k = boot({
      memMiB,
      bootImage: image,
      sinks: { stdout: (b) => { out += new TextDecoder().decode(b); }, stderr: () => {}, message: () => {}, bootLog: () => {} },
    });
    const [frames, chunks] = [k.frames.availableFrames, k.chunks.freeChunks];
    const bytes = k.files.get('/bin/malloctest');
    if (!bytes) throw new Error('malloctest missing from the image');
    spawnProcess(k, { path: '/bin/malloctest', bytes, argv: ['malloctest', ...args], envp: [`MALLOC_POLICY=${policy}`] });
    await runUntilDone(k, { waitForInput: async () => {}, yieldToHost: async () => {} });
    return { out, allFree: k.frames.availableFrames === frames && k.chunks.freeChunks === chunks };
  }

  for (const policy of MALLOC_POLICIES) {
    it(`leaves every frame and chunk free after malloctest exits (${policy})`, async () => {
      const r = await malloctest(policy, 64, [String(OPERATIONS)]);
      expect(r.out).toContain(`malloctest ${policy}: ${OPERATIONS} operations ok`);
      expect(r.allFree).toBe(true);
    }, 120_000);

    it(`returns NULL with ENOMEM when the kernel refuses memory, and recovers (${policy})`, async () => {
      const r = await malloctest(policy, 16, ['exhaust']);
      expect(r.out).toMatch(new RegExp(`malloctest exhaust ${policy}: ENOMEM after \\d+ blocks, heap usable again`));
      expect(r.allFree).toBe(true);
    }, 120_000);
  }

  it(`gives a real row for ${TABLE.length} of the ${MALLOC_POLICIES.length * MALLOC_WORKLOADS.length} policy/workload pairs (the whole table under test:long)`, async () => {
    const rows = LONG > 1 ? await mallocBench(image) : await Promise.all(TABLE.map((n) => mallocBenchRow(image, ...(n.split('/') as [string, string]))));
    expect(rows.map((r) => r.name)).toEqual(TABLE);
    // Number('garbage') is NaN, and NaN is a number: each figure must be a real, positive measurement.
    const bad = rows.filter((r) => r.error !== undefined || !(Number(r.instructionsPerOp) > 0) || !(Number(r.peakHeapOverLive) >= 1)
      || !Number.isInteger(r.syscalls) || !(Number(r.syscalls) > 0));
    expect(bad).toEqual([]);
  }, 600_000);
});
