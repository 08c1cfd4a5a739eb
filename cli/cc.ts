// `pagoda cc [-c] [-S] [-E] [-o OUT] [-I DIR] [-D NAME[=V]] [-U NAME] [-O0/-O1] [-L DIR] [-lNAME] FILES...`
// A gcc-like driver: .c files are compiled (toolchain/cc), .s files assembled (toolchain/as), and
// everything linked (toolchain/ld) with crt0 and libc unless -c/-S/-E or -nostdlib/-nostartfiles.
// System include path: the compiler's own headers (toolchain/cc/include), then userland/libc/include.
// Diagnostics: `pagoda cc: FILE:LINE:COL: error: MESSAGE` + source line + caret; exit 1 on errors.
import { existsSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assemble, formatDiagnostic as formatAsm } from '../toolchain/as/index.js';
import { compile, formatDiagnostic, preprocessOnly } from '../toolchain/cc/index.js';
import { formatDiagnostic as formatLd, link, type LinkInput } from '../toolchain/ld/index.js';
import { reportInternalError } from './internal-error.js';

const USAGE =
  'usage: pagoda cc [-c] [-S] [-E] [-g] [-o OUT] [-I DIR] [-D NAME[=V]] [-U NAME] [-O0|-O1] [-L DIR] [-lNAME] FILES...';

/** Repository root: this file is cli/cc.ts, or dist/cli/cc.js once built. */
function repoRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const up = resolve(here, '..');
  return basename(up) === 'dist' ? resolve(up, '..') : up;
}

interface Options {
  mode: 'link' | 'c' | 'S' | 'E';
  output: string | null;
  includeDirs: string[];
  defines: [string, string][];
  undefines: string[];
  libDirs: string[];
  opt: number;
  files: { path: string; lib?: boolean }[];
  nostdlib: boolean;
  nostartfiles: boolean;
  werror: boolean;
  /** -march= / -mabi= as given (the assembler's defaults, rv32imafd and ilp32d, otherwise). */
  march: string | null;
  mabi: string | null;
  /** -g: DWARF debug information in the objects (and kept by the link). */
  debug: boolean;
}

class UsageError extends Error {}
class HelpRequest extends Error {}

const IGNORED = /^-(Wall|Wextra|W[a-z-]+(=.*)?|w|pedantic|std=.*|mno-relax|mrelax|ffreestanding|fno-[a-z-]+|fsigned-char|funsigned-char|static|pipe|mcmodel=medlow|fno-builtin)$/;

