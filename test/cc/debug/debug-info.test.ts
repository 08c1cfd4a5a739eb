// `pagoda cc -g`: the DWARF our toolchain writes (compiler -> assembler -> linker) is read without a warning
// by GNU readelf and objdump, and gdb-multiarch uses it: statically (lines, scopes, types, globals) and on the
// running program through qemu-riscv32's gdb stub (a breakpoint at a function, a backtrace three frames deep
// through our .debug_frame, parameters, locals, structs, bit-fields and enums printed, `finish`); `pagoda
// objdump -S -l` prints what GNU's does. And -g never changes the code: the same sources give the same
// instructions without it.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSection, readElf, sectionBytes } from '../../../abi/elfread.js';
import { compile } from '../../../toolchain/cc/index.js';
import { LONG } from '../../long.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SOURCE = join(import.meta.dirname, 'frames.c');
const has = (tool: string): boolean => spawnSync(tool, ['--version']).status === 0;
const READELF = 'riscv64-unknown-elf-readelf';
const OBJDUMP = 'riscv64-unknown-elf-objdump';
const GDB = 'gdb-multiarch';
const QEMU = 'qemu-riscv32';
const haveBinutils = has(READELF) && has(OBJDUMP);
const haveGdb = has(GDB);
const haveQemu = has(QEMU);
const work = mkdtempSync(join(tmpdir(), 'pagoda-cc-g-'));
const OUTPUT = 'hello 59 43 15\n';

/** `pagoda cc FLAGS frames.c -o NAME`; returns the executable's path. */
function build(name: string, flags: string[]): string {
  const out = join(work, name);
  execFileSync('node', [join(ROOT, 'bin/pagoda.mjs'), 'cc', ...flags, SOURCE, '-o', out], { cwd: work });
  return out;
}

function text(path: string): string {
  const elf = readElf(new Uint8Array(readFileSync(path)));
  return Buffer.from(sectionBytes(elf, findSection(elf, '.text')!)).toString('hex');
}

/** gdb-multiarch in batch mode running `commands` on `exe`; stdout and stderr together. */
function gdb(exe: string, commands: string[]): string {
  const args = ['-batch', '-nx', '-ex', 'set pagination off', ...commands.flatMap((c) => ['-ex', c]), exe];
  const r = spawnSync(GDB, args, { encoding: 'utf8', timeout: 60_000 });
  return r.stdout + r.stderr;
}

let o0 = '';
let o1 = '';
beforeAll(() => {
  o0 = build('frames-g', ['-g']);
  o1 = build('frames-g-O1', ['-g', '-O1']);
});

