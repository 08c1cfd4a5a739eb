// The one place that decides how compiled C test programs are assembled, linked and run.
// Defaults: Pagoda's own as, ld and kernel for programs with code from our compiler. Switch with environment
// variables:
//   PAGODA_CC_AS=gnu|pagoda   PAGODA_CC_LD=gnu|pagoda   PAGODA_CC_RUN=qemu|pagoda
// `pagoda` uses toolchain/as, toolchain/ld in-process and `node bin/pagoda.mjs run`.
// The gcc reference builds (every object from gcc) share nothing with Pagoda: the tests' crt0 assembled by GNU
// as, GNU ld, qemu-riscv32. Those tools are required: without them the suites that use this file skip, and
// say so (pipelineAvailable, pipelineName).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assemble as ourAssemble, formatDiagnostic as fmtAs } from '../../toolchain/as/index.js';
import { compile } from '../../toolchain/cc/index.js';
import { formatDiagnostic as fmtCc } from '../../toolchain/cc/index.js';
import { link as ourLink, formatDiagnostic as fmtLd } from '../../toolchain/ld/index.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const SUPPORT = join(ROOT, 'test/cc/support');
export const CC_INCLUDE = join(ROOT, 'toolchain/cc/include');
const GCC = 'riscv64-unknown-elf-gcc';
// ILP32D, as pagoda cc and pagoda as default to (gcc's rv32 hard-float target)
const MARCH = ['-march=rv32imafd', '-mabi=ilp32d'];

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const have = {
  gcc: hasTool(GCC),
  gnuBinutils: hasTool('riscv64-unknown-elf-as') && hasTool('riscv64-unknown-elf-ld'),
  qemu: hasTool('qemu-riscv32'),
};

