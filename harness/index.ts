// pagoda/harness: kernel-level integration tests for Pagoda, as a module of the package.
//
//   import { bootTestKernel, compileC, runShell, readProc, assertNothingLeaked } from 'pagoda/harness';
//   const k = bootTestKernel({ bootImage: bootImage() });
//   const r = await k.run(compileC('int main(void) { return 42; }'));
//   // r.status === 42
//   assertNothingLeaked(k);            // the auditor is clean and every frame, chunk and page is back
//
// Boot a kernel (bootTestKernel), build programs in memory with Pagoda's own toolchain (compileC,
// assembleProgram), run them or a shell command line (run, runShell), look at /proc (readProc), and check the
// kernel (audit, assertNothingLeaked). Host side: runs under Node (it reads the toolchain's headers, crt0 and
// libc from the installed package).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditKernel } from '../kernel/audit/audit.js';
import { assemble, formatDiagnostic as formatAsm } from '../toolchain/as/index.js';
import { compile, formatDiagnostic as formatCc } from '../toolchain/cc/index.js';
import { formatDiagnostic as formatLd, link, type LinkInput } from '../toolchain/ld/index.js';
import { TestKernel, bootTestKernel, type Counters, type HarnessOptions, type RunOptions, type RunResult } from '../test/harness.js';

export { TestKernel, bootTestKernel };
export type { Counters, HarnessOptions, RunOptions, RunResult };

/** The package root: this file is harness/index.ts, or dist/harness/index.js once built. */
function packageRoot(): string {
  const up = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  return basename(up) === 'dist' ? resolve(up, '..') : up;
}

/** A program that did not build: `message` holds every diagnostic as `file:line:col: error: ...`. */
export class BuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildError';
  }
}

const readText = (path: string): string | null => (existsSync(path) ? readFileSync(path, 'utf8') : null);

/** The boot image `npm run build` made (dist/boot.cpio: /bin/sh, the utilities, usertests, grind), if any. */
export function bootImage(): Uint8Array | undefined {
  const path = join(packageRoot(), 'dist', 'boot.cpio');
  return existsSync(path) ? new Uint8Array(readFileSync(path)) : undefined;
}

/** Assembles `source` (GNU syntax) to an object; throws BuildError. */
function objectOf(source: string, fileName: string): Uint8Array {
  const r = assemble(source, fileName);
  if (!r.object) throw new BuildError(r.diagnostics.map((d) => formatAsm(d)).join('\n'));
  return r.object;
}

/** Links `objects` (with crt0 and libc unless `bare`); throws BuildError. */
function linkWith(objects: LinkInput[], bare: boolean): Uint8Array {
  const root = packageRoot();
  const inputs: LinkInput[] = [];
  if (!bare) {
    const crt0 = join(root, 'userland/crt/crt0.s');
    const libc = join(root, 'dist/userland/libc.a');
    if (!existsSync(libc)) throw new BuildError(`libc.a not found at ${libc} (npm run build)`);
    inputs.push({ name: crt0, bytes: objectOf(readFileSync(crt0, 'utf8'), crt0) }, ...objects, { name: libc, bytes: readFileSync(libc) });
  } else {
    inputs.push(...objects);
  }
  const r = link(inputs);
  if (!r.executable) throw new BuildError(r.diagnostics.map((d) => formatLd(d)).join('\n'));
  return r.executable;
}

/**
 * Compiles C `source` with pagoda cc and links it with crt0 and libc: the ELF bytes, ready for run().
 * `defines` are -D pairs; includes resolve against the libc's headers. Throws BuildError.
 */
export function compileC(source: string, opts: { fileName?: string; defines?: [string, string][]; opt?: number } = {}): Uint8Array {
  const root = packageRoot();
  const fileName = opts.fileName ?? 'test.c';
  const r = compile(source, fileName, {
    systemIncludeDirs: [join(root, 'toolchain/cc/include'), join(root, 'userland/libc/include')],
    defines: opts.defines, opt: opts.opt ?? 1, readFile: readText,
  });
  if (!r.ok) throw new BuildError(r.diagnostics.map((d) => formatCc(d, 'pagoda cc')).join('\n'));
  return linkWith([{ name: fileName, bytes: objectOf(r.asm, fileName) }], false);
}

/**
 * Assembles RISC-V `source` into an executable: alone (entry `_start`, raw ecalls) by default, or with crt0
 * and libc (`main`) when `withLibc`. Throws BuildError.
 */
export function assembleProgram(source: string, opts: { fileName?: string; withLibc?: boolean } = {}): Uint8Array {
  const fileName = opts.fileName ?? 'test.s';
  return linkWith([{ name: fileName, bytes: objectOf(source, fileName) }], !opts.withLibc);
}

/** Runs `commandLine` with the boot image's /bin/sh (`sh -c`); the kernel must have a boot image. */
export function runShell(k: TestKernel, commandLine: string, opts: Omit<RunOptions, 'argv'> = {}): Promise<RunResult> {
  return k.run('/bin/sh', { ...opts, argv: ['sh', '-c', commandLine] });
}

/** The text of /proc file `path` now (e.g. '/proc/meminfo', '/proc/chunks'); throws when there is none. */
export function readProc(k: TestKernel, path: string): string {
  const node = k.kernel.fs.lookup(path);
  if (typeof node === 'number' || node.kind !== 'sfile') throw new Error(`readProc: ${path} is not a /proc file`);
  return node.render();
}

/**
 * Checks that the kernel is as it was after boot: the auditor finds nothing (KernelPanic otherwise) and the
 * free chunks, used and available frames and committed pages equal their boot values (an Error naming each
 * difference otherwise). Call it once every program has ended.
 */
export function assertNothingLeaked(k: TestKernel): void {
  auditKernel(k.kernel, 'assertNothingLeaked');
  const now = k.counters();
  const diffs = (Object.keys(now) as (keyof Counters)[])
    .filter((key) => now[key] !== k.bootCounters[key])
    .map((key) => `${key}: ${k.bootCounters[key]} at boot, ${now[key]} now`);
  if (diffs.length > 0) throw new Error(`leaked: ${diffs.join('; ')}`);
}
