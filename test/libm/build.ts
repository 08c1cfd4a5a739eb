// Builds and runs the libm test programs. The real pipeline is Pagoda's: `pagoda cc ... -lm`, the libc.a that
// scripts/build-image.mjs compiled with our cc (userland/libc/math included), and `pagoda run`. Without a built
// dist (or with a pagoda cc that refuses the program), the same sources — the whole userland libc with its
// math/ and arch/riscv32/*.s — are built by riscv64-unknown-elf-gcc -march=rv32imafd -mabi=ilp32d and run
// under qemu-riscv32 (the two give identical tables); `how` says which pipeline ran and why.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../..');
const PAGODA = join(ROOT, 'bin/pagoda.mjs');
const GCC = 'riscv64-unknown-elf-gcc';

function has(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

export interface Program {
  how: string;
  run(args: string[]): { status: number; stdout: string; stderr: string };
}

/** Pagoda's pipeline, when dist is built and pagoda cc compiles `source`; else a reason. */
function pagodaBuild(source: string, out: string): Program | string {
  if (!existsSync(join(ROOT, 'dist/userland/libc.a'))) return 'dist/userland/libc.a missing (npm run build)';
  const r = spawnSync(process.execPath, [PAGODA, 'cc', '-O1', '-o', out, source, '-lm'], { encoding: 'utf8' });
  if (r.status !== 0) return `pagoda cc: ${(r.stderr || '').split('\n')[0]}`;
  return {
    how: 'pagoda cc -O1 ... -lm, pagoda run',
    run: (args) => {
      const p = spawnSync(process.execPath, [PAGODA, 'run', out, ...args], { encoding: 'latin1', maxBuffer: 1 << 30 });
      return { status: p.status ?? -1, stdout: p.stdout ?? '', stderr: p.stderr ?? '' };
    },
  };
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.[cs]$/.test(name)) out.push(path);
  }
  return out;
}

/** The gcc ILP32D stand-in (see the top of the file); undefined without gcc and qemu. */
function gccBuild(source: string, out: string, dir: string): Program | undefined {
  if (!has(GCC, ['--version']) || !has('qemu-riscv32', ['--version'])) return undefined;
  const flags = ['-march=rv32imafd', '-mabi=ilp32d', '-mno-relax', '-O2', '-ffreestanding', '-fno-builtin',
    '-ffp-contract=off', '-fno-tree-loop-distribute-patterns', '-fno-stack-protector', '-std=gnu11', '-w', '-nostdinc',
    `-I${join(ROOT, 'userland/libc/include')}`, `-I${join(ROOT, 'toolchain/cc/include')}`];
  const objDir = join(dir, 'obj');
  mkdirSync(objDir, { recursive: true });
  const objects: string[] = [];
  const libc = join(ROOT, 'userland/libc');
  for (const src of sources(libc)) {
    const obj = join(objDir, relative(libc, src).replace(/[/.]/g, '_') + '.o');
    if (!existsSync(obj)) {
      const f = src.endsWith('.s') ? ['-march=rv32imafd_zicsr', '-mabi=ilp32d'] : flags;
      execFileSync(GCC, [...f, '-c', src, '-o', obj]);
    }
    objects.push(obj);
  }
  const crt0 = join(objDir, 'crt0.o');
  if (!existsSync(crt0)) execFileSync(GCC, ['-march=rv32imafd_zicsr', '-mabi=ilp32d', '-c', join(ROOT, 'userland/crt/crt0.s'), '-o', crt0]);
  execFileSync(GCC, [...flags, '-nostdlib', '-nostartfiles', '-static', '-o', out, crt0, source, ...objects, '-lgcc']);
  return {
    how: 'gcc -march=rv32imafd -mabi=ilp32d, qemu-riscv32',
    run: (args) => {
      const p = spawnSync('qemu-riscv32', [out, ...args], { encoding: 'latin1', maxBuffer: 1 << 30 });
      return { status: p.status ?? -1, stdout: p.stdout ?? '', stderr: p.stderr ?? '' };
    },
  };
}

/** Builds test/libm/NAME.c into dir; undefined when neither pipeline is available. `via` forces one pipeline
 *  (the long accuracy run uses qemu for speed): then a missing pipeline throws with the reason. */
export function build(name: string, dir: string, via?: 'pagoda' | 'qemu'): Program | undefined {
  const source = join(ROOT, 'test/libm', `${name}.c`);
  const out = join(dir, name);
  if (via === 'qemu') {
    const p = gccBuild(source, out, dir);
    if (!p) throw new Error(`--via qemu needs ${GCC} and qemu-riscv32`);
    return p;
  }
  const ours = pagodaBuild(source, out);
  if (via === 'pagoda' && typeof ours === 'string') throw new Error(`--via pagoda: ${ours}`);
  if (typeof ours !== 'string') return ours;
  const theirs = gccBuild(source, out, dir);
  if (theirs) theirs.how += ` — ${ours}`;
  return theirs;
}
