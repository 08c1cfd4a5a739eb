// `cc [-c] [-S] [-E] [-g] [-o OUT] [-I DIR] [-D NAME[=V]] [-U NAME] [-O0/-O1] [-L DIR] [-lNAME] FILES...`
// A gcc-like driver: .c files are compiled (toolchain/cc), .s files assembled (toolchain/as), and
// everything linked (toolchain/ld) with crt0 and libc unless -c/-S/-E or -nostdlib/-nostartfiles.
// The host decides where the system headers, crt0 and libc are (ToolHost.paths): `pagoda cc` uses the
// repository's, the machine's /bin/cc uses /usr/include and /usr/lib.
// Diagnostics: `pagoda cc: FILE:LINE:COL: error: MESSAGE` + source line + caret; exit 1 on errors.
import { assemble, formatDiagnostic as formatAsm } from '../as/index.js';
import { compile, formatDiagnostic, preprocessOnly } from '../cc/index.js';
import { formatDiagnostic as formatLd, link, type LinkInput } from '../ld/index.js';
import { baseName, joinPath, readTextOrNull, ToolFileError, type ToolHost } from './host.js';
import { reportInternalError } from './internal-error.js';

const USAGE =
  'usage: pagoda cc [-c] [-S] [-E] [-o OUT] [-I DIR] [-D NAME[=V]] [-U NAME] [-O0|-O1] [-L DIR] [-lNAME] FILES...';

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

function withExt(path: string, ext: string): string {
  return baseName(path).replace(/\.[^.]*$/, '') + ext;
}

function err(host: ToolHost, msg: string): void {
  host.stderr(`pagoda cc: error: ${msg}\n`);
}

/** One driver run: the options and the host it runs on. */
interface Run {
  readonly o: Options;
  readonly host: ToolHost;
  /** The host's text files for the compiler (null when absent). */
  readonly readText: (path: string) => string | null;
}

/** Compiles one C file to assembly text; prints diagnostics; null on error. */
function compileFile(run: Run, path: string): string | null {
  const { o, host } = run;
  const src = run.readText(path);
  if (src === null) {
    err(host, `${path}: No such file or directory`);
    return null;
  }
  const r = compile(src, path, {
    includeDirs: o.includeDirs,
    systemIncludeDirs: [...host.paths.systemIncludeDirs],
    defines: o.defines,
    undefines: o.undefines,
    readFile: run.readText,
    opt: o.opt,
    softFloat: isSoftFloat(o),
    debug: o.debug ? { compDir: host.cwd } : null,
  });
  for (const d of r.diagnostics) host.stderr(formatDiagnostic(d, 'pagoda cc') + '\n');
  if (!r.ok) return null;
  if (o.werror && r.diagnostics.some((d) => d.severity === 'warning')) return null;
  return r.asm;
}

/** -mabi=ilp32, or an -march= without D and no -mabi=: soft-float objects (no floating point in C). */
function isSoftFloat(o: Options): boolean {
  if (o.mabi !== null) return o.mabi === 'ilp32';
  return o.march !== null && !/^rv32[a-z]*d|^rv32g/.test(o.march);
}

function assembleText(run: Run, asm: string, name: string): Uint8Array | null {
  const { o } = run;
  const r = assemble(asm, name, { march: o.march ?? undefined, mabi: o.mabi ?? (o.march !== null && isSoftFloat(o) ? 'ilp32' : undefined) });
  for (const d of r.diagnostics) run.host.stderr(`pagoda cc: ${formatAsm(d)}\n`);
  return r.object ?? null;
}

function findLib(host: ToolHost, name: string, dirs: readonly string[]): string | null {
  for (const d of dirs) {
    const p = joinPath(d, `lib${name}.a`);
    if (host.exists(p)) return p;
  }
  return null;
}

/** Runs the driver on `host`; returns the exit status. File failures (unwritable output, ...) become errors,
 *  never traces. */
export async function ccMain(argv: string[], host: ToolHost): Promise<number> {
  try {
    return await runDriver(argv, host);
  } catch (e) {
    if (!(e instanceof ToolFileError)) return reportInternalError(host, 'pagoda cc', e);
    err(host, `${e.path}: ${e.code}`);
    return 1;
  }
}