// Dispatch over options, one case per flag (the long switch is the whole point of this function).
function parseArgs(argv: string[]): Options {
  const o: Options = {
    mode: 'link', output: null, includeDirs: [], defines: [], undefines: [], libDirs: [], opt: 0, files: [],
    nostdlib: false, nostartfiles: false, werror: false, march: null, mabi: null, debug: false,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new UsageError(`missing argument to '${flag}'`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-c') o.mode = 'c';
    else if (a === '-S') o.mode = 'S';
    else if (a === '-E') o.mode = 'E';
    else if (a === '-o') o.output = value(i++, a);
    else if (a.startsWith('-o')) o.output = a.slice(2);
    else if (a === '-I') o.includeDirs.push(value(i++, a));
    else if (a.startsWith('-I')) o.includeDirs.push(a.slice(2));
    else if (a === '-D' || a.startsWith('-D')) {
      const d = a === '-D' ? value(i++, a) : a.slice(2);
      const eq = d.indexOf('=');
      o.defines.push(eq < 0 ? [d, '1'] : [d.slice(0, eq), d.slice(eq + 1)]);
    } else if (a === '-U') o.undefines.push(value(i++, a));
    else if (a.startsWith('-U')) o.undefines.push(a.slice(2));
    else if (a === '-L') o.libDirs.push(value(i++, a));
    else if (a.startsWith('-L')) o.libDirs.push(a.slice(2));
    else if (a === '-l') o.files.push({ path: value(i++, a), lib: true });
    else if (a.startsWith('-l')) o.files.push({ path: a.slice(2), lib: true });
    else if (/^-O[0-9sgz]?$/.test(a)) o.opt = a === '-O0' ? 0 : 1;
    else if (/^-g[1-3]?$/.test(a)) o.debug = true;
    else if (a === '-g0') o.debug = false;
    else if (a === '-nostdlib') o.nostdlib = true;
    else if (a === '-nostartfiles') o.nostartfiles = true;
    else if (a === '-Werror') o.werror = true;
    else if (a.startsWith('-march=')) o.march = a.slice(7);
    else if (a.startsWith('-mabi=')) {
      o.mabi = a.slice(6);
      if (o.mabi !== 'ilp32' && o.mabi !== 'ilp32d') throw new UsageError(`unsupported -mabi=${o.mabi} (pagoda cc: ilp32d, or ilp32 without floating point)`);
    }
    else if (IGNORED.test(a)) continue;
    else if (a === '-h' || a === '--help') throw new HelpRequest();
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unrecognized command-line option '${a}'`);
    else o.files.push({ path: a });
  }
  if (o.files.filter((f) => !f.lib).length === 0) throw new UsageError('no input files');
  if (o.output && o.mode !== 'link' && o.files.filter((f) => !f.lib).length > 1) {
    throw new UsageError(`cannot specify '-o' with '-${o.mode}' with multiple files`);
  }
  return o;
}

function readText(path: string): string | null {
  try {
    if (!statSync(path).isFile()) return null;
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function withExt(path: string, ext: string): string {
  return basename(path).replace(/\.[^.]*$/, '') + ext;
}

function err(msg: string): void {
  process.stderr.write(`pagoda cc: error: ${msg}\n`);
}

/** Compiles one C file to assembly text; prints diagnostics; null on error. */
function compileFile(path: string, o: Options, root: string): string | null {
  const src = readText(path);
  if (src === null) {
    err(`${path}: No such file or directory`);
    return null;
  }
  const r = compile(src, path, {
    includeDirs: o.includeDirs,
    systemIncludeDirs: [join(root, 'toolchain/cc/include'), join(root, 'userland/libc/include')],
    defines: o.defines,
    undefines: o.undefines,
    readFile: readText,
    opt: o.opt,
    softFloat: isSoftFloat(o),
    debug: o.debug ? { compDir: process.cwd() } : null,
  });
  for (const d of r.diagnostics) process.stderr.write(formatDiagnostic(d, 'pagoda cc') + '\n');
  if (!r.ok) return null;
  if (o.werror && r.diagnostics.some((d) => d.severity === 'warning')) return null;
  return r.asm;
}

/** -mabi=ilp32, or an -march= without D and no -mabi=: soft-float objects (no floating point in C). */
function isSoftFloat(o: Options): boolean {
  if (o.mabi !== null) return o.mabi === 'ilp32';
  return o.march !== null && !/^rv32[a-z]*d|^rv32g/.test(o.march);
}

function assembleText(asm: string, name: string, o: Options): Uint8Array | null {
  const r = assemble(asm, name, { march: o.march ?? undefined, mabi: o.mabi ?? (o.march !== null && isSoftFloat(o) ? 'ilp32' : undefined) });
  for (const d of r.diagnostics) process.stderr.write(`pagoda cc: ${formatAsm(d)}\n`);
  return r.object ?? null;
}

function findLib(name: string, dirs: string[]): string | null {
  for (const d of dirs) {
    const p = join(d, `lib${name}.a`);
    if (existsSync(p)) return p;
  }
  return null;
}

/** Runs the driver; returns the exit status. Host failures (unwritable output, ...) become errors, never traces. */
export async function main(argv: string[]): Promise<number> {
  try {
    return run(argv);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!code) return reportInternalError('pagoda cc', e);
    err(`${(e as NodeJS.ErrnoException).path ?? ''}: ${code}`);
    return 1;
  }
}

function run(argv: string[]): number {
  let o: Options;
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (e instanceof HelpRequest) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    err((e as Error).message);
    return 1;
  }
  const root = repoRoot();
  const objects: LinkInput[] = [];
  let failed = false;
  for (const f of o.files) {
    if (f.lib) {
      if (o.mode !== 'link') continue;
      const p = findLib(f.path, [...o.libDirs, join(root, 'dist/userland')]);
      if (!p) {
        err(`cannot find -l${f.path}`);
        failed = true;
        continue;
      }
      objects.push({ name: p, bytes: readFileSync(p) });
      continue;
    }
    const path = f.path;
    if (/\.c$/.test(path) || o.mode === 'E') {
      if (o.mode === 'E') {
        const src = readText(path);
        if (src === null) {
          err(`${path}: No such file or directory`);
          failed = true;
          continue;
        }
        const r = preprocessOnly(src, path, {
          includeDirs: o.includeDirs, defines: o.defines, undefines: o.undefines, readFile: readText,
          systemIncludeDirs: [join(root, 'toolchain/cc/include'), join(root, 'userland/libc/include')],
        });
        for (const d of r.diagnostics) process.stderr.write(formatDiagnostic(d, 'pagoda cc') + '\n');
        if (!r.ok) failed = true;
        else if (o.output && o.output !== '-') writeFileSync(o.output, r.text);
        else process.stdout.write(r.text);
        continue;
      }
      const asm = compileFile(path, o, root);
      if (asm === null) {
        failed = true;
        continue;
      }
      if (o.mode === 'S') {
        // `-o -` means standard output, as with gcc.
        if (o.output === '-') process.stdout.write(asm);
        else writeFileSync(o.output ?? withExt(path, '.s'), asm);
        continue;
      }
      const obj = assembleText(asm, withExt(path, '.s'), o);
      if (!obj) {
        failed = true;
        continue;
      }
      if (o.mode === 'c') writeFileSync(o.output ?? withExt(path, '.o'), obj);
      else objects.push({ name: path, bytes: obj });
      continue;
    }
    if (/\.[sS]$/.test(path)) {
      if (o.mode === 'S') continue;
      const src = readText(path);
      if (src === null) {
        err(`${path}: No such file or directory`);
        failed = true;
        continue;
      }
      const obj = assembleText(src, path, o);
      if (!obj) {
        failed = true;
        continue;
      }
      if (o.mode === 'c') writeFileSync(o.output ?? withExt(path, '.o'), obj);
      else objects.push({ name: path, bytes: obj });
      continue;
    }
    if (!existsSync(path)) {
      err(`${path}: No such file or directory`);
      failed = true;
      continue;
    }
    if (o.mode === 'link') objects.push({ name: path, bytes: readFileSync(path) });
  }
  if (failed) return 1;
  if (o.mode !== 'link') return 0;
  return linkProgram(o, root, objects);
}

function linkProgram(o: Options, root: string, objects: LinkInput[]): number {
  const inputs: LinkInput[] = [];
  if (!o.nostdlib && !o.nostartfiles) {
    const crt0 = join(root, 'userland/crt/crt0.s');
    const src = readText(crt0);
    if (src === null) {
      err(`crt0 not found at ${crt0} (use -nostartfiles)`);
      return 1;
    }
    const obj = assembleText(src, crt0, o);
    if (!obj) return 1;
    inputs.push({ name: crt0, bytes: obj });
  }
  inputs.push(...objects);
  if (!o.nostdlib) {
    const libc = findLib('c', [...o.libDirs, join(root, 'dist/userland')]);
    if (!libc) {
      err('libc.a not found (build userland first, pass -L DIR, or use -nostdlib)');
      return 1;
    }
    inputs.push({ name: libc, bytes: readFileSync(libc) });
  }
  const r = link(inputs);
  for (const d of r.diagnostics) process.stderr.write(`pagoda cc: ${formatLd(d)}\n`);
  if (!r.executable) return 1;
  const out = o.output ?? 'a.out';
  writeFileSync(out, r.executable);
  chmodSync(out, 0o755);
  return 0;
}
