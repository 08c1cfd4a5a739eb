// Builds the console test programs (test/web/progs/*.c) with GNU gcc for rv32im/ilp32, static, no libc, on
// the kernel tests' crt.S and rt.h; cached by content hash under the OS temp directory.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const KERNEL_PROGS = join(HERE, '..', '..', 'kernel', 'progs');
const CACHE = join(tmpdir(), 'pagoda-web-progs');
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

/** The bytes of the executable built from test/web/progs/<name>.c, building it if needed. */
export function webProgram(name: string): Uint8Array {
  const src = join(HERE, `${name}.c`);
  const inputs = [join(KERNEL_PROGS, 'crt.S'), join(KERNEL_PROGS, 'rt.h'), src];
  const hash = createHash('sha1');
  for (const f of inputs) hash.update(readFileSync(f));
  const out = join(CACHE, `${name}-${hash.digest('hex').slice(0, 12)}`);
  if (!existsSync(out)) {
    mkdirSync(CACHE, { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    execFileSync(GCC, ['-march=rv32im', '-mabi=ilp32', '-O1', '-nostdlib', '-static', '-ffreestanding', '-fno-builtin',
      '-fno-stack-protector', '-I', KERNEL_PROGS, '-o', tmp, join(KERNEL_PROGS, 'crt.S'), src], { stdio: 'pipe' });
    renameSync(tmp, out);
  }
  return new Uint8Array(readFileSync(out));
}

/** Writes the program to a file and returns its path (for hosts that take a path). */
export function webProgramPath(name: string): string {
  const bytes = webProgram(name);
  const path = join(CACHE, `${name}.elf`);
  writeFileSync(path, bytes);
  return path;
}
