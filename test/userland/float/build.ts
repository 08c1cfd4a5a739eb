// Builds for the floating-point conversion suites: Pagoda's libc compiled by GNU gcc for RV32IMAFD/ILP32D
// (the ABI the userland moves to; the programs pass doubles in f registers), programs linked against it
// and run under qemu-riscv32, and the same C sources built natively against the host's glibc, the
// reference. Every suite here skips (visibly) when a tool is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest, USERLAND } from '../../../userland/build-gcc.mjs';

const GCC = 'riscv64-unknown-elf-gcc';
export const RV_FLAGS = [
  '-march=rv32imafd', '-mabi=ilp32d', '-mno-relax', '-O2', '-ffreestanding', '-fno-builtin',
  '-fno-tree-loop-distribute-patterns', '-fno-stack-protector', '-std=gnu11', '-w',
  `-I${join(USERLAND, 'libc/include')}`,
];

function works(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

/** True when the RISC-V gcc, qemu-riscv32 and a host gcc are all installed. */
export const haveFloatTools = works(GCC, ['--version']) && works('qemu-riscv32', ['--version']) && works('gcc', ['--version']);

/** Compiles crt0 and every libc source (manifest.json) into dir/libc.a; returns { crt0, libc }. One gcc
 * run per source directory (objects land in their own folder, so stdio/write.c and unistd/write.c differ). */
export function buildRvLibc(dir: string): { crt0: string; libc: string } {
  const manifest = readManifest() as { libc: string[]; crt0: string };
  const byDir = new Map<string, string[]>();
  for (const src of manifest.libc) {
    const folder = src.slice(0, src.lastIndexOf('/'));
    byDir.set(folder, [...(byDir.get(folder) ?? []), src]);
  }
  const objects: string[] = [];
  for (const [folder, sources] of byDir) {
    const out = join(dir, 'obj', folder);
    mkdirSync(out, { recursive: true });
    const march = sources.some((s) => s.endsWith('.s')) ? ['-march=rv32imafd_zicsr'] : [];
    execFileSync(GCC, [...RV_FLAGS, ...march, '-c', ...sources.map((s) => join(USERLAND, s))], { cwd: out });
    objects.push(...sources.map((s) => join(out, s.slice(s.lastIndexOf('/') + 1).replace(/\.[cs]$/, '.o'))));
  }
  const libc = join(dir, 'libc.a');
  execFileSync('riscv64-unknown-elf-ar', ['rcs', libc, ...objects]);
  const crt0 = join(dir, 'crt0.o');
  execFileSync(GCC, [...RV_FLAGS, '-c', join(USERLAND, manifest.crt0), '-o', crt0]);
  return { crt0, libc };
}

/** Links a RISC-V program from sources and objects (after crt0, before libc.a and libgcc). */
export function buildRv(dir: string, name: string, inputs: string[], lib: { crt0: string; libc: string }, extra: string[] = []): string {
  const out = join(dir, name);
  execFileSync(GCC, [...RV_FLAGS, ...extra, '-nostdlib', '-nostartfiles', '-static', '-o', out, lib.crt0, ...inputs, '-lgcc', lib.libc, '-lgcc']);
  return out;
}

/** Builds a native host program (the glibc reference). */
export function buildHost(dir: string, name: string, sources: string[], extra: string[] = []): string {
  const out = join(dir, name);
  execFileSync('gcc', ['-O1', '-w', '-o', out, ...sources, ...extra]);
  return out;
}

/** Runs a program (qemu-riscv32 for RISC-V ones) with input on stdin; returns its stdout. */
export function run(program: string, input: string, rv: boolean, args: string[] = []): string {
  const [cmd, argv] = rv ? ['qemu-riscv32', [program, ...args]] : [program, args];
  const r = spawnSync(cmd, argv, { input, encoding: 'latin1', maxBuffer: 1 << 30, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`${program} exited with ${r.status ?? r.signal}: ${r.stderr}`);
  return r.stdout;
}

/** A small seeded generator (xorshift32), so every run checks the same cases. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  u32(): number {
    let x = this.s;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s;
  }
  below(n: number): number {
    return this.u32() % n;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
}

/** The first lines where two outputs differ, each with its request (at most `limit`). */
export function differences(requests: string[], want: string, got: string, limit = 10): string[] {
  const w = want.split('\n');
  const g = got.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(w.length, g.length) && out.length < limit; i++) {
    if (w[i] !== g[i]) out.push(`${requests[i] ?? '(end)'}\n    glibc:  ${w[i]}\n    pagoda: ${g[i]}`);
  }
  return out;
}
