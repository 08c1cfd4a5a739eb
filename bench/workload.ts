// The c-workload rows (group `cpu`): userland/bin/cpumix.c — a sieve, a CRC-32, a matrix product, a malloc
// churn and recursive calls — run as a whole program under the kernel, built twice: by our cc at -O1 (the
// boot image's /bin/cpumix) and by gcc -O2 (userland/build-gcc.mjs, when riscv64-unknown-elf-gcc is installed).
// Each build runs on both CPU tiers; a row gives the seconds from spawn to exit, the MIPS, and, when
// qemu-riscv32 is installed, the same ELF's whole-process time under qemu and the ratio (how many times
// slower Pagoda is). Every run's output must equal the interpreter's, or the row reports an error.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boot } from '../kernel/boot.js';
import { BootFiles } from '../kernel/fs/bootfiles.js';
import { runUntilDone } from '../kernel/driver.js';
import { spawnProcess } from '../kernel/proc/spawn.js';
import type { BenchRow } from './row.js';

const ROUNDS = '20';
const ARGV = ['cpumix', 'all', ROUNDS];
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const hasTool = (tool: string): boolean => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;

/** Runs `bytes` under a fresh kernel on the given tier: stdout, seconds and retired instructions. */
async function runUnderPagoda(bytes: Uint8Array, jit: boolean): Promise<{ out: string; seconds: number; instructions: number }> {
  let out = '';
  const dec = new TextDecoder();
  const k = boot({
    memMiB: 64, jit,
    sinks: { stdout: (b) => { out += dec.decode(b, { stream: true }); }, stderr: () => {}, message: () => {}, bootLog: () => {} },
  });
  const start = performance.now();
  const before = k.machine.cpu.instret;
  spawnProcess(k, { path: '/bin/cpumix', bytes, argv: ARGV, envp: [] });
  await runUntilDone(k, { waitForInput: async () => {}, yieldToHost: async () => {} });
  return { out, seconds: (performance.now() - start) / 1000, instructions: k.machine.cpu.instret - before };
}

/** qemu-riscv32's whole-process seconds (best of three) and stdout for the ELF at `path`. */
function runUnderQemu(path: string): { out: string; seconds: number } {
  let best = Infinity;
  let out = '';
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const r = spawnSync('qemu-riscv32', [path, ...ARGV.slice(1)], { encoding: 'utf8' });
    best = Math.min(best, (performance.now() - start) / 1000);
    out = r.stdout;
  }
  return { out, seconds: best };
}

/** The gcc -O2 build of cpumix, in `dir`, or undefined without gcc. */
function gccBuild(dir: string): Uint8Array | undefined {
  if (!hasTool('riscv64-unknown-elf-gcc')) return undefined;
  execFileSync(process.execPath, [join(ROOT, 'userland', 'build-gcc.mjs'), dir, 'cpumix'], { stdio: 'ignore' });
  return new Uint8Array(readFileSync(join(dir, 'cpumix')));
}

const round = (v: number, digits: number): number => Number(v.toFixed(digits));

/** The rows: for each build (cc -O1 from `bootImage`, gcc -O2), the interpreter and the translator. */
export async function workloadBench(bootImage: Uint8Array | undefined): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pagoda-cpumix-'));
  const qemu = hasTool('qemu-riscv32');
  const rows: BenchRow[] = [];
  try {
    const files = new BootFiles();
    if (bootImage) files.addArchive(bootImage);
    const builds: [string, Uint8Array | undefined][] = [['cc -O1', files.get('/bin/cpumix')], ['gcc -O2', gccBuild(dir)]];
    for (const [build, bytes] of builds) {
      const name = `c-workload ${build}`;
      if (!bytes) { rows.push({ group: 'cpu', name, error: 'not built (no boot image or no gcc)' }); continue; }
      const path = join(dir, `cpumix-${build.replace(/\W+/g, '')}`);
      writeFileSync(path, bytes, { mode: 0o755 });
      const q = qemu ? runUnderQemu(path) : undefined;
      let reference: string | undefined;
      for (const tier of ['interp', 'jit'] as const) {
        const r = await runUnderPagoda(bytes, tier === 'jit');
        reference ??= r.out;
        const row: BenchRow = {
          group: 'cpu', name, tier, instructions: r.instructions, seconds: round(r.seconds, 3),
          mips: round(r.instructions / r.seconds / 1e6, 1),
        };
        if (q) Object.assign(row, { qemuSeconds: round(q.seconds, 3), vsQemu: round(r.seconds / q.seconds, 2) });
        if (r.out !== reference || (q && q.out !== r.out)) row.error = 'output differs between the tiers or from qemu';
        rows.push(row);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