async function runDriver(argv: string[], host: ToolHost): Promise<number> {
  let o: Options;
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (e instanceof HelpRequest) {
      host.stdout(USAGE + '\n');
      return 0;
    }
    err(host, (e as Error).message);
    return 1;
  }
  const run: Run = { o, host, readText: (path) => readTextOrNull(host, path) };
  const objects: LinkInput[] = [];
  let failed = false;
  for (const f of o.files) {
    await host.checkpoint();
    if (f.lib) {
      if (o.mode !== 'link') continue;
      const p = findLib(host, f.path, [...o.libDirs, ...host.paths.libDirs]);
      if (!p) {
        err(host, `cannot find -l${f.path}`);
        failed = true;
        continue;
      }
      objects.push({ name: p, bytes: host.readFile(p) });
      continue;
    }
    const obj = translate(run, f.path);
    if (obj === false) failed = true;
    else if (obj !== true) objects.push(obj);
  }
  if (failed) return 1;
  if (o.mode !== 'link') return 0;
  await host.checkpoint();
  return linkProgram(run, objects);
}

/**
 * Takes one input file as far as the mode says: preprocessed text, assembly or an object written out (true),
 * an object to link (a LinkInput), or false after reporting an error.
 */
function translate(run: Run, path: string): LinkInput | boolean {
  const { o, host } = run;
  if (o.mode === 'E') return preprocessFile(run, path);
  if (/\.c$/.test(path)) {
    const asm = compileFile(run, path);
    if (asm === null) return false;
    if (o.mode === 'S') {
      // `-o -` means standard output, as with gcc.
      if (o.output === '-') host.stdout(asm);
      else host.writeFile(o.output ?? withExt(path, '.s'), asm);
      return true;
    }
    return objectOut(run, path, assembleText(run, asm, withExt(path, '.s')));
  }
  if (/\.[sS]$/.test(path)) {
    if (o.mode === 'S') return true;
    const src = run.readText(path);
    if (src === null) {
      err(host, `${path}: No such file or directory`);
      return false;
    }
    return objectOut(run, path, assembleText(run, src, path));
  }
  if (!host.exists(path)) {
    err(host, `${path}: No such file or directory`);
    return false;
  }
  return o.mode === 'link' ? { name: path, bytes: host.readFile(path) } : true;
}

/** An assembled object: written out with -c, else kept for the link; false when assembly failed. */
function objectOut(run: Run, path: string, obj: Uint8Array | null): LinkInput | boolean {
  if (!obj) return false;
  if (run.o.mode !== 'c') return { name: path, bytes: obj };
  run.host.writeFile(run.o.output ?? withExt(path, '.o'), obj);
  return true;
}

/** -E: the preprocessed text to -o or stdout. */
function preprocessFile(run: Run, path: string): boolean {
  const { o, host } = run;
  const src = run.readText(path);
  if (src === null) {
    err(host, `${path}: No such file or directory`);
    return false;
  }
  const r = preprocessOnly(src, path, {
    includeDirs: o.includeDirs, defines: o.defines, undefines: o.undefines, readFile: run.readText,
    systemIncludeDirs: [...host.paths.systemIncludeDirs],
  });
  for (const d of r.diagnostics) host.stderr(formatDiagnostic(d, 'pagoda cc') + '\n');
  if (!r.ok) return false;
  if (o.output && o.output !== '-') host.writeFile(o.output, r.text);
  else host.stdout(r.text);
  return true;
}

/** The start-up object: crt0.o as it is, or crt0.s assembled; null after reporting. */
function startupObject(run: Run): LinkInput | null {
  const crt0 = run.host.paths.crt0;
  if (crt0.endsWith('.o')) {
    if (!run.host.isFile(crt0)) {
      err(run.host, `crt0 not found at ${crt0} (use -nostartfiles)`);
      return null;
    }
    return { name: crt0, bytes: run.host.readFile(crt0) };
  }
  const src = run.readText(crt0);
  if (src === null) {
    err(run.host, `crt0 not found at ${crt0} (use -nostartfiles)`);
    return null;
  }
  const obj = assembleText(run, src, crt0);
  return obj ? { name: crt0, bytes: obj } : null;
}

function linkProgram(run: Run, objects: LinkInput[]): number {
  const { o, host } = run;
  const inputs: LinkInput[] = [];
  if (!o.nostdlib && !o.nostartfiles) {
    const crt0 = startupObject(run);
    if (!crt0) return 1;
    inputs.push(crt0);
  }
  inputs.push(...objects);
  if (!o.nostdlib) {
    const libc = findLib(host, 'c', [...o.libDirs, ...host.paths.libDirs]);
    if (!libc) {
      err(host, 'libc.a not found (build userland first, pass -L DIR, or use -nostdlib)');
      return 1;
    }
    inputs.push({ name: libc, bytes: host.readFile(libc) });
  }
  const r = link(inputs);
  for (const d of r.diagnostics) host.stderr(`pagoda cc: ${formatLd(d)}\n`);
  if (!r.executable) return 1;
  host.writeFile(o.output ?? 'a.out', r.executable, 0o755);
  return 0;
}