export interface ObjectFile {
  name: string;
  bytes: Uint8Array;
  /** Set on objects gcc compiled: an executable made only of these is a gcc reference build. */
  byGcc?: true;
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

const asChoice = process.env.PAGODA_CC_AS ?? 'pagoda';
const ldChoice = process.env.PAGODA_CC_LD ?? 'pagoda';
const runChoice = process.env.PAGODA_CC_RUN ?? 'pagoda';

/** The gcc reference builds need GNU as and ld and qemu-riscv32 (see the top of this file). */
export const referenceAvailable = have.gcc && have.gnuBinutils && have.qemu;

/**
 * True when the selected assembler, linker and runner, gcc (and its libgcc for the 64-bit helpers) and the
 * reference tools exist.
 */
export const pipelineAvailable =
  have.gcc && (asChoice === 'pagoda' || have.gnuBinutils) && (ldChoice === 'pagoda' || have.gnuBinutils) &&
  (runChoice === 'pagoda' || have.qemu) && referenceAvailable;

export const pipelineName = `as=${asChoice} ld=${ldChoice} run=${runChoice}, gcc reference: GNU as+ld, qemu-riscv32${
  referenceAvailable ? '' : ' (missing)'}`;

/** Executables linkObjects made as gcc reference builds: runExecutable runs them under qemu-riscv32. */
const referenceBuilds = new WeakSet<Uint8Array>();

/** Runs a host tool; on failure throws with its stderr (not just "Command failed"). */
function tool(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed:\n${r.stderr}`);
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'pagoda-cc-'));
}

/** Assembles GNU assembler text into an ELF relocatable object. Throws with the diagnostics on error. */
export function assembleText(asm: string, name: string, march = 'rv32imafd'): ObjectFile {
  return asChoice === 'pagoda' ? assembleOurs(asm, name) : assembleGnu(asm, name, march);
}

function assembleOurs(asm: string, name: string): ObjectFile {
  const r = ourAssemble(asm, name);
  if (!r.object) throw new Error(r.diagnostics.map(fmtAs).join('\n'));
  return { name: name.replace(/\.s$/, '.o'), bytes: r.object };
}

function assembleGnu(asm: string, name: string, march: string): ObjectFile {
  const dir = scratch();
  try {
    const src = join(dir, 'in.s');
    const obj = join(dir, 'out.o');
    writeFileSync(src, asm);
    tool('riscv64-unknown-elf-as', [`-march=${march}`, '-mabi=ilp32d', '-o', obj, src]);
    return { name: name.replace(/\.s$/, '.o'), bytes: readFileSync(obj) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let libgccCache: ObjectFile | null = null;
/** gcc's libgcc.a for rv32imafd/ilp32d (the 64-bit division and shift helpers). */
export function libgcc(): ObjectFile {
  if (!libgccCache) {
    const path = execFileSync(GCC, [...MARCH, '-print-libgcc-file-name']).toString().trim();
    libgccCache = { name: path, bytes: readFileSync(path) };
  }
  return libgccCache;
}

let crt0Cache: ObjectFile | null = null;
/** The tests' start-up code and syscall stubs (test/cc/support/crt0.s). */
export function crt0(): ObjectFile {
  if (!crt0Cache) crt0Cache = assembleText(readFileSync(join(SUPPORT, 'crt0.s'), 'utf8'), 'crt0.s');
  return crt0Cache;
}

let gnuCrt0Cache: ObjectFile | null = null;
/** The same start-up code assembled by GNU as, for the gcc reference builds. */
function gnuCrt0(): ObjectFile {
  if (!gnuCrt0Cache) gnuCrt0Cache = assembleGnu(readFileSync(join(SUPPORT, 'crt0.s'), 'utf8'), 'crt0.s', 'rv32imafd');
  return gnuCrt0Cache;
}

/**
 * Links objects (the tests' crt0 first unless `startFiles` is false) with libgcc into a static executable.
 * When every object came from gcc, this is a gcc reference build: GNU as's crt0, GNU ld, and later qemu.
 */
export function linkObjects(objects: ObjectFile[], startFiles = true): Uint8Array {
  const reference = objects.length > 0 && objects.every((o) => o.byGcc);
  if (reference) {
    const exe = linkGnu([...(startFiles ? [gnuCrt0()] : []), ...objects, libgcc()]);
    referenceBuilds.add(exe);
    return exe;
  }
  const all = [...(startFiles ? [crt0()] : []), ...objects, libgcc()];
  if (ldChoice === 'pagoda') {
    const r = ourLink(all);
    if (!r.executable) throw new Error(r.diagnostics.map(fmtLd).join('\n'));
    return r.executable;
  }
  return linkGnu(all);
}

function linkGnu(all: ObjectFile[]): Uint8Array {
  const dir = scratch();
  try {
    const paths = all.map((o, i) => {
      const p = join(dir, `${i}-${o.name.replace(/[^A-Za-z0-9_.-]/g, '_')}`);
      writeFileSync(p, o.bytes);
      return p;
    });
    const out = join(dir, 'a.out');
    tool('riscv64-unknown-elf-ld', ['-m', 'elf32lriscv', '-o', out, ...paths]);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs an executable (a gcc reference build always under qemu-riscv32) and collects its exit status and output. */
export function runExecutable(exe: Uint8Array, args: string[] = []): RunResult {
  const dir = scratch();
  try {
    const path = join(dir, 'prog');
    writeFileSync(path, exe, { mode: 0o755 });
    const onPagoda = runChoice === 'pagoda' && !referenceBuilds.has(exe);
    const cmd = onPagoda ? process.execPath : 'qemu-riscv32';
    const argv = onPagoda ? [join(ROOT, 'bin/pagoda.mjs'), 'run', path, ...args] : [path, ...args];
    const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
    return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readIfExists(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** Compiles a C file with our compiler to assembly text (throws with formatted diagnostics). */
export function compileC(path: string, opt: number, extraDefines: [string, string][] = [], includeDirs = [SUPPORT]): string {
  const r = compile(readFileSync(path, 'utf8'), path, {
    includeDirs,
    systemIncludeDirs: [CC_INCLUDE],
    readFile: readIfExists,
    opt,
    defines: extraDefines,
  });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => fmtCc(d, 'pagoda cc')).join('\n'));
  return r.asm;
}

/** Compiles a C file with gcc (-O1, GNU C11) to an object, with our freestanding headers. */
export function gccObject(path: string, flags: string[] = []): ObjectFile {
  const dir = scratch();
  try {
    const out = join(dir, 'out.o');
    tool(GCC, [...MARCH, '-mno-relax', '-O1', '-std=gnu11', '-w', '-ffreestanding', '-nostdinc', '-I', CC_INCLUDE, '-I', SUPPORT,
      '-D__pagoda__=1', '-D__ILP32__=1', ...flags, '-c', '-o', out, path]);
    return { name: path.replace(/^.*\//, '').replace(/\.c$/, '.o'), bytes: readFileSync(out), byGcc: true };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Compiles (ours), assembles, links and runs one C file. */
export function buildAndRun(path: string, opt: number): RunResult {
  const obj = assembleText(compileC(path, opt), path.replace(/^.*\//, '').replace(/\.c$/, '.s'));
  return runExecutable(linkObjects([obj]));
}
