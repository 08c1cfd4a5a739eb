// C11 atomics, <stdatomic.h> and gcc's __atomic/__sync builtins on the A extension. test/cc/atomic/atomics.c
// checks every operation's value and effect; gcc's build (-march=rv32ima, run by qemu-riscv32, linked with
// the libc's atomic helpers compiled by gcc) and ours at -O0 and -O1 (with the helpers compiled by us, run
// by Pagoda) must print the same. Then the instructions: for each memory order, the disassembly (GNU
// objdump of our assembler's object) shows the psABI's mapping — the right fences and .aq/.rl bits.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../toolchain/cc/index.js';
import {
  CC_INCLUDE, ObjectFile, ROOT, SUPPORT, assembleText, compileC, gccObject, linkObjects, pipelineAvailable, pipelineName,
  runExecutable,
} from './pipeline.js';

const PROGRAM = join(ROOT, 'test/cc/atomic/atomics.c');
const HELPERS_DIR = join(ROOT, 'userland/libc/atomic');
const HELPERS = readdirSync(HELPERS_DIR).filter((f) => f.endsWith('.c')).map((f) => join(HELPERS_DIR, f));

function ours(path: string, opt: number): ObjectFile {
  return assembleText(compileC(path, opt, [], [SUPPORT, HELPERS_DIR]), path.replace(/^.*\//, '').replace(/\.c$/, '.s'));
}

/** Our assembly for `src` (one function), -O1. */
function asmOf(src: string): string {
  const r = compile(src, 't.c', { systemIncludeDirs: [CC_INCLUDE], opt: 1 });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.asm;
}

/** GNU objdump's instruction mnemonics (with operands) for our assembly of `src`, in order. */
function disassembly(src: string): string[] {
  const obj = assembleText(asmOf(src), 't.s');
  const dir = mkdtempSync(join(tmpdir(), 'pagoda-atomic-'));
  try {
    const path = join(dir, 't.o');
    writeFileSync(path, obj.bytes);
    const out = execFileSync('riscv64-unknown-elf-objdump', ['-d', '-M', 'no-aliases', path]).toString();
    return out.split('\n').filter((l) => /^\s+[0-9a-f]+:\t/.test(l)).map((l) => l.split('\t').slice(2).join(' ').replace(/\s+/g, ' ').trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!pipelineAvailable) console.warn(`test/cc/atomics: skipped, toolchain for ${pipelineName} or gcc not installed`);

describe.skipIf(!pipelineAvailable)(`atomics (${pipelineName})`, () => {
  let reference = '';
  beforeAll(() => {
    const flags = ['-march=rv32ima', '-I', HELPERS_DIR];
    const exe = linkObjects([gccObject(PROGRAM, flags), ...HELPERS.map((h) => gccObject(h, flags))]);
    reference = runExecutable(exe).stdout;
  });

  it('gcc -O1 -march=rv32ima passes every check (the reference)', () => {
    expect(reference).toMatch(/^OK atomics \d+\n$/);
  });

  for (const opt of [0, 1]) {
    it(`pagoda cc -O${opt} prints what gcc's build prints`, () => {
      const r = runExecutable(linkObjects([ours(PROGRAM, opt), ...HELPERS.map((h) => ours(h, 1))]));
      expect(r.stdout).toBe(reference);
      expect(r.status).toBe(0);
    });
  }

  it('_Thread_local objects are static objects of the one thread', () => {
    const path = join(ROOT, 'test/cc/atomic/thread_local.c');
    const r = runExecutable(linkObjects([ours(path, 1)]));
    expect(r.stdout).toBe('OK thread_local 5\n');
  });
});

describe.skipIf(!pipelineAvailable)('the instructions of each memory order (psABI mapping)', () => {
  const orders = ['relaxed', 'consume', 'acquire', 'release', 'acq_rel', 'seq_cst'];
  const body = (f: (o: number) => string): string => `int x; short h; long long q;\n` +
    orders.map((_, o) => `int f${o}(int v) { ${f(o)} }`).join('\n');

  /** The fences and memory accesses (except to the stack frame) of function f<o>, in order. */
  function insns(src: string, o: number): string[] {
    const asm = asmOf(src);
    const start = asm.indexOf(`\nf${o}:`);
    const end = asm.indexOf(`.size f${o},`, start);
    return asm.slice(start, end).split('\n').map((l) => l.trim())
      .filter((l) => /^(fence|l[bhw]u?|s[bhw]|amo|lr|sc)\b/.test(l) && !/\((sp|s0)\)$/.test(l));
  }

  it('loads: relaxed none; acquire a fence r,rw after; seq_cst fence rw,rw before as well', () => {
    const src = body((o) => `return __atomic_load_n(&x, ${o});`);
    const shapes = orders.map((_, o) => insns(src, o).map((l) => l.split(' ')[0] + (l.startsWith('fence') ? ' ' + l.split(' ')[1] : '')));
    expect(shapes).toEqual([
      ['lw'], ['lw', 'fence r,rw'], ['lw', 'fence r,rw'], ['lw'], ['lw', 'fence r,rw'], ['fence rw,rw', 'lw', 'fence r,rw'],
    ]);
  });

  it('stores: relaxed none; release, acq_rel and seq_cst a fence rw,w before', () => {
    const src = body((o) => `__atomic_store_n(&x, v, ${o}); return 0;`);
    const shapes = orders.map((_, o) => insns(src, o).map((l) => (l.startsWith('fence') ? l : l.split(' ')[0])));
    expect(shapes).toEqual([['sw'], ['sw'], ['sw'], ['fence rw,w', 'sw'], ['fence rw,w', 'sw'], ['fence rw,w', 'sw']]);
  });

  it('amo operations carry .aq for acquire, .rl for release, .aqrl for acq_rel and seq_cst (GNU objdump)', () => {
    const src = body((o) => `return __atomic_fetch_add(&x, v, ${o}) + __atomic_exchange_n(&x, v, ${o}) + __atomic_fetch_or(&x, v, ${o});`);
    const amos = disassembly(src).filter((l) => l.startsWith('amo')).map((l) => l.split(' ')[0]);
    const suffix = ['', '.aq', '.aq', '.rl', '.aqrl', '.aqrl'];
    expect(amos).toEqual(suffix.flatMap((s) => [`amoadd.w${s}`, `amoswap.w${s}`, `amoor.w${s}`]));
  });

  it('compare-and-swap loops use lr.w/sc.w with the table bits, and sub-word ones work on the aligned word', () => {
    const src = body((o) => `int e = v; return __atomic_compare_exchange_n(&x, &e, 1, 0, ${o}, 0) + __atomic_fetch_add(&h, 1, ${o});`);
    const lrsc = disassembly(src).filter((l) => /^(lr|sc)\./.test(l)).map((l) => l.split(' ')[0]);
    const lr = ['', '.aq', '.aq', '', '.aq', '.aqrl'];
    const sc = ['', '', '', '.rl', '.rl', '.rl'];
    expect(lrsc).toEqual(lr.flatMap((l, o) => [`lr.w${l}`, `sc.w${sc[o]}`, `lr.w${l}`, `sc.w${sc[o]}`]));
  });

  it('fences: acquire fence r,rw, release fence rw,w, acq_rel fence.tso, seq_cst fence rw,rw, relaxed none', () => {
    const src = body((o) => `__atomic_thread_fence(${o}); return 0;`);
    const fences = orders.map((_, o) => insns(src, o));
    expect(fences).toEqual([[], ['fence r,rw'], ['fence r,rw'], ['fence rw,w'], ['fence.tso'], ['fence rw,rw']]);
    expect(disassembly(src).filter((l) => l.startsWith('fence'))).toEqual(['fence r,rw', 'fence r,rw', 'fence rw,w', 'fence.tso', 'fence rw,rw']);
  });

  it('1-, 2- and 4-byte objects are always lock-free (inline), 8-byte ones not (gcc 12 calls helpers for 1 and 2)', () => {
    const a = asmOf('int f(void) { return __atomic_always_lock_free(1, 0) * 100 + __atomic_always_lock_free(2, 0) * 10 + __atomic_is_lock_free(4, 0) + __atomic_always_lock_free(8, 0) * 1000; }');
    expect(a).toMatch(/li a0, 111\n/);
  });

  it('8-byte objects call the libc helpers; reads of _Atomic objects are seq_cst loads', () => {
    const a = asmOf('long long q; _Atomic int ai; int f(void) { return __atomic_load_n(&q, 2) + ai; }');
    expect(a).toMatch(/call __atomic_load_8/);
    expect(a).toMatch(/fence rw,rw\n\tlw [a-z0-9]+, 0\([a-z0-9]+\)\n\tfence r,rw/);
  });
});
