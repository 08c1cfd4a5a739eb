// Builds the kernel test programs with GNU gcc for rv32im/ilp32 (static, no libc, our crt.S), caching the
// executables by content hash under the OS temp directory.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
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

/** How a program is compiled: the ISA and ABI, and any further gcc options (appended after the defaults). */
export interface BuildFlags {
  readonly march: string;
  readonly mabi: string;
  readonly options?: readonly string[];
  /** Link libgcc (64-bit division and conversions on rv32). */
  readonly libgcc?: boolean;
}

/** The kernel test programs: integer-only, soft-float ABI. */
export const SOFT_FLOAT: BuildFlags = { march: 'rv32im', mabi: 'ilp32' };

/**
 * The path of the executable built from <dir>/<name>.c (or .S) on this folder's crt.S and rt.h (and the
 * headers of <dir>), building it if needed (other suites keep their programs in their own folder and build
 * them here).
 */
export function programPath(name: string, dir = PROGS_DIR, flags: BuildFlags = SOFT_FLOAT): string {
  const src = ['c', 'S'].map((e) => join(dir, `${name}.${e}`)).find(existsSync);
  if (!src) throw new Error(`no source for test program ${name} in ${dir}`);
  const headers = readdirSync(dir).filter((f) => f.endsWith('.h')).sort().map((f) => join(dir, f));
  const inputs = [join(PROGS_DIR, 'crt.S'), join(PROGS_DIR, 'rt.h'), ...headers, src];
  const hash = createHash('sha1');
  hash.update(JSON.stringify(flags));
  for (const f of inputs) hash.update(readFileSync(f));
  const out = join(CACHE, `${name}-${hash.digest('hex').slice(0, 12)}`);
  if (!existsSync(out)) {
    mkdirSync(CACHE, { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    execFileSync(GCC, [`-march=${flags.march}`, `-mabi=${flags.mabi}`, '-O1', '-nostdlib', '-static', '-ffreestanding',
      '-fno-builtin', '-fno-stack-protector', ...(flags.options ?? []), '-I', PROGS_DIR, '-I', dir, '-o', tmp,
      join(PROGS_DIR, 'crt.S'), src, ...(flags.libgcc ? ['-lgcc'] : [])], { stdio: 'pipe' });
    renameSync(tmp, out);
  }
  return out;
}

/** The bytes of the executable built from progs/<name>. */
export function program(name: string): Uint8Array {
  return new Uint8Array(readFileSync(programPath(name)));
}