describe('pagoda cc -g output', () => {
  it('runs as without -g, and its .text is byte for byte the same (-O0 and -O1)', () => {
    expect(text(o0)).toBe(text(build('frames', [])));
    expect(text(o1)).toBe(text(build('frames-O1', ['-O1'])));
    if (haveQemu) for (const exe of [o0, o1]) expect(execFileSync(QEMU, [exe], { encoding: 'utf8' })).toBe(OUTPUT);
  });

  it.skipIf(!haveBinutils)('is read by GNU readelf --debug-dump and objdump -S without a warning', () => {
    for (const exe of [o0, o1]) {
      const r = spawnSync(READELF, ['--debug-dump=info,abbrev,rawline,decodedline,frames,str', exe], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toMatch(/warning/i);
      expect(r.stdout).toMatch(/DW_TAG_compile_unit[\s\S]*DW_AT_producer.*Pagoda cc -g/);
      expect(r.stdout).toMatch(/Compilation Unit @ offset 0:\n.*\n\s+Version:\s+5\n/);
      expect(r.stdout).toContain('frames.c  ');
      const d = spawnSync(OBJDUMP, ['-S', exe], { encoding: 'utf8' });
      expect(d.stderr).toBe('');
      expect(d.stdout).toContain('int sum = p->x + p->y + depth;');
    }
  });
});

describe.skipIf(!haveBinutils)('pagoda objdump -S -l', () => {
  it('interleaves source lines and file:line exactly as GNU objdump -S -l does (-O0 and -O1)', () => {
    for (const exe of [o0, o1]) {
      const ours = execFileSync('node', [join(ROOT, 'bin/pagoda.mjs'), 'objdump', '-S', '-l', exe], { encoding: 'utf8', maxBuffer: 1 << 26 });
      expect(ours).toMatch(/\/frames\.c:19\n(.*\n){0,5}  int sum = p->x \+ p->y \+ depth;\n/);
      expect(ours).toBe(execFileSync(OBJDUMP, ['-S', '-l', exe], { encoding: 'utf8', maxBuffer: 1 << 26 }));
    }
  });
});

describe.skipIf(!haveGdb)('gdb-multiarch reads the -g executable statically', () => {
  it('finds lines, lists source and knows each function\'s scope', () => {
    const out = gdb(o0, ['info line frames.c:19', 'list leaf', 'info scope leaf', 'info scope top']);
    expect(out).toMatch(/Line 19 of ".*frames\.c" starts at address 0x[0-9a-f]+ <leaf\+\d+>/);
    expect(out).toContain('static int leaf(int depth, const point_t *p) {');
    expect(out).toMatch(/Symbol depth is .*\n?.*DW_OP_fbreg -\d+/);
    expect(out).toMatch(/Symbol sum is/);
    expect(out).toMatch(/Symbol f is .*DW_OP_fbreg/s);
  });

  it('prints struct, union, enum, typedef, bit-field, array and pointer types', () => {
    const out = gdb(o0, ['ptype struct point', 'ptype point_t', 'ptype union bits', 'ptype enum color',
      'ptype struct flags', 'whatis table', 'whatis greeting', 'ptype word', 'ptype top', 'info address corner']);
    expect(out).toContain('type = struct point {\n    int x;\n    int y;\n}');
    expect(out).toContain('type = union bits {\n    int i;\n    float f;\n    unsigned char b[4];\n}');
    expect(out).toContain('type = enum color {RED, GREEN = 5, BLUE}');
    expect(out).toContain('    unsigned int ready : 1;\n    unsigned int mode : 3;\n    int level;');
    expect(out).toContain('type = int [3][2]');
    expect(out).toContain('type = const char *');
    expect(out).toContain('type = unsigned long');
    expect(out).toContain('type = int (unsigned long, enum color)'); // uses of a typedef name its type
    expect(out).toMatch(/Symbol "corner" is static storage at address 0x[0-9a-f]+\./);
  });
});

describe.skipIf(!haveGdb || !haveQemu)('gdb-multiarch debugs the running program through qemu-riscv32 -g', () => {
  const port = 20000 + (process.pid % 20000);
  let children: Array<ReturnType<typeof spawn>> = [];
  afterAll(() => {
    for (const c of children) c.kill();
  });

  /** Starts qemu's stub on `exe` and runs gdb's `commands` against it. */
  function session(exe: string, p: number, commands: string[]): string {
    children.push(spawn(QEMU, ['-g', String(p), exe], { stdio: 'ignore' }));
    spawnSync('sleep', ['0.3']);
    return gdb(exe, [`target remote :${p}`, ...commands]);
  }

  it('stops at a breakpoint, walks three frames up, prints locals and structs, finishes (-O0)', () => {
    const out = session(o0, port, ['break leaf', 'continue', 'bt', 'print *p', 'print depth', 'up', 'print n',
      'print p', 'up', 'print f', 'print c', 'print w', 'info frame', 'finish', 'continue']);
    expect(out).toMatch(/Breakpoint 1, leaf \(depth=21, p=0x[0-9a-f]+\) at .*frames\.c:19/);
    expect(out).toMatch(/#1 +0x[0-9a-f]+ in middle \(n=20, p=\.\.\.\) at .*frames\.c:27/);
    expect(out).toMatch(/#2 +0x[0-9a-f]+ in top \(w=10, c=GREEN\) at .*frames\.c:34/);
    expect(out).toMatch(/#3 +0x[0-9a-f]+ in main \(\) at .*frames\.c:40/);
    expect(out).toContain('$1 = {x = 10, y = 5}');
    expect(out).toContain('$2 = 21');
    expect(out).toContain('$3 = 20');
    expect(out).toContain('$4 = {x = 10, y = 5}');
    expect(out).toContain('$5 = {ready = 1, mode = 5, level = -2}');
    expect(out).toContain('$6 = GREEN');
    expect(out).toContain('$7 = 10');
    expect(out).toMatch(/Stack level 2, frame at 0x[0-9a-f]+:\n pc = 0x[0-9a-f]+ in top/);
    expect(out).toContain('Value returned is $8 = 59');
    expect(out).toContain('exited normally');
  });

  it('does the same on -O1 code, where the innermost frame\'s variables live in registers', () => {
    const out = session(o1, port + 1, ['break leaf', 'continue', 'bt', 'print *p', 'print depth', 'finish', 'continue']);
    expect(out).toMatch(/Breakpoint 1, leaf \(depth=21, p=0x[0-9a-f]+\)/);
    expect(out).toMatch(/#1 +0x[0-9a-f]+ in middle [\s\S]*#2 +0x[0-9a-f]+ in top [\s\S]*#3 +0x[0-9a-f]+ in main \(\)/);
    expect(out).toContain('$1 = {x = 10, y = 5}');
    expect(out).toContain('$2 = 21');
    expect(out).toContain('Value returned is $3 = 36');
    expect(out).toContain('exited normally');
  });
});

describe('-g changes no instruction', () => {
  // Every userland C file under LONG > 1; a fixed sample otherwise (each is compiled four times).
  const all: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.c')) all.push(p);
    }
  };
  walk(join(ROOT, 'userland'));
  const count = Math.min(all.length, 6 * LONG);
  const sample = all.filter((_, i) => i % Math.max(1, Math.floor(all.length / count)) === 0).slice(0, count);
  const readFile = (p: string): string | null => {
    try {
      return readFileSync(p, 'utf8');
    } catch {
      return null;
    }
  };
  const base = { systemIncludeDirs: [join(ROOT, 'toolchain/cc/include'), join(ROOT, 'userland/libc/include')], readFile };

  it(`gives the same assembly, minus its .loc/.cfi/.file lines and DWARF sections, for ${sample.length} userland sources at -O0 and -O1`, () => {
    for (const opt of [0, 1]) {
      for (const f of sample) {
        const src = readFileSync(f, 'utf8');
        const plain = compile(src, f, { ...base, opt });
        if (!plain.ok) continue;
        const g = compile(src, f, { ...base, opt, debug: { compDir: '/src' } });
        expect(g.ok, f).toBe(true);
        const code = g.asm.slice(0, g.asm.indexOf('\t.text\n.Letext0:'));
        const stripped = code.split('\n').filter((l) => !/^\t\.(loc |cfi_|file \d)/.test(l) && !/^\.L(text0|fe\d+):$/.test(l));
        expect(stripped.join('\n').trimEnd(), `${f} -O${opt}`).toBe(plain.asm.trimEnd());
      }
    }
  });
});
