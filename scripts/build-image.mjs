// build-image.mjs: builds the boot image dist/boot.cpio from userland/ with Pagoda's own toolchain
// (toolchain/cc compile -> toolchain/as assemble -> toolchain/ar archive -> toolchain/ld link), after `tsc`
// has written dist/. Layout of the image: /bin/* (one program per userland/bin/*.c, and per directory
// userland/bin/NAME/ whose .c files are linked together, as the shell's), /tests/* (the libc test
// programs, userland/tests/*.c), the kernel-provided toolchain's marker files /bin/{cc,as,ld,ar,objdump},
// /usr/include and /usr/lib (headers, crt0.o, libc.a, libm.a for the machine's cc), /etc/motd, /etc/passwd,
// /home/hello.c (userland/home/), and the directories /tmp, /home, /dev, /proc.
// Also writes DIST/userland/{libc.a,crt0.o}, where `pagoda cc` finds them.
//
//   node scripts/build-image.mjs [--dist DIR] [--out FILE] [--no-gcc-fallback] [--quiet]
//
// A source our compiler cannot compile yet is reported (file and first error) and, unless
// --no-gcc-fallback, built with riscv64-unknown-elf-gcc instead when that is installed; the summary line at
// the end says how many pieces were built by which toolchain. Exit status 1 when a piece could not be built.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const USERLAND = join(ROOT, 'userland');
const GCC = 'riscv64-unknown-elf-gcc';
const GCC_FLAGS = ['-march=rv32imafd', '-mabi=ilp32d', '-mno-relax', '-O2', '-ffreestanding', '-fno-builtin',
  '-fno-tree-loop-distribute-patterns', '-fno-stack-protector', '-std=gnu11', '-w'];

function parseArgs(argv) {
  const o = { dist: join(ROOT, 'dist'), out: undefined, gccFallback: true, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dist') o.dist = argv[++i];
    else if (argv[i] === '--out') o.out = argv[++i];
    else if (argv[i] === '--no-gcc-fallback') o.gccFallback = false;
    else if (argv[i] === '--quiet') o.quiet = true;
    else throw new Error(`build-image: unknown option ${argv[i]}`);
  }
  o.out ??= join(o.dist, 'boot.cpio');
  return o;
}

/** Sources under dir ending in one of exts, sorted, as paths relative to userland/. */
function listSources(dir, exts) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listSources(path, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(relative(USERLAND, path));
  }
  return out;
}

/**
 * The programs under userland/DIR: each DIR/NAME.c is a program, and so is each directory DIR/NAME/ (all of
 * its .c files linked together, for programs too big for one file). Returns [DIR, NAME, sources] triples.
 */
function programSources(dir) {
  const root = join(USERLAND, dir);
  if (!existsSync(root)) return [];
  const out = [];
  for (const entry of readdirSync(root).sort()) {
    const path = join(root, entry);
    if (statSync(path).isDirectory()) {
      const files = listSources(path, ['.c']);
      if (files.length > 0) out.push([dir, entry, files]);
    } else if (entry.endsWith('.c')) {
      out.push([dir, basename(entry, '.c'), [relative(USERLAND, path)]]);
    }
  }
  return out;
}

