// The fuzzer's seed inputs, all valid: C sources (the compiler's test programs, userland), assembly (the
// assembler's fixtures, crt0, libc's .s files, and our compiler's output), and binaries made by both
// toolchains — objects, executables and archives from ours, and the GNU-built objdump fixtures (plus a GNU
// ar archive of them when riscv64-unknown-elf-ar is installed). Built once per process.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeArchive } from '../../toolchain/ar.js';
import { assemble } from '../../toolchain/as/index.js';
import { compile } from '../../toolchain/cc/index.js';
import { link } from '../../toolchain/ld/index.js';

/** The seeds of every tool's inputs. */
export interface Corpus {
  readonly c: readonly string[];
  readonly asm: readonly string[];
  readonly objects: readonly Uint8Array[];
  readonly executables: readonly Uint8Array[];
  readonly archives: readonly Uint8Array[];
  /** Reads a header for `#include <...>` (the compiler's and libc's), as `pagoda cc` would. */
  readonly readSystemFile: (path: string) => string | null;
  readonly systemIncludeDirs: readonly string[];
}

/** The repository root: the nearest folder up from here whose package.json names pagoda (works from dist/ too). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"pagoda"/.test(readFileSync(pkg, 'utf8'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('fuzz corpus: repository root not found');
    dir = up;
  }
}

function filesUnder(dir: string, ext: RegExp, maxBytes: number): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...filesUnder(p, ext, maxBytes));
    else if (ext.test(name) && st.size <= maxBytes) out.push(p);
  }
  return out;
}

/** A tiny program that needs no libc: our executables' seed. */
const FREESTANDING = `
int counter;
static const char message[] = "fuzz";
struct pair { int a; short b; char c; } pairs[3] = { {1, 2, 3}, {4, 5, 6} };
int twice(int x) { return x * 2 + message[x & 3]; }
long long wide(long long a, int s) { return (a << 3) ^ s; }
void _start(void) {
  for (int i = 0; i < 3; i++) counter += twice(pairs[i].a) + pairs[i].b;
  counter += (int)wide(counter, 5);
  for (;;) {}
}
`;

let cached: Corpus | undefined;

/** Builds (once) and returns the corpus. */
export function loadCorpus(): Corpus {
  if (cached) return cached;
  const root = repoRoot();
  const read = (p: string): string => readFileSync(p, 'utf8');
  const systemIncludeDirs = [join(root, 'toolchain/cc/include'), join(root, 'userland/libc/include')];
  const headerCache = new Map<string, string | null>();
  const readSystemFile = (path: string): string | null => {
    if (!headerCache.has(path)) {
      let text: string | null = null;
      try {
        if (systemIncludeDirs.some((d) => path.startsWith(d + '/'))) text = read(path);
      } catch {
        text = null;
      }
      headerCache.set(path, text);
    }
    return headerCache.get(path)!;
  };
  const cFiles = [
    ...filesUnder(join(root, 'test/cc/c'), /\.c$/, 40_000),
    ...filesUnder(join(root, 'test/as/fixtures'), /\.c$/, 40_000),
    ...filesUnder(join(root, 'test/toolchain'), /\.c$/, 40_000),
    ...filesUnder(join(root, 'userland'), /\.c$/, 20_000),
  ];
  const c = cFiles.map(read);
  const asmFiles = [
    ...filesUnder(join(root, 'test/as/fixtures'), /\.s$/, 200_000),
    ...filesUnder(join(root, 'test/toolchain/objdump'), /\.s$/, 200_000),
    ...filesUnder(join(root, 'userland/crt'), /\.s$/, 200_000),
    ...filesUnder(join(root, 'userland/libc/arch'), /\.s$/, 200_000),
  ];
  const asm = asmFiles.map(read);
  // Our compiler's output is what the assembler sees most: a few units of it join the assembly seeds.
  const compileOpts = { systemIncludeDirs, readFile: readSystemFile };
  for (const src of [FREESTANDING, ...c.slice(0, 6)]) {
    const r = compile(src, 'seed.c', compileOpts);
    if (r.ok) asm.push(r.asm);
  }
  const objects: Uint8Array[] = [];
  for (const text of asm) {
    const r = assemble(text, 'seed.s', { march: 'rv32imafd' });
    if (r.object) objects.push(r.object);
  }
  const freestanding = assemble(compile(FREESTANDING, 'seed.c', compileOpts).asm, 'seed.s').object!;
  const executables: Uint8Array[] = [];
  const linked = link([{ name: 'seed.o', bytes: freestanding }]);
  if (linked.executable) executables.push(linked.executable);
  const archives = [writeArchive(objects.slice(0, 8).map((bytes, i) => ({ name: `seed${i}.o`, bytes })))];
  // GNU-built inputs: the objdump fixtures (gcc/as/ld output).
  const gnuDir = join(root, 'test/toolchain/objdump/fixtures');
  const gnuObjects = filesUnder(gnuDir, /\.o$/, 1 << 20).map((p) => new Uint8Array(readFileSync(p)));
  objects.push(...gnuObjects);
  for (const name of ['prog', 'prog-stripped']) {
    if (existsSync(join(gnuDir, name))) executables.push(new Uint8Array(readFileSync(join(gnuDir, name))));
  }
  const gnuArchive = gnuAr(gnuObjects);
  if (gnuArchive) archives.push(gnuArchive);
  cached = { c, asm, objects, executables, archives, readSystemFile, systemIncludeDirs };
  return cached;
}

/** A GNU ar archive (with its long-name table and index) of `objects`, or undefined without GNU ar. */
function gnuAr(objects: readonly Uint8Array[]): Uint8Array | undefined {
  if (objects.length === 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'pagoda-fuzz-'));
  try {
    const names = objects.map((bytes, i) => {
      const name = `gnu-object-with-a-long-name-${i}.o`;
      writeFileSync(join(dir, name), bytes);
      return name;
    });
    execFileSync('riscv64-unknown-elf-ar', ['rcs', 'lib.a', ...names], { cwd: dir, stdio: 'ignore' });
    return new Uint8Array(readFileSync(join(dir, 'lib.a')));
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
