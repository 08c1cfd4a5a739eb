// Builds the kernel test programs with GNU gcc for rv32im/ilp32 (static, no libc, our crt.S), caching the
// executables by content hash under the OS temp directory.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROGS_DIR = dirname(fileURLToPath(import.meta.url));
const CACHE = join(tmpdir(), 'pagoda-kernel-progs');
const GCC = 'riscv64-unknown-elf-gcc';

function has(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const hasGcc = has(GCC);
export const hasQemu = has('qemu-riscv32');

/**
 * The path of the executable built from <dir>/<name>.c (or .S) on this folder's crt.S and rt.h, building it
 * if needed (other suites keep their programs in their own folder and build them here).
 */
export function programPath(name: string, dir = PROGS_DIR): string {
  const src = ['c', 'S'].map((e) => join(dir, `${name}.${e}`)).find(existsSync);
  if (!src) throw new Error(`no source for test program ${name} in ${dir}`);
  const inputs = [join(PROGS_DIR, 'crt.S'), join(PROGS_DIR, 'rt.h'), src];
  const hash = createHash('sha1');
  for (const f of inputs) hash.update(readFileSync(f));
  const out = join(CACHE, `${name}-${hash.digest('hex').slice(0, 12)}`);
  if (!existsSync(out)) {
    mkdirSync(CACHE, { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    execFileSync(GCC, ['-march=rv32im', '-mabi=ilp32', '-O1', '-nostdlib', '-static', '-ffreestanding', '-fno-builtin',
      '-fno-stack-protector', '-I', PROGS_DIR, '-o', tmp, join(PROGS_DIR, 'crt.S'), src], { stdio: 'pipe' });
    renameSync(tmp, out);
  }
  return out;
}

/** The bytes of the executable built from progs/<name>. */
export function program(name: string): Uint8Array {
  return new Uint8Array(readFileSync(programPath(name)));
}