function haveGcc() {
  try {
    execFileSync(GCC, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function readText(path) {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : null;
  } catch {
    return null;
  }
}

/** Our toolchain, loaded from the compiled dist/. */
async function loadToolchain(dist) {
  const load = (p) => import(pathToFileURL(join(dist, p)).href);
  const [cc, as, ld, ar, cpio] = await Promise.all([
    load('toolchain/cc/index.js'), load('toolchain/as/index.js'), load('toolchain/ld/index.js'),
    load('toolchain/ar.js'), load('abi/cpio.js'),
  ]);
  return { cc, as, ld, ar, cpio };
}

class Builder {
  constructor(tc, opts) {
    this.tc = tc;
    this.gcc = opts.gccFallback && haveGcc();
    this.ours = 0;
    this.byGcc = [];
    this.failures = [];
    this.tmp = mkdtempSync(join(tmpdir(), 'pagoda-image-'));
  }

  /** An object file for `src` (relative to userland/): our toolchain first, gcc as the recorded fallback. */
  object(src) {
    const path = join(USERLAND, src);
    const text = readFileSync(path, 'utf8');
    let asm = text;
    let error;
    if (src.endsWith('.c')) {
      const r = this.tc.cc.compile(text, path, {
        systemIncludeDirs: [join(ROOT, 'toolchain/cc/include'), join(USERLAND, 'libc/include')],
        readFile: readText, opt: 1,
      });
      const first = r.diagnostics.find((d) => d.severity === 'error');
      if (r.ok) asm = r.asm;
      else error = first ? this.tc.cc.formatDiagnostic(first, 'cc') : 'compile failed';
    }
    if (!error) {
      const a = this.tc.as.assemble(asm, src);
      if (a.object) {
        this.ours++;
        return a.object;
      }
      error = a.diagnostics.length ? this.tc.as.formatDiagnostic(a.diagnostics[0]) : 'assembly failed';
    }
    return this.fallback(src, error);
  }

  fallback(src, error) {
    if (!this.gcc) {
      this.failures.push({ src, error });
      return undefined;
    }
    const out = join(this.tmp, src.replace(/[/.]/g, '_') + '.o');
    const march = src.endsWith('.s') ? ['-march=rv32imafd_zicsr'] : [];
    try {
      execFileSync(GCC, [...GCC_FLAGS, ...march, `-I${join(USERLAND, 'libc/include')}`, '-c', join(USERLAND, src), '-o', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      this.failures.push({ src, error: `${error}; gcc also failed: ${String(e.stderr ?? e.message).split('\n')[0]}` });
      return undefined;
    }
    this.byGcc.push({ src, error });
    return new Uint8Array(readFileSync(out));
  }

  /** Links crt0 + objects + libc.a; the executable, or undefined (recorded as a failure). */
  link(name, objects, crt0, libc) {
    const r = this.tc.ld.link([{ name: 'crt0.o', bytes: crt0 }, ...objects, { name: 'libc.a', bytes: libc }]);
    if (r.executable) return r.executable;
    this.failures.push({ src: name, error: r.diagnostics.map((d) => this.tc.ld.formatDiagnostic(d)).slice(0, 3).join('; ') });
    return undefined;
  }
}

const MOTD = `Welcome to Pagoda: a kernel in TypeScript on an emulated RISC-V machine.
Type 'help' for the shell's builtins; programs live in /bin (try ls -l /bin, ps, free, chunks).

A first tour: write a program, build it, run it, look at its memory.
  cd                         go home: /home (the web page keeps it across reloads)
  edit hello.c               change the greeting; Ctrl-S saves, Ctrl-Q quits
  cc -O1 -o hello hello.c    Pagoda's own C compiler, inside the machine
  ./hello                    run it: the address-space view beside follows it
  ./hello 30 & pmap $!       its regions, as /proc/PID/maps lists them
`;

/** Programs installed under a second name too: alias -> program. */
const PROGRAM_ALIASES = { 'bin/vi': 'bin/edit' };

/** The kernel-provided programs: /bin/NAME is a marker file whose body the kernel runs (abi/kprogram.ts). */
const KERNEL_PROGRAMS = ['cc', 'as', 'ld', 'ar', 'objdump'];

/** Every file under `dir` as [path relative to dir, bytes], sorted. */
function treeFiles(dir, rel = '') {
  const out = [];
  for (const name of readdirSync(join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(join(dir, r)).isDirectory()) out.push(...treeFiles(dir, r));
    else out.push([r, new Uint8Array(readFileSync(join(dir, r)))]);
  }
  return out;
}

/**
 * The system's development files, for the machine's own cc: /usr/include (libc's headers, then the
 * compiler's own, which win a clash as they come first on the host's search path) and /usr/lib (crt0.o,
 * libc.a, libm.a). Entries in cpio form (directories included).
 */
function developmentEntries(lib) {
  const entries = [];
  const dirs = new Set();
  const addDir = (path) => {
    for (let at = path.indexOf('/'); ; at = path.indexOf('/', at + 1)) {
      const d = at < 0 ? path : path.slice(0, at);
      if (!dirs.has(d)) {
        dirs.add(d);
        entries.push({ name: d, mode: 0o040755, data: new Uint8Array(0) });
      }
      if (at < 0) break;
    }
  };
  const headers = new Map();
  for (const [rel, bytes] of treeFiles(join(USERLAND, 'libc/include'))) headers.set(rel, bytes);
  for (const [rel, bytes] of treeFiles(join(ROOT, 'toolchain/cc/include'))) headers.set(rel, bytes);
  for (const [rel, bytes] of [...headers].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const name = `usr/include/${rel}`;
    addDir(name.slice(0, name.lastIndexOf('/')));
    entries.push({ name, mode: 0o100644, data: bytes });
  }
  addDir('usr/lib');
  for (const [name, bytes] of Object.entries(lib)) if (bytes) entries.push({ name: `usr/lib/${name}`, mode: 0o100644, data: bytes });
  return entries;
}

/** The boot image's entries: directories, /etc files, the programs and the development files. */
function imageEntries(programs, lib) {
  const enc = new TextEncoder();
  const dir = (name) => ({ name, mode: 0o040755, data: new Uint8Array(0) });
  const file = (name, text, mode = 0o100644) => ({ name, mode, data: enc.encode(text) });
  const entries = ['bin', 'etc', 'tmp', 'home', 'dev', 'proc'].map(dir);
  entries.push(file('etc/motd', MOTD), file('etc/passwd', 'root:x:0:0:root:/home:/bin/sh\n'));
  entries.push(dir('tests'));
  // The tour's program, a starting file in /home (which the kernel makes writable).
  entries.push(file('home/hello.c', readText(join(USERLAND, 'home', 'hello.c')) ?? ''));
  for (const [name, bytes] of programs) entries.push({ name, mode: 0o100755, data: bytes });
  for (const name of KERNEL_PROGRAMS) {
    if (!programs.some(([p]) => p === `bin/${name}`)) entries.push(file(`bin/${name}`, `\x7fpagoda-kernel-program ${name}\n`, 0o100755));
  }
  entries.push(...developmentEntries(lib));
  return entries;
}

/**
 * Builds the boot image with toolchain `tc` ({ cc, as, ld, ar, cpio } modules): returns the cpio bytes, the
 * program names, and what was built by gcc or failed (each { src, error }). Also writes libc.a and crt0.o
 * into `libDir` when given.
 */
export function buildImage(tc, opts = {}) {
  const b = new Builder(tc, { gccFallback: opts.gccFallback ?? true });
  const libcSources = listSources(join(USERLAND, 'libc'), ['.c', '.s']);
  const members = [];
  for (const src of libcSources) {
    const obj = b.object(src);
    if (obj) members.push({ name: basename(src).replace(/\.[cs]$/, '.o'), bytes: obj });
  }
  const libc = tc.ar.writeArchive(members.map((m, i) => ({ name: `${i}_${m.name}`, bytes: m.bytes })));
  const crt0 = b.object('crt/crt0.s');
  // The maths are in libc.a (userland/libc/math); libm.a is empty, so `cc prog.c -lm` links as on Unix.
  const libm = tc.ar.writeArchive([]);
  if (opts.libDir) {
    mkdirSync(opts.libDir, { recursive: true });
    writeFileSync(join(opts.libDir, 'libc.a'), libc);
    writeFileSync(join(opts.libDir, 'libm.a'), libm);
    if (crt0) writeFileSync(join(opts.libDir, 'crt0.o'), crt0);
  }
  const programs = [];
  for (const [dir, name, sources] of [...programSources('bin'), ...programSources('tests')]) {
    const objects = sources.map((src) => ({ name: basename(src).replace(/\.c$/, '.o'), bytes: b.object(src) }));
    if (!crt0 || objects.some((o) => !o.bytes)) continue;
    const exe = b.link(name, objects, crt0, libc);
    if (exe) programs.push([`${dir}/${name}`, exe]);
  }
  // Second names for a program, as a link would give: the same executable under another name.
  for (const [alias, target] of Object.entries(PROGRAM_ALIASES)) {
    const found = programs.find((p) => p[0] === target);
    if (found) programs.push([alias, found[1]]);
  }
  rmSync(b.tmp, { recursive: true, force: true });
  return { image: tc.cpio.writeCpio(imageEntries(programs, { 'crt0.o': crt0, 'libc.a': libc, 'libm.a': libm })), programs: programs.map((p) => p[0]), ours: b.ours, byGcc: b.byGcc, failures: b.failures };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const tc = await loadToolchain(opts.dist);
  const r = buildImage(tc, { gccFallback: opts.gccFallback, libDir: join(opts.dist, 'userland') });
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, r.image);
  const firstLine = (e) => e.split('\n')[0];
  for (const f of r.byGcc) console.error(`build-image: built with gcc (our cc failed): ${f.src}: ${firstLine(f.error)}`);
  for (const f of r.failures) console.error(`build-image: FAILED ${f.src}: ${firstLine(f.error)}`);
  if (!opts.quiet || r.byGcc.length || r.failures.length) {
    console.error(`build-image: ${opts.out}: ${r.programs.length} programs; objects by our toolchain ${r.ours}, by gcc ${r.byGcc.length}, failed ${r.failures.length}`);
  }
  return r.failures.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then((code) => process.exit(code), (e) => {
    console.error(`build-image: ${e.message}`);
    process.exit(2);
  });
}
